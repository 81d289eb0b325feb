package vn.hanoi.gdnn.notification;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.hanoi.gdnn.calendar.WorkingDayCalendar;

/**
 * The daily digest (bean {@code notificationDigest}, process {@code notificationDigest}): on working days of the
 * Vietnamese calendar, at {@code gdnn.notifications.digest-hour}, one mail per person who chose the digest, with
 * their overdue tasks, the tasks due within two working days and the tasks new since the last digest. A person
 * with nothing in any list gets no mail.
 */
@Component("notificationDigest")
public class DailyDigest {

  static final int DUE_SOON_WORKING_DAYS = 2;
  private static final Logger LOG = LoggerFactory.getLogger(DailyDigest.class);

  private final WorkingDayCalendar calendar;
  private final NotificationProperties properties;
  private final Preferences preferences;
  private final Templates templates;
  private final Outbox outbox;
  private final TaskService tasks;
  private final IdentityService identity;

  public DailyDigest(@Qualifier("workingDays") WorkingDayCalendar calendar, NotificationProperties properties,
      Preferences preferences, Templates templates, Outbox outbox, @Lazy TaskService tasks,
      @Lazy IdentityService identity) {
    this.calendar = calendar;
    this.properties = properties;
    this.preferences = preferences;
    this.templates = templates;
    this.outbox = outbox;
    this.tasks = tasks;
    this.identity = identity;
  }

  /** The gateway "Đến giờ gửi thư tổng hợp?": the configured hour of a working day. */
  public boolean due(DelegateExecution execution) {
    ZonedDateTime now = now();
    return now.getHour() == properties.digestHour() && calendar.isWorkingDay(now.toLocalDate());
  }

  /** "Gửi thư tổng hợp công việc". */
  public void send(DelegateExecution execution) {
    ZonedDateTime now = now();
    LocalDate previous = calendar.previousWorkingDay(now.toLocalDate());
    Date since = Date.from(previous.atTime(properties.digestHour(), 0).atZone(calendar.zone()).toInstant());
    Date soon = Date.from(calendar.endOfDay(calendar.plusWorkingDays(now.toLocalDate(), DUE_SOON_WORKING_DAYS))
        .toInstant());
    Date current = Date.from(now.toInstant());
    int sent = 0;
    for (User user : identity.createUserQuery().list()) {
      Person person = People.person(user);
      if (person.email() == null || !preferences.of(person.id()).digest()) {
        continue;
      }
      List<Task> mine = new ArrayList<>(tasks.createTaskQuery().taskAssignee(person.id()).active().list());
      mine.addAll(tasks.createTaskQuery().taskCandidateUser(person.id()).active().list());
      List<Task> overdue = mine.stream().filter(t -> t.getDueDate() != null && t.getDueDate().before(current))
          .toList();
      List<Task> dueSoon = mine.stream().filter(t -> t.getDueDate() != null && !t.getDueDate().before(current)
          && !t.getDueDate().after(soon)).toList();
      List<Task> fresh = mine.stream().filter(t -> t.getCreateTime() != null && !t.getCreateTime().before(since)
          && !overdue.contains(t) && !dueSoon.contains(t)).toList();
      if (overdue.isEmpty() && dueSoon.isEmpty() && fresh.isEmpty()) {
        continue;
      }
      Map<String, String> values = new LinkedHashMap<>();
      values.put("recipient", person.name());
      values.put("date", TaskFacts.date(current));
      values.put("overdueCount", String.valueOf(overdue.size()));
      values.put("dueCount", String.valueOf(dueSoon.size()));
      values.put("newCount", String.valueOf(fresh.size()));
      values.put("overdue", lines(overdue));
      values.put("due", lines(dueSoon));
      values.put("fresh", lines(fresh));
      values.put("link", properties.tasklistLink());
      values.put("preferencesLink", properties.tasklistLink());
      outbox.write(Kind.DIGEST, List.of(person), templates.render(Kind.DIGEST, values), null,
          businessKey(now.toLocalDate()));
      sent++;
    }
    LOG.info("Daily digest of {}: {} mail(s) written", TaskFacts.date(current), sent);
  }

  /** The deliveries of one day's digest are found in Cockpit under this key. */
  public static String businessKey(LocalDate day) {
    return "tong-hop-" + day;
  }

  private String lines(List<Task> list) {
    if (list.isEmpty()) {
      return "(không có)\n";
    }
    StringBuilder text = new StringBuilder();
    for (Task task : list) {
      text.append("- ").append(task.getName()).append(" — hạn ").append(TaskFacts.date(task.getDueDate()))
          .append("\n  ").append(properties.taskLink(task.getId())).append('\n');
    }
    return text.toString();
  }

  private ZonedDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(calendar.zone());
  }
}
