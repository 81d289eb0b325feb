package vn.hanoi.gdnn.document;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.stereotype.Component;

/**
 * Verifies the signatures of a PDF (PDFBox reads them, Bouncy Castle checks the CMS signature, the JDK's PKIX
 * builds the path): every signature must match the bytes it covers, the last one must cover the whole file
 * (nothing changed after signing), the signer's certificate must chain to a trust anchor
 * ({@link TrustAnchors}), be valid at the signing time and, when CRLs are configured, not be revoked.
 */
@Component
public class PdfSignatures {

  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private final TrustAnchors trust;

  public PdfSignatures(TrustAnchors trust) {
    this.trust = trust;
  }

  /** Empty for an unsigned PDF; a refusal (field {@code file}) for a file PDFBox cannot read. */
  public Optional<SignatureCheck> verify(String name, byte[] pdf) {
    List<PDSignature> signatures;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      signatures = new ArrayList<>(document.getSignatureDictionaries());
    } catch (IOException e) {
      throw new DocumentException("file", "Tệp \"" + name + "\" không phải PDF hợp lệ hoặc bị hỏng.");
    }
    if (signatures.isEmpty()) {
      return Optional.empty();
    }
    signatures.sort((a, b) -> Long.compare(end(a), end(b)));
    SignatureCheck last = null;
    for (PDSignature signature : signatures) {
      last = check(signature, pdf);
      if (!last.valid() && !SignatureCheck.UNTRUSTED.equals(last.status())) {
        return Optional.of(last);
      }
    }
    if (end(signatures.get(signatures.size() - 1)) != pdf.length) {
      return Optional.of(new SignatureCheck(SignatureCheck.INVALID, last.signer(), last.organisation(),
          last.signedAt(), last.revocation(), "Tệp đã bị thay đổi sau khi ký (có nội dung nằm ngoài phần được ký)."));
    }
    return Optional.of(last);
  }

  private SignatureCheck check(PDSignature signature, byte[] pdf) {
    Instant claimed = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
    try {
      byte[] signedContent = signature.getSignedContent(pdf);
      CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), signature.getContents(pdf));
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
      if (matches.isEmpty()) {
        return result(SignatureCheck.INVALID, null, claimed, SignatureCheck.NOT_CHECKED,
            "Chữ ký không kèm chứng thư số của người ký.");
      }
      JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(BC);
      X509Certificate certificate = converter.getCertificate(matches.iterator().next());
      Instant signedAt = signingTime(signer).orElse(claimed);
      if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(certificate))) {
        return result(SignatureCheck.INVALID, certificate, signedAt, SignatureCheck.NOT_CHECKED,
            "Nội dung tệp đã bị thay đổi sau khi ký (giá trị băm không khớp chữ ký).");
      }
      if (signedAt == null) {
        return result(SignatureCheck.INVALID, certificate, null, SignatureCheck.NOT_CHECKED,
            "Chữ ký không ghi thời điểm ký.");
      }
      if (signedAt.isBefore(certificate.getNotBefore().toInstant())
          || signedAt.isAfter(certificate.getNotAfter().toInstant())) {
        return result(SignatureCheck.INVALID, certificate, signedAt, SignatureCheck.NOT_CHECKED,
            "Thời điểm ký nằm ngoài thời hạn hiệu lực của chứng thư số.");
      }
      List<X509Certificate> intermediates = new ArrayList<>();
      for (Object holder : cms.getCertificates().getMatches(null)) {
        intermediates.add(converter.getCertificate((X509CertificateHolder) holder));
      }
      return chain(certificate, intermediates, signedAt);
    } catch (IOException | GeneralSecurityException | org.bouncycastle.cms.CMSException
        | org.bouncycastle.operator.OperatorCreationException | RuntimeException e) {
      return result(SignatureCheck.INVALID, null, claimed, SignatureCheck.NOT_CHECKED,
          "Chữ ký số bị hỏng hoặc không đọc được.");
    }
  }

  /**
   * PKIX path from the signer to a configured anchor, at the signing time; then, when CRLs are configured, the
   * path is validated against them. Two steps because the JDK's path builder, when a certificate is revoked, only
   * says that it found no path: the validator says why (revoked, or no CRL of that CA to decide).
   */
  private SignatureCheck chain(X509Certificate certificate, List<X509Certificate> intermediates, Instant signedAt)
      throws GeneralSecurityException {
    List<X509Certificate> anchors = trust.anchors();
    List<X509CRL> crls = trust.crls();
    if (anchors.isEmpty()) {
      return result(SignatureCheck.UNTRUSTED, certificate, signedAt, SignatureCheck.NOT_CHECKED,
          "Chưa cấu hình chứng thư số gốc được tin cậy.");
    }
    Set<TrustAnchor> trustAnchors = new HashSet<>();
    anchors.forEach(a -> trustAnchors.add(new TrustAnchor(a, null)));
    X509CertSelector target = new X509CertSelector();
    target.setCertificate(certificate);
    PKIXBuilderParameters parameters = new PKIXBuilderParameters(trustAnchors, target);
    List<Object> store = new ArrayList<>(intermediates);
    store.addAll(crls);
    parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
    parameters.setDate(Date.from(signedAt)); // validity of every certificate of the path at the signing time
    parameters.setRevocationEnabled(false);
    PKIXCertPathBuilderResult built;
    try {
      built = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
    } catch (CertPathBuilderException e) {
      String reason = String.valueOf(e.getMessage()).toLowerCase();
      if (reason.contains("trust anchor") || reason.contains("unable to find valid certification path")) {
        return result(SignatureCheck.UNTRUSTED, certificate, signedAt, SignatureCheck.NOT_CHECKED,
            "Chứng thư số không chuỗi tới chứng thư số gốc nào được tin cậy.");
      }
      return result(SignatureCheck.INVALID, certificate, signedAt, SignatureCheck.NOT_CHECKED,
          "Chuỗi chứng thư số không hợp lệ: " + e.getMessage());
    }
    if (crls.isEmpty()) {
      return result(SignatureCheck.VALID, certificate, signedAt, SignatureCheck.NOT_CHECKED, null);
    }
    parameters.setRevocationEnabled(true);
    try {
      CertPathValidator.getInstance("PKIX").validate(built.getCertPath(), parameters);
      return result(SignatureCheck.VALID, certificate, signedAt, SignatureCheck.CHECKED, null);
    } catch (CertPathValidatorException e) {
      if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
        return result(SignatureCheck.INVALID, certificate, signedAt, SignatureCheck.CHECKED,
            "Chứng thư số của người ký đã bị thu hồi.");
      }
      if (e.getReason() == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
        // CRLs are configured, but none of this certificate's CA (or it is out of date): not decided, said so
        return result(SignatureCheck.VALID, certificate, signedAt, SignatureCheck.NOT_CHECKED, null);
      }
      return result(SignatureCheck.INVALID, certificate, signedAt, SignatureCheck.CHECKED,
          "Chuỗi chứng thư số không hợp lệ: " + e.getMessage());
    }
  }

  private static Optional<Instant> signingTime(SignerInformation signer) {
    if (signer.getSignedAttributes() == null) {
      return Optional.empty();
    }
    Attribute time = signer.getSignedAttributes().get(CMSAttributes.signingTime);
    if (time == null || time.getAttrValues().size() == 0) {
      return Optional.empty();
    }
    return Optional.of(Time.getInstance(time.getAttrValues().getObjectAt(0)).getDate().toInstant());
  }

  private static SignatureCheck result(String status, X509Certificate certificate, Instant signedAt,
      String revocation, String detail) {
    String subject = certificate == null ? null : certificate.getSubjectX500Principal().getName();
    return new SignatureCheck(status, rdn(subject, "CN"), rdn(subject, "O"), signedAt, revocation, detail);
  }

  private static String rdn(String distinguishedName, String type) {
    if (distinguishedName == null) {
      return null;
    }
    try {
      for (Rdn rdn : new LdapName(distinguishedName).getRdns()) {
        if (rdn.getType().equalsIgnoreCase(type)) {
          return rdn.getValue().toString();
        }
      }
    } catch (javax.naming.InvalidNameException e) {
      return null;
    }
    return null;
  }

  private static long end(PDSignature signature) {
    int[] range = signature.getByteRange();
    return range.length < 4 ? -1 : (long) range[2] + range[3];
  }
}
