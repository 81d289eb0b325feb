package vn.hanoi.gdnn.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;

import vn.hanoi.gdnn.procedure.UnitRegistry;

/**
 * The organisation and people of a benchmark: 60 units (the shipped organisation plus communes, through the
 * organisation package's own file), one staff member (chuyên viên) per unit and a plan manager, made through
 * Camunda's identity service. Idempotent: what exists is kept.
 */
final class BenchOrganisation {

  static final String PASSWORD = "Bench-2026-Hanoi"; // the password policy asks for 12 characters
  static final String MANAGER = "bench-quan-ly";
  static final String MANAGER_GROUP = "quan-ly-ke-hoach";

  final List<String> units;

  private BenchOrganisation(List<String> units) {
    this.units = units;
  }

  static String staffOf(String unit) {
    return "cv-" + unit;
  }

  /**
   * The organisation file of a city-scale run: the shipped organisation plus communes (UBND xã) up to
   * {@code units} units that can be given work, written to target/bench and passed to the application as
   * {@code gdnn.organisation.file}. The organisation package then makes their groups as for any unit.
   */
  static Path cityFile(int units) throws IOException {
    String shipped;
    try (InputStream in = BenchOrganisation.class.getClassLoader()
        .getResourceAsStream("organisation/organisation.yaml")) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // The communes go at the end of the `units:` list, before the sections that follow it (`posts:`).
    int unitsEnd = shipped.indexOf("\nposts:");
    String head = unitsEnd < 0 ? shipped.stripTrailing() : shipped.substring(0, unitsEnd).stripTrailing();
    String tail = unitsEnd < 0 ? "" : shipped.substring(unitsEnd);
    StringBuilder yaml = new StringBuilder(head).append('\n');
    yaml.append("  # Communes added for the city-scale benchmark (src/test/java/vn/hanoi/gdnn/bench)\n");
    for (int i = 1; i <= units; i++) {
      yaml.append(String.format("  - code: xa-do-tai-%02d%n    name: Ủy ban nhân dân xã số %02d (dữ liệu đo tải)%n"
          + "    kind: ubnd-xa%n    parent: ubnd%n", i, i));
    }
    yaml.append(tail);
    Path file = Path.of("target/bench/organisation-city.yaml").toAbsolutePath();
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    return file;
  }

  /** The first {@code count} units the procedures can give work to, each with a staff member; a plan manager. */
  static BenchOrganisation ensure(ProcessEngine engine, UnitRegistry registry, int count) {
    IdentityService identity = engine.getIdentityService();
    List<String> units = registry.consultableUnits().keySet().stream().filter(registry::exists).limit(count)
        .toList();
    if (units.size() < count) {
      throw new IllegalStateException("Only " + units.size() + " units known to the organisation: " + units);
    }
    for (String unit : units) {
      ensureUser(identity, staffOf(unit), "Chuyên viên", registry.nameOf(unit), unit);
    }
    ensureUser(identity, MANAGER, "Quản lý", "kế hoạch", MANAGER_GROUP);
    return new BenchOrganisation(units);
  }

  private static void ensureUser(IdentityService identity, String id, String first, String last, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(first);
      user.setLastName(last);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
      identity.createMembership(id, group);
    }
  }
}
