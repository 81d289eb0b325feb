package vn.hanoi.gdnn.procedure;

import java.util.LinkedHashMap;
import java.util.Map;

/** The units the procedure tests use, by code and Vietnamese name. */
final class TestOrganisation {

  private TestOrganisation() {
  }

  static UnitRegistry registry() {
    Map<String, String> units = new LinkedHashMap<>();
    units.put("so-gddt", "Sở Giáo dục và Đào tạo");
    units.put("so-nv", "Sở Nội vụ");
    units.put("so-tc", "Sở Tài chính");
    units.put("so-tp", "Sở Tư pháp");
    units.put("so-xd", "Sở Xây dựng");
    units.put("vp-ubnd", "Văn phòng UBND Thành phố");
    return new UnitRegistry() {
      @Override
      public boolean exists(String code) {
        return units.containsKey(code);
      }

      @Override
      public String nameOf(String code) {
        return units.getOrDefault(code, code);
      }

      @Override
      public Map<String, String> consultableUnits() {
        return units;
      }
    };
  }
}
