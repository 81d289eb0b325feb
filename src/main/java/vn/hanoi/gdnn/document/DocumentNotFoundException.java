package vn.hanoi.gdnn.document;

/** An unknown task, document or deliverable: 404 with a Vietnamese message. */
public class DocumentNotFoundException extends RuntimeException {

  public DocumentNotFoundException(String message) {
    super(message);
  }
}
