package vn.hanoi.gdnn.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class OrganisationDirectoryTest {

  private final OrganisationDirectory shipped =
      new OrganisationDirectory(new ClassPathResource("organisation/organisation.yaml"));

  private static OrganisationDirectory parse(String yaml) {
    return OrganisationDirectory.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }

  private static final String KINDS = """
      kinds:
        - code: so
          name: Sở
        - code: trung-uong
          name: Cơ quan Trung ương
          groups: false
      """;

  @Test
  void theShippedOrganisationHasEveryUnitThePlanNamesWithItsVietnameseName() {
    assertThat(shipped.find("so-gddt")).get().extracting(Unit::name).isEqualTo("Sở Giáo dục và Đào tạo");
    assertThat(shipped.find("so-qhkt")).get().extracting(Unit::name).isEqualTo("Sở Quy hoạch – Kiến trúc");
    assertThat(shipped.find("hdnd-ban-vhxh")).get().extracting(Unit::name)
        .isEqualTo("Ban Văn hóa – Xã hội, Hội đồng nhân dân Thành phố");
    assertThat(shipped.find("cd-cnc-hn")).get().extracting(Unit::name)
        .isEqualTo("Trường Cao đẳng công nghệ cao Hà Nội");
    for (String code : List.of("ubnd", "vp-ubnd", "so-gddt", "so-nv", "so-tc", "so-tp", "so-nnmt", "so-xd",
        "so-qhkt", "so-vhtt", "so-khcn", "hdnd-ban-vhxh", "hdnd-tt", "cd-cnc-hn", "bo-gddt", "ttg")) {
      assertThat(shipped.isUnit(code)).as(code).isTrue();
    }
    assertThat(shipped.units()).filteredOn(u -> u.kind().equals("ubnd-xa")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(shipped.find("so-gddt").orElseThrow().parent()).isEqualTo("ubnd");
    assertThat(shipped.children("hdnd")).extracting(Unit::code).contains("hdnd-tt", "hdnd-ban-vhxh");
  }

  @Test
  void theBodiesTheLawMakingAndLandStepsNeedAreThereUnderTheirCodes() {
    assertThat(shipped.children("hdnd")).extracting(Unit::code)
        .contains("hdnd-ban-pc", "hdnd-ban-ktns", "hdnd-ban-dt", "hdnd-ban-vhxh", "vp-hdnd");
    assertThat(shipped.find("hdnd-ban-ktns")).get().extracting(Unit::name)
        .isEqualTo("Ban Kinh tế – Ngân sách, Hội đồng nhân dân Thành phố");
    assertThat(shipped.find("vp-hdnd")).get().extracting(Unit::name, Unit::kind)
        .containsExactly("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân Thành phố", "hdnd");
    assertThat(shipped.find("mttq")).get().extracting(Unit::name)
        .isEqualTo("Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố Hà Nội");
    assertThat(shipped.units()).filteredOn(u -> u.kind().equals("ban-qlda")).isNotEmpty();
    assertThat(shipped.units()).filteredOn(u -> u.kind().equals("truong-ngoai-cong-lap")).isNotEmpty();
    assertThat(shipped.units()).filteredOn(u -> u.kind().equals("trung-tam-gdnn-gdtx"))
        .isNotEmpty().allMatch(u -> "so-gddt".equals(u.parent()));
    for (String code : List.of("vp-hdnd", "mttq", "hdnd-ban-dt", "ttgdnn-ba-vi", "cd-fpt-polytechnic")) {
      assertThat(shipped.isKnownGroup(code + Groups.LEADER_SUFFIX)).as(code).isTrue();
    }
  }

  @Test
  void everyCommuneAndWardOfResolution1656IsAUnitWithItsCodeDerivedFromItsName() {
    List<Unit> communes = shipped.units().stream().filter(u -> u.kind().equals("ubnd-xa")).toList();
    assertThat(communes).hasSize(126);
    assertThat(communes).filteredOn(u -> u.code().startsWith("px-")).hasSize(51)
        .allMatch(u -> u.name().startsWith("Ủy ban nhân dân phường "));
    assertThat(communes).filteredOn(u -> u.code().startsWith("xa-")).hasSize(75)
        .allMatch(u -> u.name().startsWith("Ủy ban nhân dân xã "));
    assertThat(communes).allMatch(u -> "ubnd".equals(u.parent()));
    // the codes the plan catalogue and earlier tests already use are unchanged
    assertThat(shipped.find("px-van-mieu-quoc-tu-giam")).get().extracting(Unit::name)
        .isEqualTo("Ủy ban nhân dân phường Văn Miếu – Quốc Tử Giám");
    for (String code : List.of("px-hoan-kiem", "px-cua-nam", "px-ba-dinh", "xa-dong-anh", "xa-soc-son")) {
      assertThat(shipped.isUnit(code)).as(code).isTrue();
    }
    assertThat(communes).extracting(Unit::name).doesNotHaveDuplicates();
  }

  @Test
  void centralBodiesAreAddresseesWithoutGroups() {
    assertThat(shipped.unitsWithGroups()).extracting(Unit::code).doesNotContain("bo-gddt", "ttg").contains("so-tc");
    assertThat(shipped.isKnownGroup("bo-gddt")).isFalse();
    assertThat(shipped.isKnownGroup("so-tp-lanh-dao")).isTrue();
    assertThat(shipped.isKnownGroup("ubnd-lanh-dao")).isTrue();
    assertThat(shipped.isKnownGroup(Groups.UBND_MONITORING)).isTrue();
    assertThat(shipped.isKnownGroup("so-ldtbxh")).as("merged into Sở Nội vụ in 2025").isFalse();
    assertThat(shipped.kinds()).extracting(UnitKind::code).contains("so", "ubnd-xa", "trung-uong");
  }

  @Test
  void everyProblemOfABadFileIsReportedNamingItsEntry() {
    String yaml = KINDS + """
        units:
          - code: so-a
            name: Sở A
            kind: so
          - code: so-a
            name: Sở A lần nữa
            kind: so
          - code: so-b
            name: Sở B
            kind: so
            parent: ubdn
          - code: so-c
            name: Sở C
            kind: phong
          - code: So_D
            name: Sở D
            kind: so
          - code: so-e-lanh-dao
            name: Sở E
            kind: so
          - code: so-f
            kind: so
        """;
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(OrganisationException.class)
        .satisfies(e -> assertThat(((OrganisationException) e).problems()).containsExactlyInAnyOrder(
            "unit #2 (so-a): duplicate code, already used by unit #1",
            "unit #3 (so-b): unknown parent \"ubdn\"",
            "unit #4 (so-c): unknown kind \"phong\" (known: [so, trung-uong])",
            "unit #5 (So_D): code must be lowercase letters, digits and single hyphens",
            "unit #6 (so-e-lanh-dao): code is reserved for a leader or role group",
            "unit #7 (so-f): no name"))
        .hasMessageContaining("test.yaml");
  }

  @Test
  void unitsCarryTheAbbreviationTheirDocumentNumbersUseAndABadOneIsRefused() {
    assertThat(shipped.find("so-gddt").orElseThrow().abbreviation()).isEqualTo("SGDĐT");
    assertThat(shipped.find("ubnd").orElseThrow().abbreviation()).isEqualTo("UBND");
    assertThat(shipped.find("hdnd").orElseThrow().abbreviation()).isEqualTo("HĐND");
    assertThat(shipped.units()).filteredOn(u -> u.kind().equals("so"))
        .allSatisfy(u -> assertThat(u.abbreviation()).as(u.code()).isNotBlank());
    assertThatThrownBy(() -> parse(KINDS + """
        units:
          - code: so-a
            name: Sở A
            abbreviation: S-A
            kind: so
        """)).isInstanceOf(OrganisationException.class)
        .hasMessageContaining("unit #1 (so-a): abbreviation must be letters only");
    assertThat(parse(KINDS + """
        units:
          - code: so-a
            name: Sở A
            kind: so
        """).find("so-a").orElseThrow().abbreviation()).as("optional: such a unit issues nothing numbered")
        .isNull();
  }

  @Test
  void aParentChainThatLoopsIsRefused() {
    String yaml = KINDS + """
        units:
          - code: so-a
            name: Sở A
            kind: so
            parent: so-b
          - code: so-b
            name: Sở B
            kind: so
            parent: so-a
        """;
    assertThatThrownBy(() -> parse(yaml)).hasMessageContaining("unit #1 (so-a): parent chain loops")
        .hasMessageContaining("unit #2 (so-b): parent chain loops");
  }

  @Test
  void aMisspelledFieldOrBrokenYamlIsRefusedWithItsLine() {
    assertThatThrownBy(() -> parse(KINDS + """
        units:
          - code: so-a
            nam: Sở A
            kind: so
        """)).isInstanceOf(OrganisationException.class).hasMessageContaining("nam").hasMessageContaining("line");
    assertThatThrownBy(() -> parse("units: [")).isInstanceOf(OrganisationException.class)
        .hasMessageContaining("not a valid organisation file");
  }

  @Test
  void aValidSmallFileIsAccepted() {
    OrganisationDirectory directory = parse(KINDS + """
        units:
          - code: so-a
            name: Sở A
            kind: so
          - code: bo-a
            name: Bộ A
            kind: trung-uong
            unconfirmed: true
        """);
    assertThat(directory.units()).extracting(Unit::code).containsExactly("so-a", "bo-a");
    assertThat(directory.find("bo-a").orElseThrow().unconfirmed()).isTrue();
    assertThat(directory.unitsWithGroups()).extracting(Unit::code).containsExactly("so-a");
  }

  @Test
  void postsAreGroupsOfTheirOwnAndABadPostIsRefused() {
    OrganisationDirectory shipped = OrganisationDirectory.parse(
        OrganisationDirectoryTest.class.getResourceAsStream("/organisation/organisation.yaml"), "organisation.yaml");
    assertThat(shipped.posts()).extracting(Post::code).contains("ubnd-chu-tich", "ubnd-pct-vhxh", "ubnd-pct-kt",
        "ubnd-pct-dt", "ubnd-pct-nc", "hdnd-chu-tich");
    assertThat(shipped.isKnownGroup("ubnd-pct-vhxh")).isTrue();

    assertThatThrownBy(() -> parse(KINDS + """
        units:
          - code: so-a
            name: Sở A
            kind: so
        posts:
          - code: so-a
            name: Giám đốc
            unit: so-a
          - code: giam-doc-b
            name: Giám đốc Sở B
            unit: so-b
        """)).hasMessageContaining("post #1 (so-a): code is the group of a unit")
        .hasMessageContaining("post #2 (giam-doc-b): unknown unit \"so-b\"");
  }
}
