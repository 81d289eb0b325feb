package vn.hanoi.gdnn.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrganisationUnitRegistryTest {

  private final UnitRegistry units = TestOrganisation.registry();

  @Test
  void unitsThatWorkInTheSystemExistAndCentralBodiesDoNot() {
    assertThat(units.exists("so-tc")).isTrue();
    assertThat(units.exists("hdnd-ban-vhxh")).isTrue();
    assertThat(units.exists("bo-gddt")).as("central body: addressee only").isFalse();
    assertThat(units.exists("so-tc-lanh-dao")).as("a leader group is not a unit").isFalse();
    assertThat(units.exists("so-khong-co")).isFalse();
  }

  @Test
  void consultableUnitsAreNamedInVietnameseWithoutTheCityUbndOrCentralBodies() {
    assertThat(units.consultableUnits()).containsEntry("so-tc", "Sở Tài chính")
        .containsEntry("so-gddt", "Sở Giáo dục và Đào tạo").doesNotContainKeys("ubnd", "bo-gddt", "ttg");
    assertThat(units.nameOf("so-khong-co")).isEqualTo("so-khong-co");
  }
}
