package vn.hanoi.gdnn.plan;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The units a deliverable may name as lead or co-operating body, with their Vietnamese names. Interim list of
 * the organisation brief's unit codes until the organisation directory is merged; the catalogue is checked
 * against it.
 */
@Component
public class PlanUnits {

  private static final Map<String, String> UNITS = new LinkedHashMap<>();

  static {
    UNITS.put("ubnd", "UBND Thành phố");
    UNITS.put("vp-ubnd", "Văn phòng UBND Thành phố");
    UNITS.put("so-gddt", "Sở Giáo dục và Đào tạo");
    UNITS.put("so-nv", "Sở Nội vụ");
    UNITS.put("so-tc", "Sở Tài chính");
    UNITS.put("so-tp", "Sở Tư pháp");
    UNITS.put("so-nnmt", "Sở Nông nghiệp và Môi trường");
    UNITS.put("so-xd", "Sở Xây dựng");
    UNITS.put("so-qhkt", "Sở Quy hoạch – Kiến trúc");
    UNITS.put("so-vhtt", "Sở Văn hóa và Thể thao");
    UNITS.put("so-khcn", "Sở Khoa học và Công nghệ");
    UNITS.put("hdnd-ban-vhxh", "Ban Văn hóa – Xã hội, HĐND Thành phố");
    UNITS.put("hdnd-tt", "Thường trực HĐND Thành phố");
    UNITS.put("cd-cnc-hn", "Trường Cao đẳng công nghệ cao Hà Nội");
    UNITS.put("ubnd-xa", "UBND các xã, phường");
    UNITS.put("bo-gddt", "Bộ Giáo dục và Đào tạo");
    UNITS.put("ttg", "Thủ tướng Chính phủ");
  }

  public boolean exists(String code) {
    return code != null && UNITS.containsKey(code);
  }

  public String name(String code) {
    return UNITS.getOrDefault(code, code);
  }
}
