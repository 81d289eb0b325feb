package vn.hanoi.gdnn.monitoring;

import java.util.Collection;

/** Who may read the progress of the whole plan: members of the configured manager groups. */
public final class ManagerAccess {

  public static final String DENIED = "Chỉ cán bộ quản lý kế hoạch và quản trị hệ thống được xem tiến độ"
      + " thực hiện kế hoạch.";

  private ManagerAccess() {
  }

  public static boolean allowed(MonitoringProperties properties, Collection<String> groups) {
    return groups != null && groups.stream().anyMatch(properties.managerGroups()::contains);
  }

  /** The message of a 400 answer for an unknown unit code. */
  public static String unknownUnit(String unit) {
    return "Không có đơn vị nào có mã \"" + unit + "\".";
  }
}
