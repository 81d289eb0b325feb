package vn.hanoi.gdnn.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signature paths beyond the plain valid/tampered/stranger ones (DocumentApiTest): revocation against a
 * configured CRL, and a signed PDF changed afterwards by an incremental update. The tests' own CA (TestPki) is the
 * only anchor, written to a folder of each test's own.
 */
class PdfSignaturesTest {

  @TempDir
  Path trust;
  @TempDir
  Path crls;

  TestPki pki;
  PdfSignatures signatures;

  @BeforeEach
  void anchors() throws Exception {
    pki = TestPki.get();
    Files.copy(TestPki.TRUST_DIR.resolve("test-root.pem"), trust.resolve("test-root.pem"));
    signatures = new PdfSignatures(new TrustAnchors(new DocumentProperties(null, null, null, trust.toString(),
        crls.toString())));
  }

  @Test
  void aCrlThatRevokesTheSignerMakesTheSignatureInvalidSayingSo() throws Exception {
    Files.write(crls.resolve("test-root.crl"), pki.crl(pki.signer));

    SignatureCheck check = signatures.verify("thu-hoi.pdf", pki.signedPdf("Công văn")).orElseThrow();

    assertThat(check.status()).isEqualTo(SignatureCheck.INVALID);
    assertThat(check.detail()).isEqualTo("Chứng thư số của người ký đã bị thu hồi.");
    assertThat(check.revocation()).isEqualTo(SignatureCheck.CHECKED);
    assertThat(check.signer()).as("who it was, for the message").isEqualTo(TestPki.SIGNER);
  }

  @Test
  void aCrlThatDoesNotListTheSignerIsReportedAsChecked() throws Exception {
    Files.write(crls.resolve("test-root.crl"), pki.crl());

    SignatureCheck check = signatures.verify("hop-le.pdf", pki.signedPdf("Công văn")).orElseThrow();

    assertThat(check.status()).isEqualTo(SignatureCheck.VALID);
    assertThat(check.revocation()).isEqualTo(SignatureCheck.CHECKED);
    assertThat(check.detail()).isNull();
  }

  @Test
  void aCrlOfAnotherCaOnlyLeavesRevocationNotChecked() throws Exception {
    // a CRL signed by the stranger's key: not the signer's CA's, so it decides nothing for this signer
    Files.write(crls.resolve("other.crl"), pki.crlOfStranger());

    SignatureCheck check = signatures.verify("hop-le.pdf", pki.signedPdf("Công văn")).orElseThrow();

    assertThat(check.status()).isEqualTo(SignatureCheck.VALID);
    assertThat(check.revocation()).isEqualTo(SignatureCheck.NOT_CHECKED);
  }

  @Test
  void withoutACrlTheSameSignatureIsValidAndRevocationNotChecked() throws Exception {
    SignatureCheck check = signatures.verify("hop-le.pdf", pki.signedPdf("Công văn")).orElseThrow();

    assertThat(check.status()).isEqualTo(SignatureCheck.VALID);
    assertThat(check.revocation()).isEqualTo(SignatureCheck.NOT_CHECKED);
  }

  @Test
  void aRevisionAppendedAfterSigningIsReportedAsAChangeAfterSigning() throws Exception {
    byte[] signed = pki.signedPdf("Quyết định 5721/QĐ-UBND");
    byte[] changed = TestPki.changedByIncrementalUpdate(signed, "Quyết định 5721/QĐ-UBND (đã sửa)");
    assertThat(changed.length).isGreaterThan(signed.length);
    assertThat(Arrays.copyOf(changed, signed.length)).as("every signed byte is still there, unchanged")
        .isEqualTo(signed);
    assertThat(signatures.verify("ban-goc.pdf", signed).orElseThrow().status()).isEqualTo(SignatureCheck.VALID);

    SignatureCheck check = signatures.verify("da-sua.pdf", changed).orElseThrow();

    assertThat(check.status()).isEqualTo(SignatureCheck.INVALID);
    assertThat(check.detail()).isEqualTo("Tệp đã bị thay đổi sau khi ký (có nội dung nằm ngoài phần được ký).");
    assertThat(check.signer()).isEqualTo(TestPki.SIGNER);
  }
}
