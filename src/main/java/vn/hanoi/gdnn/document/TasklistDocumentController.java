package vn.hanoi.gdnn.document;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.hanoi.gdnn.security.DocumentAccess;
import vn.hanoi.gdnn.security.TaskHolders;

/**
 * The document tab of Tasklist (plugin {@code scripts/documents-tab.js}) works with the webapp's own session,
 * not HTTP Basic: these endpoints sit under {@code /camunda/api/}, where Camunda's webapp filters check the
 * session and the CSRF token of changes ({@code X-XSRF-TOKEN}), and apply the same rules as the API
 * ({@link TaskHolders}, {@link DocumentAccess}) to the signed-in person.
 */
@RestController
public class TasklistDocumentController {

  static final String BASE = "/camunda/api/gdnn-documents/default";
  private static final String NOT_SIGNED_IN = "Phiên làm việc đã hết hạn: hãy đăng nhập lại.";

  private final DocumentService documents;
  private final TaskHolders holders;
  private final DocumentAccess access;

  public TasklistDocumentController(DocumentService documents, TaskHolders holders, DocumentAccess access) {
    this.documents = documents;
    this.holders = holders;
    this.access = access;
  }

  @GetMapping(BASE + "/tasks/{taskId}/documents")
  public ResponseEntity<?> ofTask(@PathVariable String taskId, HttpServletRequest request) {
    UserAuthentication user = user(request);
    if (user == null) {
      return DocumentResponses.error(HttpStatus.UNAUTHORIZED, "Unauthorized", null, NOT_SIGNED_IN);
    }
    if (!holders.holds(taskId, user.getName(), groups(user)).orElse(true)) {
      return forbidden(vn.hanoi.gdnn.security.AccessRules.TASK_DOCUMENTS_DENIED);
    }
    return ResponseEntity.ok(documents.ofTask(taskId));
  }

  @PostMapping(BASE + "/tasks/{taskId}/documents")
  public ResponseEntity<?> attach(@PathVariable String taskId, @RequestPart("file") MultipartFile file,
      @RequestParam(name = "kind", required = false) String kind, HttpServletRequest request) throws IOException {
    UserAuthentication user = user(request);
    if (user == null) {
      return DocumentResponses.error(HttpStatus.UNAUTHORIZED, "Unauthorized", null, NOT_SIGNED_IN);
    }
    if (!holders.holds(taskId, user.getName(), groups(user)).orElse(true)) {
      return forbidden(vn.hanoi.gdnn.security.AccessRules.TASK_DOCUMENTS_DENIED);
    }
    StoredDocument stored = documents.attach(taskId, DocumentResponses.upload(file), kind, user.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(DocumentView.of(stored));
  }

  @GetMapping(BASE + "/documents/{id}/content")
  public ResponseEntity<?> content(@PathVariable String id, HttpServletRequest request) {
    UserAuthentication user = user(request);
    if (user == null) {
      return DocumentResponses.error(HttpStatus.UNAUTHORIZED, "Unauthorized", null, NOT_SIGNED_IN);
    }
    if (!access.mayRead(id, user.getName(), groups(user)).orElse(true)) {
      return forbidden(vn.hanoi.gdnn.security.AccessRules.DOCUMENT_DENIED);
    }
    return DocumentResponses.content(documents.find(id), documents.content(id));
  }

  private static ResponseEntity<Map<String, Object>> forbidden(String message) {
    return DocumentResponses.error(HttpStatus.FORBIDDEN, "Forbidden", null, message);
  }

  /** The person signed into the webapps for the default engine, or null. */
  private static UserAuthentication user(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    return authentications.getAuthenticationForProcessEngine("default") instanceof UserAuthentication u ? u : null;
  }

  private static List<String> groups(UserAuthentication user) {
    return user.getGroupIds() == null ? List.of() : user.getGroupIds();
  }
}
