package vn.hanoi.gdnn.document;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.hanoi.gdnn.security.DeliverableUnits;

/**
 * The documents API for integrators (HTTP Basic, rules in security.AccessRules). Tasklist's document tab calls
 * the same service through {@code webapp.TaskDocumentsPluginResource} with the webapp session.
 */
@RestController
public class DocumentController {

  private final DocumentService documents;
  private final org.springframework.beans.factory.ObjectProvider<DeliverableUnits> deliverables;

  public DocumentController(DocumentService documents,
      org.springframework.beans.factory.ObjectProvider<DeliverableUnits> deliverables) {
    this.documents = documents;
    this.deliverables = deliverables;
  }

  @PostMapping("/api/tasks/{taskId}/documents")
  public ResponseEntity<Map<String, Object>> attach(@PathVariable String taskId,
      @RequestPart("file") MultipartFile file, @RequestParam(name = "kind", required = false) String kind,
      Authentication user) throws IOException {
    StoredDocument stored = documents.attach(taskId, DocumentResponses.upload(file), kind, user.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(DocumentView.of(stored));
  }

  @GetMapping("/api/tasks/{taskId}/documents")
  public Map<String, Object> ofTask(@PathVariable String taskId) {
    return documents.ofTask(taskId);
  }

  @GetMapping("/api/plan/deliverables/{code}/documents")
  public List<Map<String, Object>> ofDeliverable(@PathVariable String code) {
    List<StoredDocument> found = documents.ofDeliverable(code);
    if (found.isEmpty() && deliverables.getObject().ofDeliverable(code).isEmpty()) {
      throw new DocumentNotFoundException("Không có nhiệm vụ mã " + code + " trong kế hoạch.");
    }
    return found.stream().map(DocumentView::of).toList();
  }

  @GetMapping("/api/documents/{id}/content")
  public ResponseEntity<byte[]> content(@PathVariable String id) {
    return DocumentResponses.content(documents.find(id), documents.content(id));
  }
}
