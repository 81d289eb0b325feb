package vn.hanoi.gdnn.monitoring;

/** A wrong parameter of a monitoring request: answered 400 with the field and a Vietnamese message. */
public class MonitoringInputException extends RuntimeException {

  private final String field;

  public MonitoringInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
