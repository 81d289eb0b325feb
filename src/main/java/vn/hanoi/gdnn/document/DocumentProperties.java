package vn.hanoi.gdnn.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits and trust configuration of attached documents (docs/documents.md).
 *
 * @param maxSize largest file accepted (the multipart limit of the server follows it)
 * @param maxInflateRatio smallest compressed/uncompressed ratio of an entry of a DOCX, XLSX or ODT before it is
 *     taken for a zip bomb (POI's ZipSecureFile rule; 0.01 = 1:100)
 * @param maxUnpackedSize largest total size of the entries of such a file once unpacked
 * @param trustDir folder of trust anchors (PEM or DER certificates) added to the shipped ones; empty for none
 * @param crlDir folder of certificate revocation lists; without it revocation is reported as not checked
 */
@ConfigurationProperties("gdnn.documents")
public record DocumentProperties(DataSize maxSize, Double maxInflateRatio, DataSize maxUnpackedSize,
    String trustDir, String crlDir) {

  public DocumentProperties {
    maxSize = maxSize == null ? DataSize.ofMegabytes(20) : maxSize;
    maxInflateRatio = maxInflateRatio == null ? 0.01 : maxInflateRatio;
    maxUnpackedSize = maxUnpackedSize == null ? DataSize.ofMegabytes(200) : maxUnpackedSize;
    trustDir = trustDir == null ? "" : trustDir.trim();
    crlDir = crlDir == null ? "" : crlDir.trim();
  }
}
