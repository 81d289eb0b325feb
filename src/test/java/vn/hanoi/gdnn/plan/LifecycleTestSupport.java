package vn.hanoi.gdnn.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

import vn.hanoi.gdnn.AsyncSteps;
import vn.hanoi.gdnn.ProcessTestEngine;
import vn.hanoi.gdnn.ProcessVersionTags;
import vn.hanoi.gdnn.calendar.WorkingDayCalendar;
import vn.hanoi.gdnn.land.EnforcementTiming;
import vn.hanoi.gdnn.procedure.JsonVariables;
import vn.hanoi.gdnn.procedure.LawMakingChecks;
import vn.hanoi.gdnn.procedure.OrganisationUnitRegistry;
import vn.hanoi.gdnn.procedure.ProcedureStart;
import vn.hanoi.gdnn.procedure.ProcedureCall;
import vn.hanoi.gdnn.procedure.ProcedureCalls;
import vn.hanoi.gdnn.procedure.ProcedureContract;
import vn.hanoi.gdnn.procedure.UbndDeciders;

/**
 * What the lifecycle process tests share: the plan's beans registered as real objects, the shared procedures
 * replaced by stand-ins with one task each (so a test decides their outputs, as the contract defines them), and
 * helpers to start a lifecycle with the variables the launcher gives it and to complete tasks as users do.
 */
final class LifecycleTestSupport {

  static final List<String> PROCEDURES = List.of("consultation", "legalAppraisal", "ubndApproval", "hdndResolution",
      "issuance", "draftSignOff");

  private LifecycleTestSupport() {
  }

  static void registerBeans() {
    PlanProperties properties = new PlanProperties();
    ProcessTestEngine.registerBean("planFormCheck", new PlanFormCheck(PlanTestBeans.units(),
        EnforcementTiming.withDefaults(WorkingDayCalendar.shipped())));
    ProcessTestEngine.registerBean("planDeadlineReached", new PlanDelegates.DeadlineReached());
    ProcessTestEngine.registerBean("planLandRules", new PlanDelegates.LandRules(PlanTestBeans.units()));
    ProcessTestEngine.registerBean("planSchoolScheme", new SchoolScheme(PlanTestBeans.units()));
    ProcessTestEngine.registerBean("planMilestones", new PlanDelegates.Milestones(properties));
    ProcessTestEngine.registerBean("periods", PlanTestBeans.periods());
    ProcessTestEngine.registerBean("procedureStart", new ProcedureStart(PlanTestBeans.periods(),
        new OrganisationUnitRegistry(PlanTestBeans.directory())));
    ProcessTestEngine.registerBean("ubndDeciders", new UbndDeciders());
    // formal views signed by a unit's leader (4.1's price appraisal, 3.1's and 8.2's finance opinion)
    ProcessTestEngine.registerBean("lawMakingChecks", new LawMakingChecks());
    // the procedures' contracts, as Spring builds them from ProcedureCalls
    for (ProcedureContract contract : ProcedureCalls.ALL) {
      ProcessTestEngine.registerBean(ProcedureCalls.beanName(contract.processKey()),
          new ProcedureCall(contract, PlanTestBeans.periods()));
    }
  }

  /**
   * Deploys one-task stand-ins of the shared procedures; returns the deployment id. Each carries the version tag
   * of the procedure in processes/, because the lifecycles call procedures by version tag.
   */
  static String deployProcedureStandIns(ProcessEngine engine) {
    Map<String, String> tags = new HashMap<>();
    PROCEDURES.forEach(key -> tags.put(key, ProcessVersionTags.of(key)));
    return deployProcedureStandIns(engine, tags, true);
  }

  /** Stand-ins of the procedures a previous release called whose version tag has changed since. */
  static String deployReleasedStandIns(ProcessEngine engine, Map<String, String> release) {
    Map<String, String> changed = new HashMap<>(release);
    changed.entrySet().removeIf(e -> e.getValue().equals(ProcessVersionTags.of(e.getKey())));
    return deployProcedureStandIns(engine, changed, false);
  }

  /** The procedures as a released lifecycle calls them: the version tags of that release. */
  static final Map<String, String> RELEASE_1_1_0 = Map.of("consultation", "1.1.0", "legalAppraisal", "1.1.0",
      "ubndApproval", "1.0.0", "hdndResolution", "1.1.0", "issuance", "1.1.0", "draftSignOff", "1.1.0");

  private static String deployProcedureStandIns(ProcessEngine engine, Map<String, String> tags, boolean decisions) {
    var deployment = engine.getRepositoryService().createDeployment().name("procedure-stand-ins");
    for (String key : tags.keySet()) {
      BpmnModelInstance model = Bpmn.createExecutableProcess(key).name("Stand-in " + key)
          .camundaHistoryTimeToLive(1).camundaVersionTag(tags.get(key))
          .startEvent().userTask("Task_StandIn").name("Stand-in").endEvent().done();
      deployment.addModelInstance(key + ".bpmn", model);
    }
    if (decisions) {
      // who decides for the UBND is data the lifecycles read when they call the approval
      deployment.addClasspathResource("processes/ubnd-decider.dmn");
    }
    return deployment.deploy().getId();
  }

  static Map<String, Object> variables(String code, String lead, List<String> coUnits, LocalDate due,
      LocalDate periodStart) {
    Area area = new Area(1, "Nội dung thử nghiệm");
    Deliverable d = new Deliverable(code, area, "Nhiệm vụ thử nghiệm " + code, "Quyết định", "Chủ tịch UBND Thành phố",
        lead, coUnits, DeadlineRule.once("2026"), "x", Map.of(), null, null, null, List.of());
    Occurrence o = new Occurrence(code, null, periodStart, due);
    Map<String, Object> v = new HashMap<>();
    PlanProperties properties = new PlanProperties();
    v.put("deliverableCode", d.code());
    v.put("deliverableTitle", d.title());
    v.put("leadUnit", lead);
    v.put("coUnits", JsonVariables.json(coUnits));
    v.put("deadline", Dates.endOfDay(o.due()));
    v.put("periodStart", Dates.startOfDay(o.periodStart()));
    v.put("product", d.product());
    v.put("signer", d.signer());
    properties.getPeriods().forEach((name, days) -> v.put(name + "Days", days));
    v.putAll(DeliverableProcesses.decisionVariables(d.decision()));
    return v;
  }

  static ProcessInstance start(ProcessEngine engine, String key, String businessKey, String lead) {
    return engine.getRuntimeService().startProcessInstanceByKey(key, businessKey,
        variables(businessKey, lead, List.of("so-tc", "so-nv"), LocalDate.of(2026, 12, 31), LocalDate.of(2025, 4, 25)));
  }

  /** Runs the asynchronous steps waiting in the business key's instances (procedure calls), as the job executor would. */
  static void runAsyncContinuations(ProcessEngine engine, String businessKey) {
    AsyncSteps.run(engine, businessKey);
  }

  /** The one open task of the business key's instances with this definition key, checked. */
  static Task task(ProcessEngine engine, String businessKey, String taskKey) {
    runAsyncContinuations(engine, businessKey);
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey).list();
    assertThat(tasks).as("open %s of %s", taskKey, businessKey).hasSize(1);
    return tasks.get(0);
  }

  static void complete(ProcessEngine engine, String businessKey, String taskKey, Object... keyValues) {
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      vars.put((String) keyValues[i], keyValues[i + 1]);
    }
    engine.getTaskService().complete(task(engine, businessKey, taskKey).getId(), vars);
  }

  /** Completes the stand-in of procedure {@code key} (called with this business key) with its outputs. */
  static void procedure(ProcessEngine engine, String businessKey, String key, Object... outputs) {
    runAsyncContinuations(engine, businessKey);
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKey(key).list();
    assertThat(tasks).as("procedure %s running for %s", key, businessKey).hasSize(1);
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < outputs.length; i += 2) {
      vars.put((String) outputs[i], outputs[i + 1]);
    }
    engine.getTaskService().complete(tasks.get(0).getId(), vars);
  }

  static void approve(ProcessEngine engine, String businessKey) {
    procedure(engine, businessKey, "ubndApproval", "approvalOutcome", "approved", "approvalRounds", 1,
        "approvalReasons", "");
  }

  static void reject(ProcessEngine engine, String businessKey) {
    procedure(engine, businessKey, "ubndApproval", "approvalOutcome", "rejected", "approvalRounds", 1,
        "approvalReasons", "Chưa phù hợp với quy hoạch mạng lưới.");
  }

  static void consult(ProcessEngine engine, String businessKey) {
    procedure(engine, businessKey, "consultation", "consultationReplies", "[]");
  }

  static void issue(ProcessEngine engine, String businessKey) {
    procedure(engine, businessKey, "issuance", "documentNumber", "123/QĐ-UBND", "issuedOn", "15/12/2025",
        "signer", "Phó Chủ tịch UBND Thành phố", "documentLink", "");
  }

  /** Runs the due timer of this activity (the job executor's work), once. */
  static void fireTimer(ProcessEngine engine, String businessKey, String activityId) {
    List<Job> jobs = new ArrayList<>();
    for (ProcessInstance p : engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).list()) {
      jobs.addAll(engine.getManagementService().createJobQuery().processInstanceId(p.getId()).timers()
          .activityId(activityId).list());
    }
    assertThat(jobs).as("timer %s of %s", activityId, businessKey).hasSize(1);
    engine.getManagementService().executeJob(jobs.get(0).getId());
  }
}
