package vn.hanoi.gdnn.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The anchors shipped in the jar are exactly the ones docs/documents.md names, by SHA-256 of the certificate (DER):
 * a swapped or added file fails here. With no folder configured, only they are trusted.
 */
class ShippedTrustAnchorsTest {

  /** RootCA chuyên dùng Chính phủ G2 (Ban Cơ yếu Chính phủ), as pinned in docs/documents.md. */
  static final String BAN_CO_YEU_ROOT_G2 = "f04ba4b459a7c9a1b971ad9b1cb833e695a80c79aea63b174b66a70edfe2fdb8";

  @Test
  void onlyTheDocumentedAnchorsAreShipped() throws Exception {
    List<X509Certificate> anchors = new TrustAnchors(new DocumentProperties(null, null, null, "", "")).anchors();

    assertThat(anchors).hasSize(1);
    X509Certificate root = anchors.get(0);
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(root.getEncoded()));
    assertThat(sha256).isEqualTo(BAN_CO_YEU_ROOT_G2);
    assertThat(root.getSubjectX500Principal()).isEqualTo(root.getIssuerX500Principal()); // a root, self-issued
    assertThat(root.getSubjectX500Principal().getName()).contains("CN=RootCA chuyên dùng Chính phủ G2");
    root.verify(root.getPublicKey());
  }

  @Test
  void aPdfOfTheTestsOwnCaIsNotVouchedForByTheShippedAnchor() throws Exception {
    PdfSignatures shippedOnly = new PdfSignatures(new TrustAnchors(new DocumentProperties(null, null, null, "",
        "")));

    SignatureCheck check = shippedOnly.verify("thu.pdf", TestPki.get().signedPdf("Công văn")).orElseThrow();

    assertThat(check.status()).isEqualTo(SignatureCheck.UNTRUSTED);
  }
}
