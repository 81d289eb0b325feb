package vn.hanoi.gdnn.document;

/** A refused document: answered 400 with the Vietnamese message and the field at fault; nothing is stored. */
public class DocumentException extends RuntimeException {

  private final String field;

  public DocumentException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
