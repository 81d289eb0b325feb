package vn.hanoi.gdnn.notification;

/** What a notification is about; each kind has its Vietnamese template {@code notification/mail/<file>.txt}. */
public enum Kind {
  /** A task for one person (created for them, or handed to them by someone else). */
  TASK_FOR_PERSON("task-person"),
  /** A task for a unit: one mail to the unit's members together. */
  TASK_FOR_UNIT("task-unit"),
  REMINDER("reminder"),
  OVERDUE("overdue"),
  ESCALATION("escalation"),
  /** A decision on something the person worked on: approved, returned with reasons, rejected. */
  DECISION("decision"),
  /** A leader's work handed to the deputy during an absence (ủy quyền). */
  DELEGATION("delegation"),
  DIGEST("digest");

  private final String template;

  Kind(String template) {
    this.template = template;
  }

  public String template() {
    return template;
  }
}
