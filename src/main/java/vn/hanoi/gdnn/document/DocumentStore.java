package vn.hanoi.gdnn.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hanoi.gdnn.security.DocumentOwners;

/**
 * The document tables (Flyway migration V6, system.SchemaMigrations) on the engine's database: durable wherever the engine is (PostgreSQL
 * in production), shared by every node. Insert only; the version is the next free number of the deliverable and
 * kind, and the unique key makes two uploads at the same moment take different numbers.
 */
@Component
public class DocumentStore implements DocumentOwners {

  private static final String COLUMNS = "id, root_process_instance_id, deliverable_code, business_key, "
      + "process_instance_id, task_id, step_key, step_name, kind, version, name, media_type, size_bytes, sha256, "
      + "uploaded_by, uploaded_at, signature_status, signature_signer, signature_organisation, "
      + "signature_signed_at, signature_revocation, signature_detail";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  public DocumentStore(DataSource dataSource, PlatformTransactionManager transactions) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Stores the record and the bytes in one transaction, with the next version number; returns the record. */
  public StoredDocument insert(StoredDocument document, byte[] content) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> {
          Integer last = jdbc.queryForObject("SELECT MAX(version) FROM document_file "
              + "WHERE root_process_instance_id = ? AND kind = ?", Integer.class,
              document.rootProcessInstanceId(), document.kind());
          StoredDocument numbered = withVersion(document, last == null ? 1 : last + 1);
          SignatureCheck s = numbered.signature();
          jdbc.update("INSERT INTO document_file (" + COLUMNS + ") VALUES "
                  + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              numbered.id(), numbered.rootProcessInstanceId(), numbered.deliverableCode(), numbered.businessKey(),
              numbered.processInstanceId(), numbered.taskId(), numbered.stepKey(), numbered.stepName(),
              numbered.kind(), numbered.version(), numbered.name(), numbered.mediaType(), numbered.size(),
              numbered.sha256(), numbered.uploadedBy(), Timestamp.from(numbered.uploadedAt()),
              s == null ? null : s.status(), s == null ? null : s.signer(), s == null ? null : s.organisation(),
              s == null || s.signedAt() == null ? null : Timestamp.from(s.signedAt()),
              s == null ? null : s.revocation(), s == null ? null : s.detail());
          jdbc.update("INSERT INTO document_content (document_id, content) VALUES (?, ?)", numbered.id(), content);
          return numbered;
        });
      } catch (DuplicateKeyException e) {
        if (attempt == 3) {
          throw e; // three uploads of the same kind racing each other: give up, nothing was stored
        }
      }
    }
  }

  public Optional<StoredDocument> find(String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM document_file WHERE id = ?", DocumentStore::row, id).stream()
        .findFirst();
  }

  public Optional<byte[]> content(String id) {
    return jdbc.query("SELECT content FROM document_content WHERE document_id = ?", (rs, i) -> rs.getBytes(1), id)
        .stream().findFirst();
  }

  public List<StoredDocument> ofRootProcessInstance(String rootProcessInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM document_file WHERE root_process_instance_id = ? "
        + "ORDER BY uploaded_at, kind, version", DocumentStore::row, rootProcessInstanceId);
  }

  public List<StoredDocument> ofDeliverable(String code) {
    return jdbc.query("SELECT " + COLUMNS + " FROM document_file WHERE deliverable_code = ? "
        + "ORDER BY business_key, uploaded_at, kind, version", DocumentStore::row, code);
  }

  public List<StoredDocument> ofTask(String taskId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM document_file WHERE task_id = ? ORDER BY uploaded_at",
        DocumentStore::row, taskId);
  }

  @Override
  public Optional<String> rootProcessInstanceOf(String documentId) {
    return find(documentId).map(StoredDocument::rootProcessInstanceId);
  }

  private static StoredDocument withVersion(StoredDocument d, int version) {
    return new StoredDocument(d.id(), d.rootProcessInstanceId(), d.deliverableCode(), d.businessKey(),
        d.processInstanceId(), d.taskId(), d.stepKey(), d.stepName(), d.kind(), version, d.name(), d.mediaType(),
        d.size(), d.sha256(), d.uploadedBy(), d.uploadedAt(), d.signature());
  }

  private static StoredDocument row(ResultSet rs, int i) throws SQLException {
    SignatureCheck signature = rs.getString("signature_status") == null ? null
        : new SignatureCheck(rs.getString("signature_status"), rs.getString("signature_signer"),
            rs.getString("signature_organisation"),
            rs.getTimestamp("signature_signed_at") == null ? null : rs.getTimestamp("signature_signed_at").toInstant(),
            rs.getString("signature_revocation"), rs.getString("signature_detail"));
    return new StoredDocument(rs.getString("id"), rs.getString("root_process_instance_id"),
        rs.getString("deliverable_code"), rs.getString("business_key"), rs.getString("process_instance_id"),
        rs.getString("task_id"), rs.getString("step_key"), rs.getString("step_name"), rs.getString("kind"),
        rs.getInt("version"), rs.getString("name"), rs.getString("media_type"), rs.getLong("size_bytes"),
        rs.getString("sha256"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant(), signature);
  }
}
