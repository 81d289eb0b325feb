package vn.hanoi.gdnn.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * What an uploaded file really is: a name without path characters, a media type detected from the content
 * (Tika's magic numbers, never the client's claim), the same type as the name's extension and the client's claim,
 * and, for the zip-based formats (DOCX, XLSX, ODT), no archive bomb inside (POI's ZipSecureFile rules: every entry
 * is unpacked through its inflation-ratio guard, and the total is bounded).
 */
@Component
public class FileInspection {

  public static final String PDF = "application/pdf";
  public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final String ODT = "application/vnd.oasis.opendocument.text";

  /** The formats accepted, by extension. */
  static final Map<String, String> BY_EXTENSION = Map.of("pdf", PDF, "docx", DOCX, "xlsx", XLSX, "odt", ODT);
  private static final Map<String, String> LABELS = Map.of(PDF, "PDF", DOCX, "DOCX (Word)", XLSX, "XLSX (Excel)",
      ODT, "ODT (OpenDocument)");

  /** Path separators, a drive colon, characters Windows refuses, and control characters. */
  private static final Pattern FORBIDDEN = Pattern.compile("[/\\\\:*?\"<>|\\p{Cntrl}]");
  private static final int MAX_NAME = 200;

  private final Tika tika = new Tika();
  private final DocumentProperties properties;

  public FileInspection(DocumentProperties properties) {
    this.properties = properties;
  }

  /** The checked name (NFC) and the media type of the content, or a refusal naming the field {@code file}. */
  public record Inspected(String name, String mediaType) {
  }

  public Inspected inspect(String originalName, String claimedType, byte[] content) {
    String name = checkName(originalName);
    if (content.length == 0) {
      throw refuse("Tệp \"" + name + "\" rỗng (0 byte).");
    }
    if (content.length > properties.maxSize().toBytes()) {
      throw tooLarge(properties);
    }
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    String expected = BY_EXTENSION.get(extension);
    if (expected == null) {
      throw refuse("Tệp \"" + name + "\" không thuộc định dạng được nhận: chỉ nhận PDF, DOCX, XLSX, ODT.");
    }
    String detected = detect(name, content);
    if (!expected.equals(detected)) {
      throw refuse("Nội dung tệp \"" + name + "\" là " + label(detected) + ", không khớp với đuôi tệp ." + extension
          + ". Hãy đính kèm đúng tệp gốc.");
    }
    if (claimedType != null && !claimedType.isBlank() && !isGeneric(claimedType)
        && !detected.equals(claimedType.split(";")[0].trim().toLowerCase(Locale.ROOT))) {
      throw refuse("Loại tệp khai báo khi gửi (" + claimedType + ") không khớp với nội dung tệp \"" + name + "\" ("
          + label(detected) + ").");
    }
    return new Inspected(name, detected);
  }

  static DocumentException tooLarge(DocumentProperties properties) {
    return new DocumentException("file", "Tệp vượt quá dung lượng cho phép (tối đa "
        + properties.maxSize().toMegabytes() + " MB).");
  }

  private static String checkName(String originalName) {
    if (originalName == null || originalName.isBlank()) {
      throw refuse("Chưa chọn tệp đính kèm hoặc tệp không có tên.");
    }
    String name = Normalizer.normalize(originalName.trim(), Normalizer.Form.NFC);
    if (FORBIDDEN.matcher(name).find() || name.contains("..") || name.startsWith(".")) {
      throw refuse("Tên tệp \"" + originalName + "\" chứa ký tự đường dẫn hoặc ký tự không được phép"
          + " (/ \\ : * ? \" < > | hoặc \"..\"). Hãy đổi tên tệp rồi đính kèm lại.");
    }
    if (name.length() > MAX_NAME) {
      throw refuse("Tên tệp dài quá " + MAX_NAME + " ký tự.");
    }
    if (name.lastIndexOf('.') < 1) {
      throw refuse("Tên tệp \"" + name + "\" thiếu đuôi tệp (.pdf, .docx, .xlsx, .odt).");
    }
    return name;
  }

  private String detect(String name, byte[] content) {
    String magic = tika.detect(content); // the content alone: the name is the client's claim
    if (magic.equals(ODT) || magic.equals("application/zip") || magic.equals("application/x-tika-ooxml")) {
      return inspectArchive(name, content, magic);
    }
    return magic;
  }

  /** Unpacks every entry through POI's guard; tells DOCX from XLSX by the package's main part. */
  private String inspectArchive(String name, byte[] content, String magic) {
    Path file = null;
    try {
      file = Files.createTempFile("gdnn-upload", ".zip");
      Files.write(file, content);
      ZipSecureFile.setMinInflateRatio(properties.maxInflateRatio());
      String contentTypes = null;
      long unpacked = 0;
      try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
          try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = "[Content_Types].xml".equals(entry.getName()) ? in.readAllBytes() : null;
            long read = bytes != null ? bytes.length : in.transferTo(java.io.OutputStream.nullOutputStream());
            unpacked += read;
            if (bytes != null) {
              contentTypes = new String(bytes, StandardCharsets.UTF_8);
            }
            if (unpacked > properties.maxUnpackedSize().toBytes()) {
              throw bomb(name);
            }
          }
        }
      }
      if (magic.equals(ODT)) {
        return ODT;
      }
      if (contentTypes == null) {
        return "application/zip";
      }
      if (contentTypes.contains("wordprocessingml.document.main+xml")) {
        return DOCX;
      }
      if (contentTypes.contains("spreadsheetml.sheet.main+xml")) {
        return XLSX;
      }
      return "application/x-tika-ooxml";
    } catch (DocumentException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("Zip bomb") || message.contains("zip bomb") || message.contains("max size")) {
        throw bomb(name);
      }
      throw refuse("Tệp \"" + name + "\" bị hỏng hoặc không đọc được (" + label(magic) + ").");
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file left behind is removed with the temporary folder
        }
      }
    }
  }

  private static DocumentException bomb(String name) {
    return refuse("Tệp \"" + name + "\" bị từ chối: nội dung nén bất thường (tỷ lệ nén hoặc dung lượng sau giải nén"
        + " vượt giới hạn an toàn), có thể là \"bom nén\".");
  }

  static String label(String mediaType) {
    return LABELS.getOrDefault(mediaType, "\"" + mediaType + "\"");
  }

  private static boolean isGeneric(String claimedType) {
    String type = claimedType.toLowerCase(Locale.ROOT);
    return type.startsWith("application/octet-stream") || type.startsWith("application/x-www-form-urlencoded")
        || type.startsWith("binary/");
  }

  private static DocumentException refuse(String message) {
    return new DocumentException("file", message);
  }
}
