package vn.hanoi.gdnn.plan;

/** One of the plan's content areas ("Nội dung thực hiện"), numbered as in the plan. */
public record Area(int number, String title) {
}
