package vn.hanoi.gdnn.delegation;

/** A refused absence: the field at fault and a Vietnamese message (400), or a caller who may not record it (403). */
public class DelegationException extends RuntimeException {

  private final String field;
  private final boolean forbidden;

  DelegationException(String field, String message, boolean forbidden) {
    super(message);
    this.field = field;
    this.forbidden = forbidden;
  }

  static DelegationException bad(String field, String message) {
    return new DelegationException(field, message, false);
  }

  static DelegationException forbidden(String message) {
    return new DelegationException(null, message, true);
  }

  public String field() {
    return field;
  }

  public boolean forbidden() {
    return forbidden;
  }
}
