package vn.hanoi.gdnn.notification;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.calendar.DeadlineWatch;
import vn.hanoi.gdnn.organisation.Groups;

/**
 * Notifications of the deadline watch's steps (calendar package, docs/working-days.md), written when a step ends,
 * in its transaction: a reminder ("Nhắc việc", "Nhắc việc quá hạn") and the overdue mark go to whoever holds the
 * watched task — its assignee, else the members of its units; the overdue mark also to the unit's leaders.
 */
@Component
public class DeadlineEvents {

  static final List<String> REMINDER_STEPS = List.of("Task_RemindBeforeDue", "Task_RemindOverdue");
  static final String OVERDUE_STEP = "Task_MarkOverdue";

  private final Outbox outbox;
  private final People people;
  private final Templates templates;
  private final NotificationProperties properties;
  private final TaskService tasks;

  public DeadlineEvents(Outbox outbox, People people, Templates templates, NotificationProperties properties,
      @Lazy TaskService tasks) {
    this.outbox = outbox;
    this.people = people;
    this.templates = templates;
    this.properties = properties;
    this.tasks = tasks;
  }

  void stepEnded(DelegateExecution watch) {
    String taskId = (String) watch.getVariable(DeadlineWatch.TASK_ID);
    Task task = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return;
    }
    boolean overdue = OVERDUE_STEP.equals(watch.getCurrentActivityId());
    TaskFacts facts = TaskFacts.of(task, tasks.getVariables(taskId, List.of("deliverableCode", "deliverableTitle")),
        tasks.getIdentityLinksForTask(taskId), watch.getProcessBusinessKey(), properties);
    List<Person> holders = facts.assignee() != null ? people.immediate(List.of(facts.assignee()))
        : people.immediateMembersOf(facts.unitGroups());
    String unit = facts.unitGroups().stream().map(Groups::unitCodeOf).findFirst().orElse(null);
    Map<String, String> values = facts.values();
    Object count = watch.getVariable(DeadlineWatch.REMINDER_COUNT);
    values.put("count", String.valueOf(count == null ? 1 : count));
    values.put("overdueNote", task.getDueDate() != null && ClockUtil.getCurrentTime().after(task.getDueDate())
        ? " (đã quá hạn)" : "");
    values.put("unit", unit == null ? "—" : people.groupName(unit));
    if (overdue && unit != null) {
      holders = concat(holders, people.immediateMembersOf(List.of(Groups.leadersOf(unit))));
    }
    for (Person person : holders) {
      Map<String, String> own = new java.util.LinkedHashMap<>(values);
      own.put("recipient", person.name());
      outbox.write(overdue ? Kind.OVERDUE : Kind.REMINDER, List.of(person),
          templates.render(overdue ? Kind.OVERDUE : Kind.REMINDER, own), taskId, facts.businessKey());
    }
  }

  private static List<Person> concat(List<Person> a, List<Person> b) {
    java.util.LinkedHashMap<String, Person> all = new java.util.LinkedHashMap<>();
    a.forEach(p -> all.putIfAbsent(p.id(), p));
    b.forEach(p -> all.putIfAbsent(p.id(), p));
    return List.copyOf(all.values());
  }
}
