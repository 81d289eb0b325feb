package vn.hanoi.gdnn.procedure;

import java.util.regex.Pattern;

/**
 * "Số, ký hiệu" of an administrative document: a number, optionally the year, then the type and issuer codes
 * joined by hyphens, e.g. {@code 115/KH-UBND}, {@code 12/2025/NQ-HĐND}, {@code 45/TTr-UBND}.
 */
public final class DocumentNumber {

  public static final Pattern PATTERN = Pattern.compile("\\d{1,6}(/\\d{4})?/[\\p{L}\\d]+(-[\\p{L}\\d.]+)*");
  public static final String EXAMPLE = "115/KH-UBND";

  private DocumentNumber() {
  }
}
