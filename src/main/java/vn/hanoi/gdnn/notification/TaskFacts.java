package vn.hanoi.gdnn.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import vn.hanoi.gdnn.GdnnApplication;
import vn.hanoi.gdnn.organisation.Groups;

/**
 * What a mail says about a task: the deliverable's code and title, the step, the due date (dd/MM/yyyy, Hanoi) and
 * the link to the task in Tasklist; and who holds it (assignee, candidate groups).
 */
record TaskFacts(String taskId, String code, String title, String step, String dueDate, String link,
    String assignee, List<String> candidateGroups, String businessKey) {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final ZoneId ZONE = ZoneId.of(GdnnApplication.ZONE);

  /** The variables a notification reads: only these, so a case's other (JSON) variables are not loaded. */
  static final List<String> VARIABLES = List.of("deliverableCode", "deliverableTitle");

  /** {@link #VARIABLES} of a task, read through its scopes. */
  static Map<String, Object> variablesOf(VariableScope task) {
    Map<String, Object> values = new HashMap<>();
    VARIABLES.forEach(name -> values.put(name, task.getVariable(name)));
    return values;
  }

  /** From a task and its variables (deliverableCode, deliverableTitle). */
  static TaskFacts of(Task task, Map<String, Object> variables, List<? extends IdentityLink> links, String businessKey,
      NotificationProperties properties) {
    String code = text(variables.get("deliverableCode"), "—");
    String title = text(variables.get("deliverableTitle"), "");
    List<String> groups = links.stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).distinct().toList();
    return new TaskFacts(task.getId(), code, title, stepOf(task.getName(), code, title), date(task.getDueDate()),
        properties.taskLink(task.getId()), task.getAssignee(), groups, businessKey);
  }

  /** The step's own name: the task is named "[code] title — step" (procedure.TaskNaming). */
  static String stepOf(String name, String code, String title) {
    if (name == null) {
      return "";
    }
    String prefix = "[" + code + "] " + title + " — ";
    return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
  }

  static String date(Date date) {
    return date == null ? "không có hạn" : date.toInstant().atZone(ZONE).format(DATE);
  }

  /** The units whose staff or leaders hold the task as candidates (role groups are not units). */
  List<String> unitGroups() {
    return candidateGroups.stream().filter(g -> Groups.unitOf(g).isPresent()).toList();
  }

  Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("code", code);
    values.put("title", title);
    values.put("step", step);
    values.put("dueDate", dueDate);
    values.put("link", link);
    return values;
  }

  private static String text(Object value, String fallback) {
    return value == null || value.toString().isBlank() ? fallback : value.toString();
  }
}
