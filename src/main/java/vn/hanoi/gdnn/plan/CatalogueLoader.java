package vn.hanoi.gdnn.plan;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads catalogue.yaml (Jackson YAML) and checks every entry: units must exist in the organisation directory,
 * lifecycles must be deployed processes, codes unique, deadlines not before the plan's date. All problems are
 * reported at once, each naming its entry and field; a catalogue with any problem is rejected as a whole.
 */
public class CatalogueLoader {

  static final Pattern CODE = Pattern.compile("\\d+\\.\\d+(\\.\\d+)?");

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule());
  private final Predicate<String> knownUnit;
  private final Predicate<String> knownProcess;

  public CatalogueLoader(Predicate<String> knownUnit, Predicate<String> knownProcess) {
    this.knownUnit = knownUnit;
    this.knownProcess = knownProcess;
  }

  /** The raw entries of a catalogue file, unchecked (the file must have been loaded successfully before). */
  static List<DeliverableEntry> entries(InputStream in) throws IOException {
    CatalogueFile file = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
        .readValue(in, CatalogueFile.class);
    return file.deliverables() == null ? List.of() : file.deliverables();
  }

  public Catalogue load(InputStream in) {
    CatalogueFile file;
    try {
      file = yaml.readValue(in, CatalogueFile.class);
    } catch (UnrecognizedPropertyException e) {
      throw new CatalogueException(String.valueOf(e.getPathReference()), e.getPropertyName(),
          "trường không được hỗ trợ");
    } catch (JsonProcessingException e) {
      throw new CatalogueException("(tệp danh mục)", "-", "không đọc được YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new CatalogueException("(tệp danh mục)", "-", "không đọc được tệp: " + e.getMessage());
    }
    List<CatalogueProblem> problems = new ArrayList<>();
    if (file == null || file.plan() == null || file.plan().issuedOn() == null) {
      throw new CatalogueException("(kế hoạch)", "plan.issuedOn", "thiếu ngày ban hành kế hoạch");
    }
    List<Area> areas = file.areas() == null ? List.of() : file.areas();
    List<DeliverableEntry> entries = file.deliverables() == null ? List.of() : file.deliverables();
    Set<String> seen = new HashSet<>();
    List<Deliverable> deliverables = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      DeliverableEntry entry = entries.get(i);
      String name = entry.code() == null || entry.code().isBlank() ? "thứ " + (i + 1) : entry.code();
      if (entry.code() != null && !seen.add(entry.code())) {
        problems.add(new CatalogueProblem(name, "code", "mã nhiệm vụ bị trùng"));
        continue;
      }
      Deliverable d = check(entry, name, areas, file.plan().issuedOn(), problems);
      if (d != null) {
        deliverables.add(d);
      }
    }
    checkPrerequisites(deliverables, seen, problems);
    if (!problems.isEmpty()) {
      throw new CatalogueException(problems);
    }
    return new Catalogue(file.plan().reference(), file.plan().issuedOn(), List.copyOf(areas),
        List.copyOf(deliverables));
  }

  /** Checks one new deliverable against the current catalogue (amendment "add"); throws when invalid. */
  public Deliverable checkNew(DeliverableEntry entry, Catalogue current) {
    List<CatalogueProblem> problems = new ArrayList<>();
    String name = entry.code() == null || entry.code().isBlank() ? "(mới)" : entry.code();
    if (entry.code() != null && current.find(entry.code()).isPresent()) {
      problems.add(new CatalogueProblem(name, "code", "mã nhiệm vụ đã có trong danh mục"));
    }
    Deliverable d = check(entry, name, current.areas(), current.planStart(), problems);
    if (d != null) {
      List<Deliverable> all = new ArrayList<>(current.deliverables());
      all.add(d);
      checkPrerequisites(all, all.stream().map(Deliverable::code).collect(java.util.stream.Collectors.toSet()),
          problems);
    }
    if (!problems.isEmpty()) {
      throw new CatalogueException(problems);
    }
    return d;
  }

  /** Turns a stored (already accepted) entry back into a deliverable; throws when it no longer validates. */
  public Deliverable validate(DeliverableEntry entry, List<Area> areas, LocalDate planStart) {
    List<CatalogueProblem> problems = new ArrayList<>();
    Deliverable d = check(entry, entry.code(), areas, planStart, problems);
    if (!problems.isEmpty()) {
      throw new CatalogueException(problems);
    }
    return d;
  }

  /**
   * Each code in a deliverable's {@code after} must be another deliverable of the catalogue ({@code codes}: every
   * entry's, also those refused for another reason, reported on their own), and following them
   * must never come back to where it started (7.3 after 7.1 after 7.3 could never begin).
   */
  static void checkPrerequisites(List<Deliverable> deliverables, Set<String> codes, List<CatalogueProblem> problems) {
    Map<String, List<String>> after = new HashMap<>();
    deliverables.forEach(d -> after.put(d.code(), d.after()));
    for (Deliverable d : deliverables) {
      for (String code : d.after()) {
        if (code == null || code.equals(d.code())) {
          problems.add(new CatalogueProblem(d.code(), "after", "nhiệm vụ không thể làm sau chính nó"));
        } else if (!codes.contains(code)) {
          problems.add(new CatalogueProblem(d.code(), "after", "không có nhiệm vụ \"" + code
              + "\" trong danh mục để làm tiền đề"));
        }
      }
    }
    for (Deliverable d : deliverables) {
      Set<String> seen = new HashSet<>();
      List<String> todo = new ArrayList<>(d.after());
      while (!todo.isEmpty()) {
        String code = todo.remove(todo.size() - 1);
        if (code == null || !seen.add(code)) {
          continue;
        }
        if (code.equals(d.code())) {
          problems.add(new CatalogueProblem(d.code(), "after", "các nhiệm vụ tiền đề tạo thành vòng lặp, "
              + "quay lại chính nhiệm vụ " + d.code()));
          break;
        }
        todo.addAll(after.getOrDefault(code, List.of()));
      }
    }
  }

  /** Whether {@code unit} may lead or co-operate (exists in the organisation directory). */
  public boolean isKnownUnit(String unit) {
    return unit != null && knownUnit.test(unit);
  }

  private Deliverable check(DeliverableEntry e, String name, List<Area> areas, LocalDate planStart,
      List<CatalogueProblem> problems) {
    int before = problems.size();
    if (e.code() == null || !CODE.matcher(e.code()).matches()) {
      problems.add(new CatalogueProblem(name, "code", "mã nhiệm vụ phải có dạng số mục.số thứ tự, ví dụ 4.2"));
    }
    Area area = e.area() == null ? null : areas.stream().filter(a -> a.number() == e.area()).findFirst().orElse(null);
    if (area == null) {
      problems.add(new CatalogueProblem(name, "area", "không có nội dung số " + e.area() + " trong kế hoạch"));
    } else if (e.code() != null && !e.code().startsWith(e.area() + ".")) {
      problems.add(new CatalogueProblem(name, "code", "mã nhiệm vụ phải bắt đầu bằng số nội dung " + e.area()));
    }
    requireText(e.title(), name, "title", "tên nhiệm vụ", problems);
    requireText(e.product(), name, "product", "sản phẩm", problems);
    requireText(e.signer(), name, "signer", "thẩm quyền ký", problems);
    if (e.lead() == null || !knownUnit.test(e.lead())) {
      problems.add(new CatalogueProblem(name, "lead", "đơn vị chủ trì \"" + e.lead()
          + "\" không có trong danh bạ tổ chức"));
    }
    List<String> coUnits = e.coUnits() == null ? List.of() : e.coUnits();
    for (String unit : coUnits) {
      if (unit == null || !knownUnit.test(unit)) {
        problems.add(new CatalogueProblem(name, "coUnits", "đơn vị phối hợp \"" + unit
            + "\" không có trong danh bạ tổ chức"));
      } else if (unit.equals(e.lead())) {
        problems.add(new CatalogueProblem(name, "coUnits", "đơn vị chủ trì không đồng thời là đơn vị phối hợp"));
      }
    }
    if (e.lifecycle() == null || !knownProcess.test(e.lifecycle())) {
      problems.add(new CatalogueProblem(name, "lifecycle", "quy trình \"" + e.lifecycle()
          + "\" chưa được triển khai"));
    }
    Map<String, Integer> periods = e.periods() == null ? Map.of() : new LinkedHashMap<>(e.periods());
    periods.forEach((key, days) -> {
      if (days == null || days < 1 || days > 365) {
        problems.add(new CatalogueProblem(name, "periods." + key, "số ngày làm việc phải từ 1 đến 365"));
      }
    });
    checkDecision(e, name, problems);
    DeadlineRule rule = deadline(e.deadline(), name, problems);
    if (rule != null) {
      try {
        for (Occurrence o : rule.occurrences(name, planStart)) {
          if (o.due().isBefore(planStart)) {
            problems.add(new CatalogueProblem(name, "deadline", "thời hạn " + Dates.format(o.due())
                + " trước ngày ban hành kế hoạch " + Dates.format(planStart)));
          }
        }
      } catch (IllegalArgumentException ex) {
        problems.add(new CatalogueProblem(name, "deadline", ex.getMessage()));
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return new Deliverable(e.code(), area, e.title().strip(), e.product().strip(), e.signer().strip(), e.lead(),
        List.copyOf(coUnits), rule, e.lifecycle(), Map.copyOf(periods), e.seedText(), e.note(), e.decision(), e.after());
  }

  /** The decision route names known fields and committees; an HĐND resolution names its committee. */
  private static void checkDecision(DeliverableEntry e, String name, List<CatalogueProblem> problems) {
    DecisionRoute d = e.decision() == null ? DecisionRoute.NONE : e.decision();
    if (d.field() != null && !DecisionRoute.FIELDS.contains(d.field())) {
      problems.add(new CatalogueProblem(name, "decision.field", "lĩnh vực \"" + d.field()
          + "\" không có trong bảng phân công lãnh đạo UBND (" + String.join(", ", DecisionRoute.FIELDS) + ")"));
    }
    if (d.decidedBy() != null && !d.chairDecides()) {
      problems.add(new CatalogueProblem(name, "decision.decidedBy",
          "chỉ ghi \"chair\" khi Chủ tịch UBND Thành phố quyết định; bỏ trống thì Phó Chủ tịch phụ trách lĩnh vực quyết định"));
    }
    if (d.committee() != null && !DecisionRoute.COMMITTEES.contains(d.committee())) {
      problems.add(new CatalogueProblem(name, "decision.committee", "\"" + d.committee()
          + "\" không phải là Ban của HĐND Thành phố (" + String.join(", ", DecisionRoute.COMMITTEES) + ")"));
    }
    if (HDND_LIFECYCLE.equals(e.lifecycle()) && d.committee() == null) {
      problems.add(new CatalogueProblem(name, "decision.committee",
          "nghị quyết HĐND phải ghi Ban của HĐND Thành phố thẩm tra dự thảo"));
    }
  }

  static final String HDND_LIFECYCLE = "lifecycleHdndPolicy";

  private static DeadlineRule deadline(JsonNode node, String name, List<CatalogueProblem> problems) {
    try {
      if (node == null || node.isNull()) {
        problems.add(new CatalogueProblem(name, "deadline", "thiếu thời hạn hoàn thành"));
        return null;
      }
      if (node.isValueNode()) {
        DeadlineRule rule = DeadlineRule.once(node.asText());
        DeadlineRule.endOf(rule.once());
        return rule;
      }
      String first = node.hasNonNull("first") ? node.get("first").asText() : null;
      if (first != null) {
        DeadlineRule.endOf(first);
      }
      return DeadlineRule.yearly(node.hasNonNull("yearly") ? node.get("yearly").asText() : null,
          node.hasNonNull("due") ? node.get("due").asText() : null, first);
    } catch (IllegalArgumentException ex) {
      problems.add(new CatalogueProblem(name, "deadline", ex.getMessage()));
      return null;
    }
  }

  private static void requireText(String value, String name, String field, String label,
      List<CatalogueProblem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new CatalogueProblem(name, field, "thiếu " + label));
    }
  }
}
