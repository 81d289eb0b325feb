package vn.hanoi.gdnn.plan;

/** What is wrong with one entry of the catalogue: the entry (code or position), the field, and why (Vietnamese). */
public record CatalogueProblem(String entry, String field, String message) {

  @Override
  public String toString() {
    return "Nhiệm vụ " + entry + ", trường \"" + field + "\": " + message;
  }
}
