package vn.hanoi.gdnn.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateFilterCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.query.NativeQuery;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.hanoi.gdnn.delegation.DelegationRule;
import vn.hanoi.gdnn.organisation.Groups;
import vn.hanoi.gdnn.procedure.FormSubmission;
import vn.hanoi.gdnn.procedure.TaskForm;

/**
 * The engine-side rule that a person can do exactly what the task's form allows, and nothing else. Every surface
 * (the REST API, the webapps' own API, the Java API behind {@code /api/**}) ends in the engine's command executor,
 * so one check here holds for all of them. It looks at the command a signed-in non-administrator starts:
 * <ul>
 *   <li>completing a task (complete, submit-form): only its holder — the assignee, or the assignee's deputy
 *   during an absence ({@link DelegationRule}) — and the variables must be exactly the task's form
 *   ({@link FormSubmission}), otherwise 400 naming the field and nothing is stored;</li>
 *   <li>claiming: only for oneself; giving back one's own task; a unit's leader may hand a task of the unit to
 *   one of the unit's own people (phân công) — the engine records who did it in the operation log;</li>
 *   <li>reading (queries, {@code Get…} commands) and Tasklist's own comments and filters: as the engine's
 *   authorizations allow;</li>
 *   <li>anything else that changes the engine's state — BPMN errors and escalations, resolve and delegate,
 *   assignee/owner/candidate changes, variable writes, process-instance modification, starting, signalling,
 *   correlating, suspending, deleting, job and incident operations: 403.</li>
 * </ul>
 * Commands the application or the engine runs inside a command (listeners, delegates, the plan API's own work),
 * commands of the job executor and of the application itself (no authenticated user) and administrators'
 * commands pass unchanged. See docs/security.md, "Approvals that cannot be forged".
 */
final class WorkGuard extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(WorkGuard.class);

  /** Depth of engine commands on this thread: only the outermost one is a person's request. */
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private static final String ENGINE_PACKAGE = "org.camunda.bpm.engine.impl";

  /** Changes a worker may make beyond the guarded ones: Tasklist's comments and personal filters. */
  private static final Set<Class<?>> ALLOWED_CHANGES = Set.of(AddCommentCmd.class, CreateFilterCmd.class,
      SaveFilterCmd.class, DeleteFilterCmd.class);

  /** Vietnamese names of the refused actions people are most likely to try. */
  private static final Map<String, String> ACTION_NAMES = Map.ofEntries(
      Map.entry("HandleTaskBpmnErrorCmd", "báo lỗi nghiệp vụ (BPMN error) để rẽ nhánh hoặc kết thúc quy trình"),
      Map.entry("HandleTaskEscalationCmd", "chuyển cấp (BPMN escalation) ngoài quy trình"),
      Map.entry("ResolveTaskCmd", "kết thúc công việc được ủy quyền (resolve)"),
      Map.entry("DelegateTaskCmd", "ủy quyền công việc (delegate)"),
      Map.entry("SetTaskOwnerCmd", "đổi người chịu trách nhiệm công việc"),
      Map.entry("AddUserIdentityLinkCmd", "thêm người được giao công việc"),
      Map.entry("AddGroupIdentityLinkCmd", "thêm đơn vị được giao công việc"),
      Map.entry("DeleteUserIdentityLinkCmd", "bỏ người được giao công việc"),
      Map.entry("DeleteGroupIdentityLinkCmd", "bỏ đơn vị được giao công việc"),
      Map.entry("SetTaskVariablesCmd", "ghi dữ liệu vào công việc ngoài biểu mẫu"),
      Map.entry("RemoveTaskVariablesCmd", "xóa dữ liệu của công việc"),
      Map.entry("PatchTaskVariablesCmd", "sửa dữ liệu của công việc ngoài biểu mẫu"),
      Map.entry("SetExecutionVariablesCmd", "ghi dữ liệu của hồ sơ"),
      Map.entry("RemoveExecutionVariablesCmd", "xóa dữ liệu của hồ sơ"),
      Map.entry("PatchExecutionVariablesCmd", "sửa dữ liệu của hồ sơ"),
      Map.entry("ModifyProcessInstanceCmd", "chuyển hồ sơ sang bước khác ngoài quy trình"),
      Map.entry("ProcessInstanceModificationCmd", "chuyển hồ sơ sang bước khác ngoài quy trình"),
      Map.entry("StartProcessInstanceCmd", "khởi tạo quy trình"),
      Map.entry("SubmitStartFormCmd", "khởi tạo quy trình"),
      Map.entry("DeleteProcessInstanceCmd", "xóa hồ sơ"),
      Map.entry("SaveTaskCmd", "sửa thông tin công việc"),
      Map.entry("SetTaskDueDateCmd", "đổi hạn xử lý công việc"),
      Map.entry("SetTaskFollowUpDateCmd", "đổi ngày theo dõi công việc"));

  private final ProcessEngineConfigurationImpl engine;
  private final Supplier<DelegationRule> delegation;
  private final Iterable<SubmissionCheck> stepChecks;
  /** Parsed forms by deployed form definition id: a handful of dozen definitions, each immutable. */
  private final Map<String, TaskForm> forms = new ConcurrentHashMap<>();

  WorkGuard(ProcessEngineConfigurationImpl engine, Supplier<DelegationRule> delegation,
      Iterable<SubmissionCheck> stepChecks) {
    this.engine = engine;
    this.delegation = delegation;
    this.stepChecks = stepChecks;
  }

  @Override
  public <T> T execute(Command<T> command) {
    int[] depth = DEPTH.get();
    depth[0]++;
    try {
      if (depth[0] > 1) {
        return next.execute(command);
      }
      CommandContext context = Context.getCommandContext();
      String user = context.getAuthenticatedUserId();
      List<String> groups = context.getAuthenticatedGroupIds();
      if (user == null || groups != null && groups.contains(Groups.ADMINISTRATORS)) {
        return next.execute(command);
      }
      return guard(command, context, user, groups == null ? List.of() : groups);
    } finally {
      if (--depth[0] == 0) {
        DEPTH.remove();
      }
    }
  }

  private <T> T guard(Command<T> command, CommandContext context, String user, List<String> groups) {
    if (command instanceof ResolveTaskCmd) {
      throw refuse(command, user);
    }
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      String taskId = EngineCommands.taskId(command);
      // read once into the command's entity cache, where the engine's completion finds it again
      TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
      if (task != null) {
        try {
          checkHolder(task, user);
          checkSubmission(context, task, EngineCommands.submittedVariables(command));
        } catch (RuntimeException refusal) {
          // A person who may not work on the task learns nothing of it, neither its name nor its form: the
          // engine's own answer (403) comes first. On the normal path the engine makes this check itself.
          context.getProcessEngineConfiguration().getCommandCheckers().forEach(c -> c.checkTaskWork(task));
          throw refusal;
        }
      }
      return next.execute(command);
    }
    if (command instanceof ClaimTaskCmd || command instanceof AssignTaskCmd) {
      return handOver(command, context, user, groups);
    }
    if (command instanceof SaveUserCmd) {
      User saved = EngineCommands.savedUser(command);
      if (saved != null && user.equals(saved.getId())) {
        return next.execute(command); // one's own profile and password (the password policy applies)
      }
      throw refuse(command, user);
    }
    if (isRead(command) || ALLOWED_CHANGES.contains(command.getClass())) {
      return next.execute(command);
    }
    throw refuse(command, user);
  }

  /**
   * A task assigned to someone is theirs to complete — or their deputy's while they are away (ủy quyền); a task
   * moved to a deputy is the deputy's only while the absence is in force. The rule is {@link DelegationRule}'s.
   */
  private void checkHolder(TaskEntity task, String user) {
    Object marker = task.getVariableLocal(DelegationRule.ON_BEHALF_OF);
    String kind = task.getProcessDefinition() == null ? null : task.getProcessDefinition().getKey();
    delegation.get().refusal(user, task, marker == null ? null : marker.toString(), kind,
        ClockUtil.getCurrentTime().toInstant()).ifPresent(message -> {
          LOG.warn("Refused completing task {} for user '{}': not the holder", task.getId(), user);
          throw new AuthorizationException(message);
        });
  }

  /** The submission must be the task's form (none for a task without one), then the step's own rules hold. */
  private void checkSubmission(CommandContext context, TaskEntity task, Map<String, Object> variables) {
    context.runWithoutAuthorization(() -> {
      TaskForm form = formOf(context, task);
      if (form == null) {
        FormSubmission.requireEmpty(variables, task.getName());
      } else {
        new FormSubmission(form, task.getName(), name -> task.getVariableTyped(name, false)).check(variables);
      }
      stepChecks.forEach(check -> check.check(task));
      return null;
    });
  }

  /**
   * The task's deployed Camunda Form, found as the engine finds it for Tasklist ({@code camunda:formRef} and its
   * binding), parsed once per deployed form definition: a deployed form never changes.
   */
  private TaskForm formOf(CommandContext context, TaskEntity task) {
    TaskDefinition definition = task.getTaskDefinition();
    if (definition == null || definition.getTaskFormHandler() == null) {
      return null;
    }
    TaskFormData data = definition.getTaskFormHandler().createTaskForm(task);
    CamundaFormRef ref = data.getCamundaFormRef();
    if (ref == null || ref.getKey() == null) {
      return null;
    }
    CamundaFormDefinition deployed = new GetCamundaFormDefinitionCmd(ref, data.getDeploymentId()).execute(context);
    if (deployed == null) {
      throw new NotFoundException("No deployed form '" + ref.getKey() + "' for task " + task.getId());
    }
    return forms.computeIfAbsent(deployed.getId(), id -> {
      try (InputStream json = engine.getRepositoryService().getResourceAsStream(deployed.getDeploymentId(),
          deployed.getResourceName())) {
        return TaskForm.parse(json);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read form " + deployed.getResourceName(), e);
      }
    });
  }

  /**
   * Claims and assignments: for oneself; giving back one's own task; or a leader handing a task of the unit to
   * the unit's own people. Workers hold TASK_WORK, not TASK_ASSIGN, so the two allowed hand-overs run without the
   * engine's authorization check; the person stays authenticated, so history records who did it.
   */
  private <T> T handOver(Command<T> command, CommandContext context, String user, List<String> groups) {
    String taskId = EngineCommands.taskId(command);
    String target = EngineCommands.assignee(command);
    Task task = taskId == null ? null : context.runWithoutAuthorization(() ->
        engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      return next.execute(command);
    }
    if (command instanceof ClaimTaskCmd && user.equals(target)) {
      return next.execute(command);
    }
    boolean givingBackOwn = target == null && user.equals(task.getAssignee());
    if (givingBackOwn || leaderHandsOverWithinUnit(context, task, groups, target)) {
      LOG.info("Task {} handed over by {} to {}", taskId, user, target == null ? "the unit's queue" : target);
      return context.runWithoutAuthorization(() -> next.execute(command));
    }
    throw new AuthorizationException(target == null
        ? "Chỉ người đang xử lý hoặc lãnh đạo đơn vị được trả lại công việc \"" + task.getName() + "\"."
        : "Không được giao công việc \"" + task.getName() + "\" cho \"" + target + "\": chỉ được tự nhận việc; "
            + "lãnh đạo đơn vị chỉ được phân công cho cán bộ của đơn vị mình.");
  }

  private boolean leaderHandsOverWithinUnit(CommandContext context, Task task, List<String> groups, String target) {
    return context.runWithoutAuthorization(() -> {
      IdentityService identity = engine.getIdentityService();
      for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
        if (!IdentityLinkType.CANDIDATE.equals(link.getType()) || link.getGroupId() == null) {
          continue;
        }
        String unit = Groups.unitOf(link.getGroupId()).orElse(null);
        if (unit == null || !groups.contains(Groups.leadersOf(unit))) {
          continue;
        }
        if (target == null || identity.createUserQuery().userId(target)
            .memberOfGroup(unit).count() + identity.createUserQuery().userId(target)
            .memberOfGroup(Groups.leadersOf(unit)).count() > 0) {
          return true;
        }
      }
      return false;
    });
  }

  /**
   * Reads: queries and reports (public {@link Query} API), and the engine's {@code Get…}/{@code Is…}/{@code Find…}
   * commands. Commands from outside the engine (the webapps' Cockpit and Admin plugins) are their own read
   * services. Everything else in the engine changes state.
   */
  static boolean isRead(Command<?> command) {
    if (command instanceof Query<?, ?> || command instanceof NativeQuery<?, ?>) {
      return true;
    }
    Class<?> type = command.getClass();
    if (!type.getPackageName().startsWith(ENGINE_PACKAGE)) {
      return true;
    }
    Class<?> outer = type.getEnclosingClass() == null ? type : type.getEnclosingClass();
    if (outer.getSimpleName().endsWith("ReportImpl") || outer.getSimpleName().endsWith("QueryImpl")) {
      return true;
    }
    String name = type.getSimpleName();
    return name.startsWith("Get") || name.startsWith("Is") || name.startsWith("Find") || name.startsWith("Optimize")
        || name.startsWith("ExecuteFilter") || name.endsWith("QueryCmd")
        || name.equals("DetermineHistoryLevelCmd") || name.equals("AuthorizationCheckCmd")
        || name.equals("CheckPassword");
  }

  private static AuthorizationException refuse(Command<?> command, String user) {
    String name = command.getClass().getSimpleName();
    LOG.warn("Refused {} for user '{}': not a modelled step of the process", name, user);
    String action = ACTION_NAMES.getOrDefault(name, "thay đổi hồ sơ ngoài các bước của quy trình");
    return new AuthorizationException("Không được " + action + " (" + name + "): người dùng chỉ được xử lý công "
        + "việc theo biểu mẫu của bước đang được giao.");
  }
}
