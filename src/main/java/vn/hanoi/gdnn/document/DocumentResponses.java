package vn.hanoi.gdnn.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Answers of the document endpoints: the file as a download, refusals as 400 with the field and a Vietnamese
 * message, unknown ids as 404. Multipart errors are raised before any controller is chosen, so this advice is
 * global; it handles only multipart and document exceptions.
 */
@RestControllerAdvice
public class DocumentResponses {

  private final DocumentProperties properties;

  public DocumentResponses(DocumentProperties properties) {
    this.properties = properties;
  }

  static DocumentService.Upload upload(MultipartFile file) throws IOException {
    return new DocumentService.Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes());
  }

  static ResponseEntity<byte[]> content(StoredDocument document, byte[] bytes) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(document.name(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-SHA256", document.sha256())
        .body(bytes);
  }

  @ExceptionHandler(DocumentException.class)
  ResponseEntity<Map<String, Object>> refused(DocumentException e) {
    return error(HttpStatus.BAD_REQUEST, "DocumentRefused", e.field(), e.getMessage());
  }

  @ExceptionHandler(DocumentNotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(DocumentNotFoundException e) {
    return error(HttpStatus.NOT_FOUND, "NotFound", null, e.getMessage());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
    return error(HttpStatus.BAD_REQUEST, "DocumentRefused", "file", FileInspection.tooLarge(properties).getMessage());
  }

  @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
  ResponseEntity<Map<String, Object>> noFile(Exception e) {
    return error(HttpStatus.BAD_REQUEST, "DocumentRefused", "file",
        "Chưa chọn tệp đính kèm: gửi tệp trong trường \"file\" của biểu mẫu (multipart/form-data).");
  }

  static ResponseEntity<Map<String, Object>> error(HttpStatus status, String type, String field, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    if (field != null) {
      body.put("field", field);
    }
    body.put("message", message);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
