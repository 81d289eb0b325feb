package vn.hanoi.gdnn.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.organisation.OrganisationDirectory;
import vn.hanoi.gdnn.organisation.Unit;
import vn.hanoi.gdnn.procedure.OfficialDates;

/**
 * The one rule for document numbers (số, ký hiệu) under Decree 30/2020/NĐ-CP (Art 15 and Appendix III): the
 * number, the year for a normative document, the abbreviation of the document's kind from the declared list and
 * the abbreviation of the issuing body from the organisation data ({@link Unit#abbreviation()}):
 * <ul>
 *   <li>a document with a kind: {@code 5721/QĐ-UBND}, {@code 6482/TTr-SNV};</li>
 *   <li>a normative document (a resolution or decision with legal rules): {@code 70/2025/QĐ-UBND},
 *   {@code 75/2025/NQ-HĐND} — only these two kinds carry the year;</li>
 *   <li>an official letter (công văn) has no kind: the issuer, optionally the drafting division, {@code
 *   123/UBND-KGVX}.</li>
 * </ul>
 * The forms read it as the regular expression {@link #pattern(Scope)}, written into their marked fields when
 * the models are deployed ({@link DocumentNumberForms}); the server checks with {@link #check} (precise message,
 * and the issuer where the step knows it). Nothing else holds a copy.
 */
@Component
public class DocumentNumberRule {

  /** Kinds of document and their abbreviations, Decree 30/2020 Appendix III (those the procedures use first). */
  public static final Map<String, String> KINDS = kinds();

  /** The kinds that are normative documents of the city: their number carries the year. */
  public static final Set<String> NORMATIVE_KINDS = Set.of("NQ", "QĐ");

  /** Which numbers a field takes. */
  public enum Scope {
    /** any document number of the rule */
    ANY,
    /** a normative document: number/year/NQ or QĐ-issuer */
    NORMATIVE
  }

  private static final Pattern SHAPE =
      Pattern.compile("^(\\d{1,6})(?:/(\\d{4}))?/([^\\s/-]+)(?:-([^\\s/-]+))?$");
  /** The drafting division in an official letter's number: not in the organisation data, letters only. */
  private static final String DRAFTER = "[A-ZĐ][A-Za-zĐđ]{0,9}";
  private static final Pattern DRAFTER_PATTERN = Pattern.compile(DRAFTER);

  private final OrganisationDirectory organisation;

  public DocumentNumberRule(OrganisationDirectory organisation) {
    this.organisation = organisation;
  }

  /** A number read by the rule; {@code kind} is null for an official letter (công văn). */
  public record DocumentNumber(int number, Integer year, String kind, String issuer, String drafter) {

    public boolean normative() {
      return year != null;
    }
  }

  /**
   * What the step knows about the document: whether it must be normative, the kinds it may be (empty: any) and
   * the issuing bodies' abbreviations it may carry (empty: any known issuer).
   */
  public record Expected(boolean normative, Set<String> kinds, Set<String> issuers) {

    public static final Expected ANYTHING = new Expected(false, Set.of(), Set.of());
  }

  /** Every issuer abbreviation of the organisation, longest first (a regular expression tries them in order). */
  public List<String> issuers() {
    return organisation.units().stream().map(Unit::abbreviation).filter(a -> a != null)
        .distinct().sorted(Comparator.comparing(String::length).reversed().thenComparing(a -> a)).toList();
  }

  /**
   * The rule as a regular expression that Java and the browser's JavaScript read alike (no flags, no
   * Unicode classes): what a form's field carries as its {@code validate.pattern}.
   */
  public String pattern(Scope scope) {
    String issuer = "(?:" + String.join("|", issuers()) + ")";
    String normative = "\\d{4}/(?:" + String.join("|", NORMATIVE_KINDS.stream().sorted().toList()) + ")-" + issuer;
    if (scope == Scope.NORMATIVE) {
      return "^\\d{1,6}/" + normative + "$";
    }
    List<String> kinds = new ArrayList<>(KINDS.keySet());
    kinds.sort(Comparator.comparing(String::length).reversed().thenComparing(k -> k));
    return "^\\d{1,6}/(?:" + normative + "|(?:" + String.join("|", kinds) + ")-" + issuer
        + "|" + issuer + "(?:-" + DRAFTER + ")?)$";
  }

  /** The human description of the rule, for a form field's help text. */
  public String description(Scope scope) {
    return scope == Scope.NORMATIVE
        ? "Theo Nghị định 30/2020/NĐ-CP: số/năm/ký hiệu loại văn bản-ký hiệu cơ quan ban hành, ví dụ 75/2025/NQ-HĐND"
        : "Theo Nghị định 30/2020/NĐ-CP: số/ký hiệu loại văn bản-ký hiệu cơ quan ban hành, ví dụ 5721/QĐ-UBND, "
            + "6482/TTr-SNV; văn bản quy phạm pháp luật ghi thêm năm, ví dụ 70/2025/QĐ-UBND; công văn: 123/UBND-VP";
  }

  /** The abbreviations a document recorded by {@code unitCode} may carry: its own and its parents' (the UBND
   * office records the UBND's decisions, the HĐND's standing committee its resolutions). */
  public Set<String> issuersFor(String unitCode) {
    Set<String> found = new LinkedHashSet<>();
    Optional<Unit> unit = organisation.find(unitCode);
    while (unit.isPresent()) {
      if (unit.get().abbreviation() != null) {
        found.add(unit.get().abbreviation());
      }
      unit = organisation.find(unit.get().parent());
    }
    return found;
  }

  /** The unit, among {@code recordingUnit} and the bodies it belongs to, whose abbreviation is {@code issuer}. */
  public Optional<String> issuingUnit(String recordingUnit, String issuer) {
    Optional<Unit> unit = organisation.find(recordingUnit);
    Set<String> seen = new LinkedHashSet<>();
    while (unit.isPresent() && seen.add(unit.get().code())) {
      if (issuer.equals(unit.get().abbreviation())) {
        return Optional.of(unit.get().code());
      }
      unit = organisation.find(unit.get().parent());
    }
    return Optional.empty();
  }

  /**
   * Reads {@code value} as a document number, or refuses it naming the field ({@code key}, {@code label}):
   * 400 with a Vietnamese message when submitted, nothing stored.
   */
  public DocumentNumber check(String key, String label, Object value, Expected expected) {
    String text = value == null ? "" : value.toString().strip();
    String field = "Trường \"" + label + "\" (" + key + ")";
    Matcher shape = SHAPE.matcher(text);
    if (!shape.matches()) {
      throw new FormFieldValidationException(key, field + " không đúng số, ký hiệu văn bản. "
          + description(expected.normative() ? Scope.NORMATIVE : Scope.ANY) + ". Nhận được: " + text);
    }
    int number = Integer.parseInt(shape.group(1));
    Integer year = shape.group(2) == null ? null : Integer.valueOf(shape.group(2));
    String first = shape.group(3);
    String second = shape.group(4);
    String kind;
    String issuer;
    String drafter = null;
    if (KINDS.containsKey(first)) {
      kind = first;
      issuer = second;
      if (issuer == null) {
        throw new FormFieldValidationException(key, field + ": sau ký hiệu loại văn bản \"" + first
            + "\" phải có ký hiệu cơ quan ban hành, ví dụ " + number + "/" + first + "-UBND. Nhận được: " + text);
      }
    } else if (isIssuer(first)) {
      kind = null;
      issuer = first;
      drafter = second;
      if (drafter != null && !DRAFTER_PATTERN.matcher(drafter).matches()) {
        throw new FormFieldValidationException(key, field + ": ký hiệu đơn vị soạn thảo \"" + drafter
            + "\" chỉ gồm chữ cái, bắt đầu bằng chữ in hoa. Nhận được: " + text);
      }
    } else {
      throw new FormFieldValidationException(key, field + ": \"" + first + "\" không phải ký hiệu loại văn bản "
          + "theo Nghị định 30/2020/NĐ-CP (" + String.join(", ", KINDS.keySet()) + ") cũng không phải ký hiệu "
          + "cơ quan ban hành nào trong danh mục tổ chức. Nhận được: " + text);
    }
    if (number < 1) {
      throw new FormFieldValidationException(key, field + ": số văn bản bắt đầu từ 01. Nhận được: " + text);
    }
    if (!isIssuer(issuer)) {
      throw new FormFieldValidationException(key, field + ": ký hiệu cơ quan ban hành \"" + issuer
          + "\" không có trong danh mục tổ chức (" + String.join(", ", issuers()) + "). Nhận được: " + text);
    }
    if (year != null && (kind == null || !NORMATIVE_KINDS.contains(kind))) {
      throw new FormFieldValidationException(key, field + ": chỉ văn bản quy phạm pháp luật (NQ, QĐ) ghi năm "
          + "trong số, ký hiệu. Nhận được: " + text);
    }
    if (year != null && year > OfficialDates.today().getYear()) {
      throw new FormFieldValidationException(key, field + ": năm ban hành " + year
          + " chưa đến. Nhận được: " + text);
    }
    if (expected.normative() && year == null) {
      throw new FormFieldValidationException(key, field + " là số, ký hiệu của văn bản quy phạm pháp luật: phải "
          + "ghi năm ban hành, ví dụ " + number + "/" + OfficialDates.today().getYear() + "/" + (kind == null ? "NQ" : kind)
          + "-" + issuer + ". Nhận được: " + text);
    }
    if (!expected.kinds().isEmpty() && (kind == null || !expected.kinds().contains(kind))) {
      throw new FormFieldValidationException(key, field + " phải là số, ký hiệu của " + expected.kinds().stream()
          .map(k -> KINDS.get(k) + " (" + k + ")").collect(Collectors.joining(", ")) + ", nhận được "
          + (kind == null ? "công văn" : KINDS.get(kind) + " (" + kind + ")") + ": " + text);
    }
    if (!expected.issuers().isEmpty() && !expected.issuers().contains(issuer)) {
      throw new FormFieldValidationException(key, field + ": văn bản ở bước này do " + String.join(" hoặc ",
          expected.issuers()) + " ban hành, nhưng ký hiệu cơ quan ban hành là \"" + issuer + "\": " + text);
    }
    return new DocumentNumber(number, year, kind, issuer, drafter);
  }

  private boolean isIssuer(String abbreviation) {
    return abbreviation != null && organisation.units().stream()
        .anyMatch(u -> abbreviation.equals(u.abbreviation()));
  }

  private static Map<String, String> kinds() {
    Map<String, String> kinds = new LinkedHashMap<>();
    kinds.put("NQ", "nghị quyết");
    kinds.put("QĐ", "quyết định");
    kinds.put("CT", "chỉ thị");
    kinds.put("QC", "quy chế");
    kinds.put("QyĐ", "quy định");
    kinds.put("TB", "thông báo");
    kinds.put("HD", "hướng dẫn");
    kinds.put("CTr", "chương trình");
    kinds.put("KH", "kế hoạch");
    kinds.put("PA", "phương án");
    kinds.put("ĐA", "đề án");
    kinds.put("DA", "dự án");
    kinds.put("BC", "báo cáo");
    kinds.put("BB", "biên bản");
    kinds.put("TTr", "tờ trình");
    kinds.put("HĐ", "hợp đồng");
    kinds.put("CĐ", "công điện");
    kinds.put("GUQ", "giấy ủy quyền");
    kinds.put("GM", "giấy mời");
    kinds.put("GGT", "giấy giới thiệu");
    return java.util.Collections.unmodifiableMap(kinds);
  }

}
