package vn.hanoi.gdnn.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The certificates a signature must chain to, and the revocation lists to check against: the anchors shipped
 * under {@code classpath:document/trust/} plus those in the folder {@code gdnn.documents.trust-dir}
 * ({@code GDNN_SIGNATURE_TRUST_DIR}), CRLs from {@code gdnn.documents.crl-dir}. Read at every verification, so a
 * CA or CRL dropped into the folder counts without a restart (a handful of small files).
 */
@Component
public class TrustAnchors {

  private static final Logger LOG = LoggerFactory.getLogger(TrustAnchors.class);

  private final DocumentProperties properties;

  public TrustAnchors(DocumentProperties properties) {
    this.properties = properties;
  }

  public List<X509Certificate> anchors() {
    List<X509Certificate> anchors = new ArrayList<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:document/trust/*")) {
        if (resource.isReadable()) {
          anchors.addAll(certificates(resource.getContentAsByteArray(), resource.getFilename()));
        }
      }
    } catch (IOException e) {
      LOG.warn("Cannot read the shipped trust anchors: {}", e.getMessage());
    }
    for (byte[] file : files(properties.trustDir())) {
      anchors.addAll(certificates(file, properties.trustDir()));
    }
    return anchors;
  }

  /** The configured CRLs; empty when none are configured (revocation is then reported as not checked). */
  public List<X509CRL> crls() {
    List<X509CRL> crls = new ArrayList<>();
    for (byte[] file : files(properties.crlDir())) {
      try {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        factory.generateCRLs(new ByteArrayInputStream(file)).forEach(c -> crls.add((X509CRL) c));
      } catch (GeneralSecurityException e) {
        LOG.warn("A file in {} is not a CRL: {}", properties.crlDir(), e.getMessage());
      }
    }
    return crls;
  }

  private static List<X509Certificate> certificates(byte[] file, String where) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return factory.generateCertificates(new ByteArrayInputStream(file)).stream()
          .map(X509Certificate.class::cast).toList();
    } catch (GeneralSecurityException e) {
      LOG.warn("A file in {} is not a certificate (PEM or DER): {}", where, e.getMessage());
      return List.of();
    }
  }

  private static List<byte[]> files(String folder) {
    if (folder.isEmpty() || !Files.isDirectory(Path.of(folder))) {
      return List.of();
    }
    try (Stream<Path> paths = Files.list(Path.of(folder))) {
      List<byte[]> files = new ArrayList<>();
      for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
        files.add(Files.readAllBytes(path));
      }
      return files;
    } catch (IOException e) {
      LOG.warn("Cannot read {}: {}", folder, e.getMessage());
      return List.of();
    }
  }
}
