package vn.hanoi.gdnn.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class CatalogueTest {

  /** The seed's deliverables, phrase by phrase, with the area they belong to (shared/seed/000_…txt). */
  static final Map<String, Integer> SEED_ITEMS = Map.ofEntries(
      Map.entry("Ban hành Kế hoạch truyền thông về giáo dục nghề nghiệp theo giai đoạn và cụ thể từng năm với các nội dung và hình thức truyền thông rõ ràng", 1),
      Map.entry("Tổ chức đa dạng các chương trình, hoạt động, cuộc thi, tọa đàm, phóng sự, truyền hình, quảng cáo", 1),
      Map.entry("Mở rộng quy mô các hoạt động mang tính lan tỏa", 1),
      Map.entry("Xây dựng cơ chế, chính sách thu hút đội ngũ nhà giáo có năng lực, trình độ, tay nghề cao vào giảng dạy tại các cơ sở giáo dục nghề nghiệp", 2),
      Map.entry("Tổ chức các lớp đào tạo, bồi dưỡng cho cho cán bộ, nhà giáo chủ chốt các cơ sở giáo dục nghề nghiệp tại nước ngoài", 2),
      Map.entry("Tổ chức các lớp đào tạo, bồi dưỡng nâng cao kiến thức, năng lực, kỹ năng cho lãnh đạo quản lý và đội ngũ nhà giáo tại các cơ sở giáo dục nghề nghiệp", 2),
      Map.entry("Khai thác tài sản công vào mục đích liên doanh, liên kết", 3),
      Map.entry("Xây dựng định mức kinh tế kỹ thuật và giá dịch vụ đối với các ngành, nghề đào tạo trình độ cao đẳng, trình độ trung cấp, trình độ sơ cấp, dưới 03 tháng", 4),
      Map.entry("Chính sách hỗ trợ học phí học nghề trình độ trung cấp, cao đẳng", 4),
      Map.entry("Chính sách hỗ trợ học phí cho học sinh, sinh viên học nghề đối với các chương trình chất lượng cao", 4),
      Map.entry("Rà soát, điều chỉnh, bổ sung quỹ đất giáo dục nghề nghiệp cho các đơn vị hoạt động giáo dục nghề nghiệp vào quy hoạch kế hoạch sử dụng đất", 5),
      Map.entry("Đề xuất cơ chế, chính sách hỗ trợ thu hồi đất, giải phóng mặt bằng cho các đơn vị hoạt động giáo dục nghề nghiệp ngoài công lập", 5),
      Map.entry("Bàn giao đất cho các Trường cao đẳng, trung cấp công lập thuộc Thành phố", 5),
      Map.entry("Rà soát, sắp xếp và đổi tên các trường cao đẳng, trung cấp công lập thuộc Thành phố", 6),
      Map.entry("Đề xuất Bộ Giáo dục và Đào tạo trình Thủ tướng Chính phủ phê duyệt lựa chọn phát triển trường chất lượng cao đối với các trường được lựa chọn", 7),
      Map.entry("Phê duyệt lựa chọn đầu tư đào tạo các ngành, nghề trọng điểm", 7),
      Map.entry("Xây dựng Đề án trở thành Trung tâm vùng đào tạo và thực hành nghề chất lượng cao, Trung tâm quốc gia đào tạo và thực hành nghề chất lượng cao", 7),
      Map.entry("Xây dựng tiêu chuẩn, định mức sử dụng máy móc, thiết bị chuyên dùng", 8),
      Map.entry("Xây dựng lộ trình tự chủ chi thường xuyên và chi đầu tư đến năm 2030 đối với Trường Cao đẳng công nghệ cao Hà Nội", 8),
      Map.entry("Triển khai các dự án đầu tư công", 8));


  static final Set<String> LIFECYCLES = Set.of("lifecycleUbndDecision", "lifecycleHdndPolicy", "lifecycleLandReview",
      "lifecycleLandHandover", "lifecycleSchoolReorganisation", "lifecycleCentralProposal", "lifecycleJointVenture",
      "lifecycleRecurringActivity", "lifecycleAutonomyRoadmap", "lifecycleInvestmentProject", "lifecycleNormativeDecision");

  private final CatalogueLoader loader = new CatalogueLoader(PlanTestBeans.units()::exists, LIFECYCLES::contains);

  static String shippedCatalogue() throws IOException {
    try (InputStream in = CatalogueTest.class.getResourceAsStream("/plan/catalogue.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Catalogue load(String yaml) {
    return loader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyItemOfTheSeedHasItsOwnEntryInItsArea() throws IOException {
    Catalogue catalogue = load(shippedCatalogue());
    Map<String, Deliverable> bySeedText = catalogue.deliverables().stream()
        .collect(Collectors.toMap(Deliverable::seedText, Function.identity()));

    assertThat(bySeedText.keySet()).containsExactlyInAnyOrderElementsOf(SEED_ITEMS.keySet());
    SEED_ITEMS.forEach((phrase, area) -> assertThat(bySeedText.get(phrase).area().number())
        .as("area of \"%s\"", phrase).isEqualTo(area));
    assertThat(catalogue.deliverables()).hasSize(20);
    assertThat(catalogue.areas()).hasSize(8);
    assertThat(catalogue.deliverables()).allSatisfy(d -> {
      assertThat(d.note()).as("note of %s", d.code()).isNotBlank();
      assertThat(d.code()).startsWith(d.area().number() + ".");
    });
  }

  @Test
  void theCommunicationPlanIsYearlyFrom2025To2030AndTheFirstYearIsDueInTheThirdQuarter() throws IOException {
    Catalogue catalogue = load(shippedCatalogue());
    Deliverable plan = catalogue.find("1.1").orElseThrow();

    List<Occurrence> years = plan.occurrences(catalogue.planStart());

    assertThat(years).extracting(Occurrence::businessKey)
        .containsExactly("1.1-2025", "1.1-2026", "1.1-2027", "1.1-2028", "1.1-2029", "1.1-2030");
    assertThat(years.get(0).due()).isEqualTo(LocalDate.of(2025, 9, 30));
    assertThat(years.get(0).periodStart()).isEqualTo(LocalDate.of(2025, 4, 25));
    assertThat(years.get(1).due()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(plan.deadline().label()).isEqualTo("Hằng năm 2025–2030 (hạn Quý I mỗi năm; năm 2025: Quý III/2025)");
    assertThat(catalogue.find("4.2").orElseThrow().occurrences(catalogue.planStart()))
        .singleElement().extracting(Occurrence::businessKey, Occurrence::due)
        .containsExactly("4.2", LocalDate.of(2025, 12, 31));
  }

  @Test
  void dependenciesBetweenDeliverablesAreData() throws IOException {
    Catalogue catalogue = load(shippedCatalogue());
    assertThat(catalogue.find("7.3").orElseThrow().after()).containsExactly("7.1");
    assertThat(catalogue.find("4.3").orElseThrow().after()).containsExactly("7.1", "7.2");
    assertThat(catalogue.find("5.3").orElseThrow().after()).containsExactly("5.1");
    assertThat(catalogue.find("7.1").orElseThrow().after()).isEmpty();
  }

  @Test
  void aPrerequisiteThatIsNoDeliverableIsNamedWithItsEntry() throws IOException {
    String yaml = shippedCatalogue().replaceFirst("after: \\[\"5.1\"\\]", "after: [\"5.9\"]");

    assertThatThrownBy(() -> load(yaml)).isInstanceOf(CatalogueException.class)
        .hasMessageContaining("Nhiệm vụ 5.3, trường \"after\"").hasMessageContaining("5.9");
  }

  @Test
  void prerequisitesThatLoopBackAreRefused() throws IOException {
    String yaml = shippedCatalogue().replaceFirst("lifecycle: lifecycleLandReview\n",
        "lifecycle: lifecycleLandReview\n    after: [\"5.3\"]\n");

    assertThatThrownBy(() -> load(yaml)).isInstanceOf(CatalogueException.class)
        .hasMessageContaining("trường \"after\"").hasMessageContaining("vòng lặp");
  }

  @Test
  void anUnknownLeadUnitIsNamedWithItsEntry() throws IOException {
    String yaml = shippedCatalogue().replaceFirst("lead: so-nnmt", "lead: so-khong-co");

    assertThatThrownBy(() -> load(yaml)).isInstanceOf(CatalogueException.class)
        .hasMessageContaining("Nhiệm vụ 5.1, trường \"lead\"").hasMessageContaining("so-khong-co");
  }

  @Test
  void anUnknownCoOperatingUnitIsNamedWithItsEntry() throws IOException {
    String yaml = shippedCatalogue().replaceFirst("coUnits: \\[so-nv, so-tc, so-tp\\]", "coUnits: [so-nv, so-abc]");

    assertThatThrownBy(() -> load(yaml)).isInstanceOf(CatalogueException.class)
        .hasMessageContaining("Nhiệm vụ 2.1, trường \"coUnits\"").hasMessageContaining("so-abc");
  }

  @Test
  void anUnknownLifecycleIsNamedWithItsEntry() throws IOException {
    String yaml = shippedCatalogue().replaceFirst("lifecycle: lifecycleJointVenture", "lifecycle: lifecycleNowhere");

    assertThatThrownBy(() -> load(yaml)).isInstanceOf(CatalogueException.class)
        .hasMessageContaining("Nhiệm vụ 3.1, trường \"lifecycle\"").hasMessageContaining("lifecycleNowhere");
  }

  @Test
  void aDuplicateCodeIsNamed() throws IOException {
    String yaml = shippedCatalogue().replaceFirst("code: \"4.3\"", "code: \"4.2\"");

    assertThatThrownBy(() -> load(yaml)).isInstanceOf(CatalogueException.class)
        .hasMessageContaining("Nhiệm vụ 4.2, trường \"code\": mã nhiệm vụ bị trùng");
  }

  @Test
  void aDeadlineBeforeThePlanIsNamedWithItsEntryAndDate() throws IOException {
    String yaml = shippedCatalogue().replaceFirst("deadline: 2025-Q4\n    lifecycle: lifecycleHdndPolicy",
        "deadline: 2025-Q1\n    lifecycle: lifecycleHdndPolicy");

    assertThatThrownBy(() -> load(yaml)).isInstanceOf(CatalogueException.class)
        .hasMessageContaining("Nhiệm vụ 4.2, trường \"deadline\"")
        .hasMessageContaining("31/03/2025 trước ngày ban hành kế hoạch 25/04/2025");
  }

  @Test
  void aMalformedDeadlineAndSeveralProblemsAreAllReportedAtOnce() throws IOException {
    String yaml = shippedCatalogue().replaceFirst("deadline: 2026-Q2", "deadline: giữa năm 2026")
        .replaceFirst("lead: cd-cnc-hn", "lead: truong-x");

    assertThatThrownBy(() -> load(yaml)).isInstanceOfSatisfying(CatalogueException.class, e ->
        assertThat(e.problems()).extracting(CatalogueProblem::entry, CatalogueProblem::field)
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("4.1", "deadline"),
                org.assertj.core.groups.Tuple.tuple("3.1", "lead")));
  }

  @Test
  void aDecisionRouteWithAnUnknownFieldOrCommitteeIsRefusedNamingTheEntry() throws IOException {
    String yaml = shippedCatalogue().replaceFirst("decision: \\{field: dat-dai\\}", "decision: {field: the-thao}")
        .replaceFirst("committee: hdnd-ban-pc", "committee: so-tp");

    assertThatThrownBy(() -> load(yaml)).isInstanceOfSatisfying(CatalogueException.class, e ->
        assertThat(e.problems()).extracting(CatalogueProblem::entry, CatalogueProblem::field)
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("5.1", "decision.field"),
                org.assertj.core.groups.Tuple.tuple("2.1", "decision.committee")));
  }

  @Test
  void anHdndResolutionWithoutItsReviewingCommitteeIsRefused() throws IOException {
    String yaml = shippedCatalogue().replaceFirst("decision: \\{field: giao-duc, committee: hdnd-ban-vhxh\\}",
        "decision: {field: giao-duc}");

    assertThatThrownBy(() -> load(yaml)).isInstanceOf(CatalogueException.class)
        .hasMessageContaining("Nhiệm vụ 4.2, trường \"decision.committee\"")
        .hasMessageContaining("Ban của HĐND Thành phố thẩm tra");
  }

  @Test
  void theShippedRoutesNameTheCommitteeOfEachResolutionsField() throws IOException {
    Catalogue catalogue = load(shippedCatalogue());
    assertThat(catalogue.find("2.1").orElseThrow().decision().committee()).isEqualTo("hdnd-ban-pc");
    assertThat(catalogue.find("4.2").orElseThrow().decision().committee()).isEqualTo("hdnd-ban-vhxh");
    assertThat(catalogue.find("5.2").orElseThrow().decision().committee()).isEqualTo("hdnd-ban-dt");
    assertThat(catalogue.find("4.3").orElseThrow().decision().isPilot()).isTrue();
    assertThat(catalogue.find("3.1").orElseThrow().decision().chairDecides()).isTrue();
    assertThat(catalogue.find("7.2").orElseThrow().decision().fieldOrDefault()).isEqualTo("giao-duc");
  }
}
