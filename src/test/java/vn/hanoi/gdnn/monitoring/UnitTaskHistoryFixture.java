package vn.hanoi.gdnn.monitoring;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * Real engine history for the units' figures: one-task processes routed to a unit with a due date, started and
 * completed on a set clock (the caller resets it). Shared by the tests that read the figures through the API, the
 * Cockpit dashboard and Tasklist's page for leaders, each in a unit and period of its own.
 */
public final class UnitTaskHistoryFixture {

  public static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

  private final ProcessEngine engine;
  private final String process;

  /** Deploys (once) the one-task process {@code process}: a user task for {@code ${taskUnit}}, due {@code ${taskDue}}. */
  public UnitTaskHistoryFixture(ProcessEngine engine, String process) {
    this.engine = engine;
    this.process = process;
    engine.getRepositoryService().createDeployment().name(process).enableDuplicateFiltering(true)
        .addModelInstance(process + ".bpmn", Bpmn.createExecutableProcess(process).name("Việc kiểm thử")
            .camundaHistoryTimeToLive(3650).startEvent()
            .userTask("Task_Work").name("Xử lý việc được giao").camundaCandidateGroups("${taskUnit}")
            .camundaDueDate("${taskDue}").endEvent().done())
        .deploy();
  }

  public String process() {
    return process;
  }

  /** Starts a deliverable {@code code} led by {@code leadUnit} with one task for {@code taskUnit}; its task id. */
  public String start(String code, String leadUnit, String taskUnit, Date created, Date due) {
    ClockUtil.setCurrentTime(created);
    String instance = engine.getRuntimeService().startProcessInstanceByKey(process, code, Variables
        .createVariables().putValue("leadUnit", leadUnit).putValue("taskUnit", taskUnit).putValue("taskDue", due))
        .getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  public void complete(String taskId, Date when) {
    ClockUtil.setCurrentTime(when);
    engine.getTaskService().complete(taskId);
  }

  public static Date at(int year, int month, int day, int hour) {
    return Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(HANOI).toInstant());
  }

  /** Due at the end of office hours, as working-day deadlines are. */
  public static Date due(int year, int month, int day) {
    return Date.from(LocalDateTime.of(year, month, day, 17, 0).atZone(HANOI).toInstant());
  }
}
