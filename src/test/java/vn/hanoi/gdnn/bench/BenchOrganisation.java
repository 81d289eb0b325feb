package vn.hanoi.gdnn.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

import vn.hanoi.gdnn.procedure.UnitRegistry;

/**
 * The people of a benchmark, made through Camunda's identity service: 60 units (the organisation's own when it
 * has that many, otherwise its departments plus communes), one staff member (chuyên viên) per unit, and a plan
 * manager. Idempotent: what exists is kept.
 */
final class BenchOrganisation {

  static final String PASSWORD = "Bench-2026";
  static final String MANAGER = "bench-quan-ly";
  static final String MANAGER_GROUP = "quan-ly-ke-hoach";

  private static final Map<String, String> DEPARTMENTS = new LinkedHashMap<>();

  static {
    DEPARTMENTS.put("vp-ubnd", "Văn phòng UBND Thành phố");
    DEPARTMENTS.put("so-gddt", "Sở Giáo dục và Đào tạo");
    DEPARTMENTS.put("so-nv", "Sở Nội vụ");
    DEPARTMENTS.put("so-tc", "Sở Tài chính");
    DEPARTMENTS.put("so-tp", "Sở Tư pháp");
    DEPARTMENTS.put("so-nnmt", "Sở Nông nghiệp và Môi trường");
    DEPARTMENTS.put("so-xd", "Sở Xây dựng");
    DEPARTMENTS.put("so-qhkt", "Sở Quy hoạch – Kiến trúc");
    DEPARTMENTS.put("so-vhtt", "Sở Văn hóa và Thể thao");
    DEPARTMENTS.put("so-khcn", "Sở Khoa học và Công nghệ");
    DEPARTMENTS.put("cd-cnc-hn", "Trường Cao đẳng công nghệ cao Hà Nội");
  }

  final List<String> units;

  private BenchOrganisation(List<String> units) {
    this.units = units;
  }

  static String staffOf(String unit) {
    return "cv-" + unit;
  }

  static BenchOrganisation ensure(ProcessEngine engine, UnitRegistry registry, int count) {
    IdentityService identity = engine.getIdentityService();
    List<String> units = new ArrayList<>(registry.consultableUnits().keySet());
    if (units.size() < count) {
      Map<String, String> wanted = new LinkedHashMap<>(DEPARTMENTS);
      for (int i = 1; wanted.size() < count + 5; i++) {
        wanted.put(String.format("ubnd-xa-%02d", i), String.format("UBND xã số %02d", i));
      }
      for (Map.Entry<String, String> unit : wanted.entrySet()) {
        if (identity.createGroupQuery().groupId(unit.getKey()).count() == 0) {
          Group group = identity.newGroup(unit.getKey());
          group.setName(unit.getValue());
          group.setType(BenchUnits.UNIT_TYPE);
          identity.saveGroup(group);
        }
      }
      units = new ArrayList<>(registry.consultableUnits().keySet());
    }
    units = units.stream().filter(registry::exists).limit(count).toList();
    if (units.size() < count) {
      throw new IllegalStateException("Only " + units.size() + " units known to the organisation: " + units);
    }
    for (String unit : units) {
      ensureUser(identity, staffOf(unit), "Chuyên viên", registry.nameOf(unit), unit);
    }
    if (identity.createGroupQuery().groupId(MANAGER_GROUP).count() == 0) {
      Group group = identity.newGroup(MANAGER_GROUP);
      group.setName("Quản lý kế hoạch");
      group.setType("vai-tro");
      identity.saveGroup(group);
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
