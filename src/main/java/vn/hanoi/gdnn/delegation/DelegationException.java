package vn.hanoi.gdnn.delegation;

/**
 * A refused absence: the field at fault and a Vietnamese message (400), a caller who may not act on it (403), or
 * an absence that does not exist (404).
 */
public class DelegationException extends RuntimeException {

  private final String field;
  private final boolean forbidden;
  private final boolean notFound;

  DelegationException(String field, String message, boolean forbidden, boolean notFound) {
    super(message);
    this.field = field;
    this.forbidden = forbidden;
    this.notFound = notFound;
  }

  static DelegationException bad(String field, String message) {
    return new DelegationException(field, message, false, false);
  }

  static DelegationException notFound(String message) {
    return new DelegationException(null, message, false, true);
  }

  static DelegationException forbidden(String message) {
    return new DelegationException(null, message, true, false);
  }

  public String field() {
    return field;
  }

  public boolean forbidden() {
    return forbidden;
  }

  public boolean notFound() {
    return notFound;
  }
}
