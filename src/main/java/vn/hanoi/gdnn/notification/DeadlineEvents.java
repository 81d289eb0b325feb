package vn.hanoi.gdnn.notification;

import java.util.List;
import java.util.Map;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.calendar.DeadlineObserver;
import vn.hanoi.gdnn.organisation.Groups;

/**
 * Notifications of the deadline policy's steps (calendar package, docs/working-days.md), written when a step runs,
 * in its transaction: a reminder ("Nhắc việc", "Nhắc việc quá hạn") and the overdue mark go to whoever holds the
 * task — its assignee, else the members of its units; the overdue mark also to the unit's leaders.
 */
@Component
public class DeadlineEvents implements DeadlineObserver {

  private final Outbox outbox;
  private final People people;
  private final Templates templates;
  private final NotificationProperties properties;

  public DeadlineEvents(Outbox outbox, People people, Templates templates, NotificationProperties properties) {
    this.outbox = outbox;
    this.people = people;
    this.templates = templates;
    this.properties = properties;
  }

  @Override
  public void reminded(DelegateTask task, int count) {
    stepDone(task, false, count);
  }

  @Override
  public void markedOverdue(DelegateTask task) {
    stepDone(task, true, 1);
  }

  private void stepDone(DelegateTask task, boolean overdue, int count) {
    if (!outbox.isOn()) {
      return; // nothing is sent: no recipients, facts or templates to compute
    }
    TaskFacts facts = TaskFacts.of((Task) task, TaskFacts.variablesOf(task), new ArrayList<>(task.getCandidates()),
        task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(), properties);
    List<Person> holders = facts.assignee() != null ? people.immediate(List.of(facts.assignee()))
        : people.immediateMembersOf(facts.unitGroups());
    String unit = facts.unitGroups().stream().map(Groups::unitCodeOf).findFirst().orElse(null);
    Map<String, String> values = facts.values();
    values.put("count", String.valueOf(count));
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
          templates.render(overdue ? Kind.OVERDUE : Kind.REMINDER, own), task.getId(), facts.businessKey());
    }
  }

  private static List<Person> concat(List<Person> a, List<Person> b) {
    java.util.LinkedHashMap<String, Person> all = new java.util.LinkedHashMap<>();
    a.forEach(p -> all.putIfAbsent(p.id(), p));
    b.forEach(p -> all.putIfAbsent(p.id(), p));
    return List.copyOf(all.values());
  }
}
