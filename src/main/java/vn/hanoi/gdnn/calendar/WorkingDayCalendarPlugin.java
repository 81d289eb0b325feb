package vn.hanoi.gdnn.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Installs the Vietnamese working-day calendar in the process engine:
 * <ul>
 *   <li>Camunda's business calendars accept {@code P<n>WD} / {@code P<n>CD} (see {@link WorkingDayNotation}) in
 *       timers and user task due/follow-up dates;</li>
 *   <li>every user task with a due date follows the deadline policy on its own timers (reminders, overdue,
 *       escalation: {@link DeadlinePolicy}) when the policy is enabled.</li>
 * </ul>
 * The no-argument constructor uses the shipped schedule and default policy (process tests without Spring).
 */
public class WorkingDayCalendarPlugin extends AbstractProcessEnginePlugin {

  /** Bean name of the escalation task's end listener. */
  public static final String ESCALATION_CHECK_BEAN = "escalationActionValidator";

  private final WorkingDayCalendar calendar;
  private final DeadlineProperties deadlines;
  private final DeadlinePolicy policy;

  public WorkingDayCalendarPlugin() {
    this(WorkingDayCalendar.shipped(), DeadlineProperties.defaults(), EscalationRouting.ubndOfficeOnly(),
        () -> true, List::of);
  }

  /**
   * @param active    asked when a task is created: whether it gets deadline timers (process tests switch it)
   * @param observers told of each step (read when a step runs: they may need the engine themselves)
   */
  public WorkingDayCalendarPlugin(WorkingDayCalendar calendar, DeadlineProperties deadlines,
                                  EscalationRouting routing, BooleanSupplier active,
                                  Supplier<List<DeadlineObserver>> observers) {
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.policy = new DeadlinePolicy(calendar, deadlines, routing, active, observers);
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
      listeners.add(new DeadlineWatchParseListener(policy));
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
  }

  /** The escalation process's listener, for engines without Spring (register it as an expression bean). */
  public Map<String, Object> processBeans() {
    return Map.of(ESCALATION_CHECK_BEAN, new EscalationActionValidator());
  }

  @Override
  public String toString() {
    return "WorkingDayCalendarPlugin";
  }
}
