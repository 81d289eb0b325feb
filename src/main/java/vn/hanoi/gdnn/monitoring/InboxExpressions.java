package vn.hanoi.gdnn.monitoring;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import vn.hanoi.gdnn.calendar.WorkingDayCalendar;

/**
 * Bean {@code inbox}, called from the stored Tasklist filter queries (evaluated per request, as the user who
 * lists the filter): {@code ${inbox.dueSoonLimit()}} and {@code ${inbox.leaderGroups(currentUserGroups())}}.
 */
public class InboxExpressions {

  public static final String BEAN = "inbox";
  /** Suffix of leader groups ({@code so-gddt-lanh-dao}): candidates of sign-off and approval tasks. */
  public static final String LEADER_SUFFIX = "-lanh-dao";
  /**
   * Stands for "no leader group" in a candidate-group list: the engine cannot query an empty list, and no group
   * has this id (ids are lowercase kebab codes).
   */
  static final String NO_GROUP = "_";

  private final WorkingDayCalendar workingDays;
  private final MonitoringProperties properties;

  public InboxExpressions(WorkingDayCalendar workingDays, MonitoringProperties properties) {
    this.workingDays = workingDays;
    this.properties = properties;
  }

  /** End of office hours of the n-th working day from now, n = {@code gdnn.monitoring.due-soon-working-days}. */
  public Date dueSoonLimit() {
    return fromNow(properties.dueSoonWorkingDays());
  }

  /** End of office hours of the n-th working day from the engine's clock. */
  public Date fromNow(int workingDaysAhead) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return Date.from(workingDays.plusWorkingDays(now, workingDaysAhead));
  }

  /** The leader groups among {@code groups}. */
  public List<String> leaderGroups(Collection<String> groups) {
    List<String> leaders = groups == null ? List.of()
        : groups.stream().filter(g -> g.endsWith(LEADER_SUFFIX)).toList();
    return leaders.isEmpty() ? List.of(NO_GROUP) : leaders;
  }
}
