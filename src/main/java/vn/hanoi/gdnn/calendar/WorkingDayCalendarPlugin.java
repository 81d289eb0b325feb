package vn.hanoi.gdnn.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Installs the Vietnamese working-day calendar in the process engine:
 * <ul>
 *   <li>Camunda's business calendars accept {@code P<n>WD} / {@code P<n>CD} (see {@link WorkingDayNotation}) in
 *       timers and user task due/follow-up dates;</li>
 *   <li>every user task with a due date is watched by the {@code deadlineWatch} process (reminders, overdue,
 *       escalation), when that process is deployed and the policy is enabled.</li>
 * </ul>
 * The no-argument constructor uses the shipped schedule and default policy (process tests without Spring).
 */
public class WorkingDayCalendarPlugin extends AbstractProcessEnginePlugin {

  /** Bean names of the watch process's delegates. */
  public static final String REMINDER_BEAN = "deadlineReminder";
  public static final String OVERDUE_BEAN = "deadlineOverdue";
  public static final String ESCALATION_CHECK_BEAN = "escalationActionValidator";
  public static final String ESCALATION_FACTS_BEAN = "deadlineEscalationFacts";

  private final WorkingDayCalendar calendar;
  private final DeadlineProperties deadlines;

  public WorkingDayCalendarPlugin() {
    this(WorkingDayCalendar.shipped(), DeadlineProperties.defaults());
  }

  public WorkingDayCalendarPlugin(WorkingDayCalendar calendar, DeadlineProperties deadlines) {
    this.calendar = calendar;
    this.deadlines = deadlines;
  }

  public WorkingDayCalendar calendar() {
    return calendar;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setBusinessCalendarManager(WorkingDayBusinessCalendars.manager(calendar));
    if (Boolean.TRUE.equals(deadlines.enabled())) {
      List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
          ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
      listeners.add(new DeadlineWatchParseListener(new DeadlineWatchTaskListener(calendar, deadlines)));
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
  }

  /** The watch process's delegates, for engines without Spring (register them as expression beans). */
  public Map<String, Object> processBeans() {
    return Map.of(REMINDER_BEAN, new DeadlineReminderDelegate(calendar, deadlines),
        OVERDUE_BEAN, new DeadlineOverdueDelegate(calendar, deadlines),
        ESCALATION_CHECK_BEAN, new EscalationActionValidator(),
        ESCALATION_FACTS_BEAN, new DeadlineEscalationFacts(calendar));
  }

  @Override
  public String toString() {
    return "WorkingDayCalendarPlugin";
  }
}
