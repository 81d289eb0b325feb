package vn.hanoi.gdnn.document;

import java.util.Arrays;
import java.util.Optional;

/** What a document is in the procedure; the id is stored and declared on steps, the label is what people read. */
public enum DocumentKind {
  draft("dự thảo"),
  consultationReply("văn bản góp ý"),
  appraisalReport("báo cáo thẩm định"),
  submission("tờ trình"),
  issuedDocument("văn bản đã ban hành (quyết định, nghị quyết)"),
  report("báo cáo"),
  voteRecord("biên bản phiên họp, tổng hợp phiếu biểu quyết của UBND"),
  publicComments("tổng hợp ý kiến góp ý của Nhân dân trên cổng thông tin"),
  other("tài liệu khác");

  private final String label;

  DocumentKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<DocumentKind> of(String id) {
    return Arrays.stream(values()).filter(k -> k.name().equals(id)).findFirst();
  }
}
