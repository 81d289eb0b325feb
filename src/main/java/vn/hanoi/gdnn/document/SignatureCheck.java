package vn.hanoi.gdnn.document;

import java.time.Instant;

/**
 * What the verification of a signed PDF found (the last signature, which covers the file as it is).
 *
 * @param status {@code valid}, {@code invalid} (changed after signing, broken signature or chain, signed outside
 *     the certificate's validity, revoked) or {@code untrusted} (intact, but the chain ends at no configured anchor)
 * @param revocation {@code checked} (against a configured CRL) or {@code notChecked}
 * @param detail why, in Vietnamese, for a result other than valid
 */
public record SignatureCheck(String status, String signer, String organisation, Instant signedAt,
    String revocation, String detail) {

  public static final String VALID = "valid";
  public static final String INVALID = "invalid";
  public static final String UNTRUSTED = "untrusted";
  public static final String CHECKED = "checked";
  public static final String NOT_CHECKED = "notChecked";

  public boolean valid() {
    return VALID.equals(status);
  }

  public String statusLabel() {
    return switch (status) {
      case VALID -> "Chữ ký số hợp lệ";
      case UNTRUSTED -> "Chữ ký số toàn vẹn nhưng chứng thư số không thuộc tổ chức chứng thực được tin cậy";
      default -> "Chữ ký số không hợp lệ";
    };
  }

  public String revocationLabel() {
    return CHECKED.equals(revocation) ? "Đã kiểm tra thu hồi chứng thư số"
        : "Chưa kiểm tra thu hồi chứng thư số (không có danh sách thu hồi)";
  }
}
