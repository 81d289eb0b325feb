package vn.hanoi.gdnn.organisation;

import java.util.List;
import java.util.Optional;

/**
 * Ids and types of the Camunda groups that model the organisation. A unit {@code so-gddt} has the staff group
 * {@code so-gddt} and the leader group {@code so-gddt-lanh-dao}; three role groups stand beside the units.
 */
public final class Groups {

  public static final String LEADER_SUFFIX = "-lanh-dao";
  /** UBND office monitoring group: receives escalations of overdue work. */
  public static final String UBND_MONITORING = "vp-ubnd-theo-doi";
  /** Plan managers: read every deliverable and its history, complete nothing of other units. */
  public static final String PLAN_MANAGERS = "quan-ly-ke-hoach";
  /** Administrators (Camunda's own id for its administrator group). */
  public static final String ADMINISTRATORS = "camunda-admin";
  public static final List<String> ROLE_GROUPS = List.of(UBND_MONITORING, PLAN_MANAGERS, ADMINISTRATORS);

  public static final String TYPE_UNIT = "don-vi";
  public static final String TYPE_LEADERS = "lanh-dao";
  public static final String TYPE_ROLE = "vai-tro";
  /** A post held by one person (organisation.yaml, {@code posts}). */
  public static final String TYPE_POST = "chuc-danh";
  /** Camunda's type for its administrator group. */
  public static final String TYPE_SYSTEM = "SYSTEM";

  private Groups() {
  }

  public static String leadersOf(String unitCode) {
    return unitCode + LEADER_SUFFIX;
  }

  /** The unit code a unit or leader group belongs to ({@code so-gddt-lanh-dao} → {@code so-gddt}). */
  public static String unitCodeOf(String groupId) {
    return groupId.endsWith(LEADER_SUFFIX)
        ? groupId.substring(0, groupId.length() - LEADER_SUFFIX.length()) : groupId;
  }

  /** The unit code of a group, empty for the role groups. */
  public static Optional<String> unitOf(String groupId) {
    return ROLE_GROUPS.contains(groupId) ? Optional.empty() : Optional.of(unitCodeOf(groupId));
  }
}
