package vn.hanoi.gdnn.plan;

/** An amendment's input is not acceptable; names the field, says why in Vietnamese. Nothing was changed. */
public class AmendmentException extends RuntimeException {

  private final String field;

  public AmendmentException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
