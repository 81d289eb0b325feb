package vn.hanoi.gdnn.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.hanoi.gdnn.procedure.SignatureBlockLookup;

/**
 * Attaching a file to a task and reading a deliverable's documents. A file is checked completely before anything
 * is stored (name, size, content type, archive safety, signatures, the step's requirement); then its record and
 * bytes go to the database in one transaction and a comment on the task names it (Tasklist's history shows it).
 * Who may call what is decided before (security.AccessRules, TaskHolders, DocumentAccess).
 */
@Service
public class DocumentService {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentService.class);

  private final DocumentStore store;
  private final FileInspection inspection;
  private final PdfSignatures signatures;
  private final StepDocuments steps;
  private final TaskService tasks;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final CommandExecutor commandExecutor;
  private final SignatureBlockLookup signatureBlocks;

  public DocumentService(DocumentStore store, FileInspection inspection, PdfSignatures signatures,
      StepDocuments steps, ProcessEngine engine, SignatureBlockLookup signatureBlocks) {
    this.signatureBlocks = signatureBlocks;
    this.store = store;
    this.inspection = inspection;
    this.signatures = signatures;
    this.steps = steps;
    this.tasks = engine.getTaskService();
    this.history = engine.getHistoryService();
    this.runtime = engine.getRuntimeService();
    this.identity = engine.getIdentityService();
    this.commandExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  /** A file someone sends: the name and media type they claim, and the bytes. */
  public record Upload(String name, String claimedType, byte[] content) {
  }

  public StoredDocument attach(String taskId, Upload upload, String kindId, String user) {
    Task task = openTask(taskId);
    Optional<StepDocuments.Requirement> required = steps.of(task.getProcessDefinitionId(),
        task.getTaskDefinitionKey());
    DocumentKind kind = kind(kindId, required);
    FileInspection.Inspected file = inspection.inspect(upload.name(), upload.claimedType(), upload.content());
    SignatureCheck signature = null;
    if (FileInspection.PDF.equals(file.mediaType())) {
      signature = signatures.verify(file.name(), upload.content()).orElse(null);
      if (signature != null && SignatureCheck.INVALID.equals(signature.status())) {
        throw new DocumentException("file", "Tệp \"" + file.name() + "\" bị từ chối: chữ ký số không hợp lệ. "
            + signature.detail());
      }
    }
    boolean signedRequired = required.filter(r -> r.signed() && r.kind() == kind).isPresent();
    if (signedRequired && signature == null) {
      throw new DocumentException("file", "Bước \"" + task.getName() + "\" cần " + kind.label()
          + " đã ký số (tệp PDF có chữ ký số); tệp \"" + file.name() + "\" chưa được ký số.");
    }
    if (signedRequired && !signature.valid()) {
      throw new DocumentException("file", "Bước \"" + task.getName() + "\" cần " + kind.label()
          + " có chữ ký số hợp lệ. " + signature.detail());
    }
    Root root = root(task.getProcessInstanceId());
    StoredDocument stored = store.insert(new StoredDocument(UUID.randomUUID().toString(), root.id(), root.code(),
        root.businessKey(), task.getProcessInstanceId(), task.getId(), task.getTaskDefinitionKey(), task.getName(),
        kind.name(), 0, file.name(), file.mediaType(), upload.content().length, sha256(upload.content()), user,
        Instant.now(), signature), upload.content());
    comment(task, user, stored);
    LOG.info("Document {} ({}, {} v{}, {} bytes, sha256 {}) attached to task {} by {}", stored.id(),
        stored.mediaType(), stored.kind(), stored.version(), stored.size(), stored.sha256(), taskId, user);
    return stored;
  }

  /** The step's requirement and every document of the task's deliverable, all versions. */
  public Map<String, Object> ofTask(String taskId) {
    Task task = openTask(taskId);
    Optional<StepDocuments.Requirement> required = steps.of(task.getProcessDefinitionId(),
        task.getTaskDefinitionKey());
    List<StoredDocument> documents = store.ofRootProcessInstance(root(task.getProcessInstanceId()).id());
    Map<String, Object> requirement = required.<Map<String, Object>>map(r -> {
      Map<String, Object> shown = new java.util.LinkedHashMap<>(Map.of("kind", r.kind().name(),
          "kindLabel", r.kind().label(), "signed", r.signed(),
          "attached", documents.stream().anyMatch(d -> d.taskId().equals(taskId) && d.kind().equals(r.kind().name())
              && (!r.signed() || d.signature() != null && d.signature().valid()))));
      // a signed document signed by a deputy during the head's absence: its ký thay block, from the delegation data
      if (r.signed()) {
        recordingUnit(taskId).flatMap(unit -> signatureBlocks.blockRecordedBy(rootId(task), unit))
            .ifPresent(block -> shown.put("signatureBlock", block));
      }
      return shown;
    }).orElse(null);
    java.util.LinkedHashMap<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("taskId", taskId);
    body.put("required", requirement);
    body.put("kinds", java.util.Arrays.stream(DocumentKind.values())
        .map(k -> Map.of("id", k.name(), "label", k.label())).toList());
    body.put("documents", documents.stream().map(DocumentView::of).toList());
    return body;
  }

  public List<StoredDocument> ofDeliverable(String code) {
    return store.ofDeliverable(code);
  }

  public StoredDocument find(String id) {
    return store.find(id).orElseThrow(() -> new DocumentNotFoundException("Không tìm thấy tài liệu " + id + "."));
  }

  public byte[] content(String id) {
    return store.content(id).orElseThrow(() -> new DocumentNotFoundException("Không tìm thấy tài liệu " + id + "."));
  }

  private String rootId(Task task) {
    return root(task.getProcessInstanceId()).id();
  }

  /** The unit a step is given to: its first candidate group's unit. */
  private Optional<String> recordingUnit(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(l -> org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(l -> vn.hanoi.gdnn.organisation.Groups.unitOf(l.getGroupId())).flatMap(Optional::stream).findFirst();
  }

  /** The root process instance (the deliverable's lifecycle) of a task's process. */
  public String rootOfTask(String taskId) {
    return root(openTask(taskId).getProcessInstanceId()).id();
  }

  private Task openTask(String taskId) {
    Task task = commandExecutor.execute(context -> context.runWithoutAuthorization(() ->
        tasks.createTaskQuery().taskId(taskId).singleResult()));
    if (task == null) {
      throw new DocumentNotFoundException("Không tìm thấy công việc đang mở " + taskId
          + " (có thể công việc đã hoàn thành).");
    }
    return task;
  }

  private record Root(String id, String code, String businessKey) {
  }

  private Root root(String processInstanceId) {
    return commandExecutor.execute(context -> context.runWithoutAuthorization(() -> {
      HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
          .processInstanceId(processInstanceId).singleResult();
      String rootId = instance.getRootProcessInstanceId() == null ? instance.getId()
          : instance.getRootProcessInstanceId();
      HistoricProcessInstance root = history.createHistoricProcessInstanceQuery().processInstanceId(rootId)
          .singleResult();
      Object code = runtime.getVariable(rootId, "deliverableCode");
      return new Root(rootId, code == null ? root.getBusinessKey() : code.toString(), root.getBusinessKey());
    }));
  }

  /** A comment on the task, written as the uploader, so Tasklist's history shows who attached what. */
  private void comment(Task task, String user, StoredDocument document) {
    Authentication previous = identity.getCurrentAuthentication();
    identity.setAuthentication(user, previous == null ? List.of() : previous.getGroupIds());
    try {
      commandExecutor.execute(context -> context.runWithoutAuthorization(() ->
          tasks.createComment(task.getId(), task.getProcessInstanceId(), "Đính kèm "
              + DocumentKind.of(document.kind()).map(DocumentKind::label).orElse(document.kind()) + " \""
              + document.name() + "\" (phiên bản " + document.version() + ", SHA-256 " + document.sha256() + ")"
              + (document.signature() == null ? "" : "; " + document.signature().statusLabel()
                  + (document.signature().signer() == null ? "" : ", người ký: " + document.signature().signer())))));
    } finally {
      if (previous == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(previous);
      }
    }
  }

  private static DocumentKind kind(String kindId, Optional<StepDocuments.Requirement> required) {
    if (kindId == null || kindId.isBlank()) {
      return required.map(StepDocuments.Requirement::kind).orElse(DocumentKind.other);
    }
    return DocumentKind.of(kindId.trim()).orElseThrow(() -> new DocumentException("kind", "Loại tài liệu \""
        + kindId + "\" không có trong danh mục (draft, consultationReply, appraisalReport, submission,"
        + " issuedDocument, report, voteRecord, publicComments, other)."));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
