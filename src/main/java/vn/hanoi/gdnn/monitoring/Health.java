package vn.hanoi.gdnn.monitoring;

/** How a deliverable stands, with the label and colour managers see. Order = severity, worst last. */
public enum Health {
  COMPLETED("Đã hoàn thành", "green"),
  ON_TRACK("Đúng tiến độ", "green"),
  AT_RISK("Có nguy cơ chậm", "orange"),
  STUCK("Bị tắc", "red"),
  OVERDUE("Quá hạn", "red");

  private final String label;
  private final String colour;

  Health(String label, String colour) {
    this.label = label;
    this.colour = colour;
  }

  public String label() {
    return label;
  }

  public String colour() {
    return colour;
  }
}
