package vn.hanoi.gdnn.document;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON of a document for people and integrators: dates dd/MM/yyyy HH:mm in Hanoi time. */
public final class DocumentView {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
      .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

  private DocumentView() {
  }

  public static Map<String, Object> of(StoredDocument d) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", d.id());
    view.put("name", d.name());
    view.put("kind", d.kind());
    view.put("kindLabel", DocumentKind.of(d.kind()).map(DocumentKind::label).orElse(d.kind()));
    view.put("version", d.version());
    view.put("sha256", d.sha256());
    view.put("size", d.size());
    view.put("mediaType", d.mediaType());
    view.put("uploadedBy", d.uploadedBy());
    view.put("uploadedAt", format(d.uploadedAt()));
    view.put("step", d.stepKey());
    view.put("stepName", d.stepName());
    view.put("taskId", d.taskId());
    view.put("businessKey", d.businessKey());
    view.put("signature", signature(d.signature()));
    return view;
  }

  private static Map<String, Object> signature(SignatureCheck s) {
    if (s == null) {
      return null;
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("status", s.status());
    view.put("statusLabel", s.statusLabel());
    view.put("signer", s.signer());
    view.put("organisation", s.organisation());
    view.put("signedAt", format(s.signedAt()));
    view.put("revocation", s.revocation());
    view.put("revocationLabel", s.revocationLabel());
    view.put("detail", s.detail());
    return view;
  }

  private static String format(Instant instant) {
    return instant == null ? null : DATE_TIME.format(instant);
  }
}
