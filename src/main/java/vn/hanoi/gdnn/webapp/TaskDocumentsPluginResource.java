package vn.hanoi.gdnn.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;

import vn.hanoi.gdnn.document.DocumentException;
import vn.hanoi.gdnn.document.DocumentNotFoundException;
import vn.hanoi.gdnn.document.DocumentProperties;
import vn.hanoi.gdnn.document.DocumentService;
import vn.hanoi.gdnn.document.DocumentView;
import vn.hanoi.gdnn.document.StoredDocument;
import vn.hanoi.gdnn.security.AccessRules;
import vn.hanoi.gdnn.security.DocumentAccess;
import vn.hanoi.gdnn.security.TaskHolders;

/**
 * The "Tài liệu" tab's calls, for the person signed into Tasklist: the same service and the same rules as the
 * documents API ({@code /api/tasks/{taskId}/documents}, {@code /api/documents/{id}/content}), with the webapp
 * session instead of HTTP Basic. Only the task's holders ({@link TaskHolders}) list and attach; only the
 * deliverable's readers and its open tasks' holders ({@link DocumentAccess}) download.
 *
 * <p>An upload is the file itself as the request body ({@code Content-Type} the browser's type of the file), its
 * name in the query ({@code name}, the step's kind unless {@code kind} says otherwise): the body is read up to one
 * byte over the size limit, so a larger file is refused without being held in memory whole.
 */
public class TaskDocumentsPluginResource extends AbstractTasklistPluginResource {

  private static final Logger LOG = LoggerFactory.getLogger(TaskDocumentsPluginResource.class);
  static final String NOT_SIGNED_IN = "Phiên làm việc đã hết hạn: hãy đăng nhập lại.";

  private final DocumentService documents;
  private final TaskHolders holders;
  private final DocumentAccess access;
  private final DocumentProperties properties;
  private final java.util.function.UnaryOperator<String> names;

  /** {@code names}: a person's full name from the account id (the id itself when unknown). */
  public TaskDocumentsPluginResource(String engineName, DocumentService documents, TaskHolders holders,
      DocumentAccess access, DocumentProperties properties, java.util.function.UnaryOperator<String> names) {
    super(engineName);
    this.names = names;
    this.documents = documents;
    this.holders = holders;
    this.access = access;
    this.properties = properties;
  }

  @GET
  @Path("tasks/{taskId}/documents")
  @Produces(MediaType.APPLICATION_JSON)
  public Response ofTask(@PathParam("taskId") String taskId) {
    return asHolder(taskId, user -> answer(() -> {
      Map<String, Object> body = new LinkedHashMap<>(documents.ofTask(taskId));
      body.put("documents", ((List<?>) body.get("documents")).stream()
          .map(d -> withUploaderName((Map<?, ?>) d)).toList());
      body.put("maxSize", properties.maxSize().toBytes()); // the tab refuses a larger file before sending it
      return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }));
  }

  @POST
  @Path("tasks/{taskId}/documents")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response attach(@PathParam("taskId") String taskId, @QueryParam("name") String name,
      @QueryParam("kind") String kind, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body) {
    return asHolder(taskId, user -> answer(() -> {
      byte[] content = read(body);
      StoredDocument stored = documents.attach(taskId, new DocumentService.Upload(name, contentType, content), kind,
          user.getName());
      return json(Response.Status.CREATED, withUploaderName(DocumentView.of(stored)));
    }));
  }

  @GET
  @Path("documents/{id}/content")
  public Response content(@PathParam("id") String id) {
    UserAuthentication user = user();
    if (user == null) {
      return error(Response.Status.UNAUTHORIZED, null, NOT_SIGNED_IN);
    }
    return answer(() -> {
      if (!access.mayRead(id, user.getName(), groups(user)).orElse(true)) {
        return error(Response.Status.FORBIDDEN, null, AccessRules.DOCUMENT_DENIED);
      }
      StoredDocument document = documents.find(id);
      return Response.ok(documents.content(id), document.mediaType())
          .header(HttpHeaders.CONTENT_DISPOSITION,
              ContentDisposition.attachment().filename(document.name(), StandardCharsets.UTF_8).build().toString())
          .header("X-Content-SHA256", document.sha256())
          .header("X-Content-Type-Options", "nosniff")
          .build();
    });
  }

  /** The uploader's name as Tasklist shows people ("Chuyên viên Sở Tài chính"), next to the account id. */
  private Map<String, Object> withUploaderName(Map<?, ?> document) {
    Map<String, Object> view = new LinkedHashMap<>();
    document.forEach((key, value) -> view.put(String.valueOf(key), value));
    Object id = document.get("uploadedBy");
    view.put("uploadedByName", id == null ? null : names.apply(id.toString()));
    return view;
  }

  private Response asHolder(String taskId, java.util.function.Function<UserAuthentication, Response> action) {
    UserAuthentication user = user();
    if (user == null) {
      return error(Response.Status.UNAUTHORIZED, null, NOT_SIGNED_IN);
    }
    // An unknown or finished task passes here and is answered 404 by the service, as on the API.
    if (!holders.holds(taskId, user.getName(), groups(user)).orElse(true)) {
      return error(Response.Status.FORBIDDEN, null, AccessRules.TASK_DOCUMENTS_DENIED);
    }
    return action.apply(user);
  }

  private Response answer(Supplier<Response> action) {
    try {
      return action.get();
    } catch (DocumentException e) {
      return error(Response.Status.BAD_REQUEST, e.field(), e.getMessage());
    } catch (DocumentNotFoundException e) {
      return error(Response.Status.NOT_FOUND, null, e.getMessage());
    }
  }

  private byte[] read(InputStream body) {
    long limit = properties.maxSize().toBytes();
    try {
      return body == null ? new byte[0] : body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, limit + 1));
    } catch (IOException e) {
      LOG.info("Upload interrupted while reading the request body: {}", e.getMessage());
      throw new DocumentException("file", "Tệp gửi lên bị gián đoạn giữa chừng; hãy đính kèm lại.");
    }
  }

  /** The person signed into the webapps for this engine, or null. */
  private UserAuthentication user() {
    Authentications authentications = Authentications.getCurrent();
    if (authentications == null) {
      return null;
    }
    return authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication u ? u
        : null;
  }

  private static List<String> groups(UserAuthentication user) {
    return user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds());
  }

  private static Response json(Response.Status status, Object body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
  }

  private static Response error(Response.Status status, String field, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", status == Response.Status.BAD_REQUEST ? "DocumentRefused" : status.getReasonPhrase());
    if (field != null) {
      body.put("field", field);
    }
    body.put("message", message);
    return json(status, body);
  }
}
