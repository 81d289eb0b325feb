package vn.hanoi.gdnn.plan;

/** Where an occurrence of a deliverable stands, with a stable code and the Vietnamese label people read. */
public enum DeliverableStatus {
  NOT_STARTED("not_started", "Chưa triển khai"),
  IN_PROGRESS("in_progress", "Đang thực hiện"),
  WAITING_EXTERNAL("waiting_external", "Chờ kết quả của cơ quan khác"),
  OVERDUE("overdue", "Quá hạn"),
  DONE("done", "Hoàn thành"),
  REJECTED("rejected", "Bị từ chối"),
  CANCELLED("cancelled", "Đã hủy");

  private final String code;
  private final String label;

  DeliverableStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static DeliverableStatus ofCode(String code) {
    for (DeliverableStatus s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    return null;
  }
}
