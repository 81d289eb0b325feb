package vn.hanoi.gdnn.plan;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who decides and reviews a deliverable (catalogue {@code decision}): the field that names the UBND vice-chairman
 * in charge (processes/ubnd-decider.dmn), whether the chairman decides instead, the HĐND committee that reviews a
 * draft resolution (thẩm tra), whether the policy is a pilot (policy impact assessment, Law 64/2025 Art 21(1)(d))
 * and whether the document sets prices (Sở Tài chính's price appraisal). Every part is optional.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionRoute(String field, String decidedBy, String committee, Boolean pilot, Boolean prices) {

  /** The fields the decision table knows; a catalogue naming another one is refused. */
  public static final List<String> FIELDS = List.of("giao-duc", "lao-dong-xa-hoi", "van-hoa", "tai-chinh",
      "dau-tu", "dat-dai", "quy-hoach", "xay-dung", "noi-vu", "tu-phap");

  /** The field when the catalogue names none: the plan is Sở GD&ĐT's, so education. */
  public static final String DEFAULT_FIELD = "giao-duc";

  public static final String CHAIR = "chair";

  /** The HĐND committees that review draft resolutions (organisation.yaml). */
  public static final List<String> COMMITTEES = List.of("hdnd-ban-vhxh", "hdnd-ban-ktns", "hdnd-ban-dt",
      "hdnd-ban-pc");

  public static final DecisionRoute NONE = new DecisionRoute(null, null, null, null, null);

  public String fieldOrDefault() {
    return field == null ? DEFAULT_FIELD : field;
  }

  public boolean chairDecides() {
    return CHAIR.equals(decidedBy);
  }

  public boolean isPilot() {
    return Boolean.TRUE.equals(pilot);
  }

  public boolean setsPrices() {
    return Boolean.TRUE.equals(prices);
  }
}
