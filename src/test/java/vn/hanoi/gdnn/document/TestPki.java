package vn.hanoi.gdnn.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Calendar;
import java.util.Date;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The tests' own PKI: a root CA written as the only trust anchor to {@code target/test-trust} (the folder
 * application-test.yaml names), a signer under it, and a stranger's CA nobody trusts. Signs PDFs and tampers with
 * them. Generated once per test JVM.
 */
public final class TestPki {

  static final Path TRUST_DIR = Path.of("target", "test-trust");
  static final String SIGNER = "Nguyễn Văn An";
  static final String ORGANISATION = "Sở Giáo dục và Đào tạo Hà Nội";

  private static TestPki instance;

  final KeyPair rootKeys;
  final X509Certificate root;
  final KeyPair signerKeys;
  final X509Certificate signer;
  final KeyPair strangerKeys;
  final X509Certificate stranger;

  private TestPki() throws Exception {
    rootKeys = keys();
    root = certificate("CN=CA thử nghiệm GDNN, O=Kiểm thử, C=VN", rootKeys, "CN=CA thử nghiệm GDNN, O=Kiểm thử, C=VN",
        rootKeys.getPrivate(), true);
    signerKeys = keys();
    signer = certificate("CN=" + SIGNER + ", O=" + ORGANISATION + ", C=VN", signerKeys,
        "CN=CA thử nghiệm GDNN, O=Kiểm thử, C=VN", rootKeys.getPrivate(), false);
    strangerKeys = keys();
    stranger = certificate("CN=Người lạ, O=Không được tin cậy, C=VN", strangerKeys,
        "CN=Người lạ, O=Không được tin cậy, C=VN", strangerKeys.getPrivate(), false);
    Files.createDirectories(TRUST_DIR);
    Files.writeString(TRUST_DIR.resolve("test-root.pem"), "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(root.getEncoded())
        + "\n-----END CERTIFICATE-----\n");
  }

  public static synchronized TestPki get() throws Exception {
    if (instance == null) {
      instance = new TestPki();
    }
    return instance;
  }

  public static byte[] unsignedPdf(String text) throws IOException {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      document.getDocumentInformation().setTitle(text);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  /** A PDF signed by the trusted signer. */
  public byte[] signedPdf(String text) throws Exception {
    return sign(unsignedPdf(text), signerKeys.getPrivate(), signer, List.of(signer, root));
  }

  /** A PDF signed by a certificate no configured anchor vouches for. */
  byte[] strangerSignedPdf(String text) throws Exception {
    return sign(unsignedPdf(text), strangerKeys.getPrivate(), stranger, List.of(stranger));
  }

  /** One byte of the signed part changed (the page width 612 becomes 613): the signature no longer matches. */
  static byte[] tampered(byte[] signedPdf) {
    byte[] copy = signedPdf.clone();
    String text = new String(copy, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("612");
    if (at < 0) {
      throw new IllegalStateException("no page width to change");
    }
    copy[at + 2] = '3';
    return copy;
  }

  /**
   * A new revision appended after signing, as a PDF editor's incremental save does (the title changed): every
   * signed byte is intact, but the signature no longer covers the whole file.
   */
  static byte[] changedByIncrementalUpdate(byte[] signedPdf, String newTitle) throws IOException {
    try (PDDocument document = Loader.loadPDF(signedPdf)) {
      document.getDocumentInformation().setTitle(newTitle);
      document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
      document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.saveIncremental(out);
      return out.toByteArray();
    }
  }

  /** A CRL of the test root listing {@code revoked} (none: an empty, current list), valid for a week. */
  byte[] crl(X509Certificate... revoked) throws Exception {
    Instant now = Instant.now();
    org.bouncycastle.cert.X509v2CRLBuilder builder = new org.bouncycastle.cert.X509v2CRLBuilder(
        X500Name.getInstance(root.getSubjectX500Principal().getEncoded()), Date.from(now.minus(1, ChronoUnit.HOURS)));
    builder.setNextUpdate(Date.from(now.plus(7, ChronoUnit.DAYS)));
    for (X509Certificate certificate : revoked) {
      builder.addCRLEntry(certificate.getSerialNumber(), Date.from(now.minus(2, ChronoUnit.HOURS)),
          org.bouncycastle.asn1.x509.CRLReason.keyCompromise);
    }
    return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(rootKeys.getPrivate())).getEncoded();
  }

  /** An empty CRL of the stranger's CA: current, but of no CA on the trusted path. */
  byte[] crlOfStranger() throws Exception {
    Instant now = Instant.now();
    org.bouncycastle.cert.X509v2CRLBuilder builder = new org.bouncycastle.cert.X509v2CRLBuilder(
        X500Name.getInstance(stranger.getSubjectX500Principal().getEncoded()), Date.from(now.minus(1, ChronoUnit.HOURS)));
    builder.setNextUpdate(Date.from(now.plus(7, ChronoUnit.DAYS)));
    return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(strangerKeys.getPrivate())).getEncoded();
  }

  private static byte[] sign(byte[] pdf, PrivateKey key, X509Certificate certificate, List<X509Certificate> chain)
      throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
      signature.setName(SIGNER);
      signature.setSignDate(Calendar.getInstance());
      document.addSignature(signature, content -> {
        try {
          CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
          generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
              new JcaDigestCalculatorProviderBuilder().build())
              .build(new JcaContentSignerBuilder("SHA256withRSA").build(key), certificate));
          generator.addCertificates(new JcaCertStore(chain));
          return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (Exception e) {
          throw new IOException(e);
        }
      });
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.saveIncremental(out);
      return out.toByteArray();
    }
  }

  private static KeyPair keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer,
      PrivateKey issuerKey, boolean ca) throws Exception {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
        BigInteger.valueOf(now.toEpochMilli() + (ca ? 0 : 1)), Date.from(now.minus(1, ChronoUnit.DAYS)),
        Date.from(now.plus(365, ChronoUnit.DAYS)), new X500Name(subject), subjectKeys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
        : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    return new JcaX509CertificateConverter().getCertificate(builder.build(
        new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
  }
}
