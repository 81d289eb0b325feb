package vn.hanoi.gdnn.calendar;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationType;
import org.camunda.bpm.engine.impl.jobexecutor.TimerEventJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;

/**
 * The deadline's timer jobs of one user task: Camunda's own timeout-task-listener timers
 * ({@link TimerTaskListenerJobHandler}) on the task's execution, created here with the date the policy computed
 * instead of at activity start, so a task needs no scope execution of its own (a scope would change the execution
 * tree of every running case) and the timers can follow a changed due date. A task has at most one such timer:
 * the next step.
 */
public final class TaskTimers {

  private TaskTimers() {
  }

  /** Schedules {@code step} of the task at {@code at}, in the current command's transaction. */
  public static TimerEntity schedule(TaskEntity task, DeadlineStep step, Date at) {
    ExecutionEntity execution = task.getExecution();
    TimerDeclarationImpl declaration = new TimerDeclarationImpl(new FixedDate(at), TimerDeclarationType.DATE,
        TimerTaskListenerJobHandler.TYPE);
    declaration.setRawJobHandlerConfiguration(configuration(task, step));
    TimerEntity timer = declaration.createTimer(execution);
    // no job definition (the timer is not in the BPMN): the job names its process itself, for job queries by key
    ProcessDefinitionEntity definition = execution.getProcessDefinition();
    timer.setProcessDefinitionId(definition.getId());
    timer.setProcessDefinitionKey(definition.getKey());
    timer.setDeploymentId(definition.getDeploymentId());
    timer.setActivityId(task.getTaskDefinitionKey());
    return timer;
  }

  /** The task's waiting deadline timers (normally one). */
  public static List<JobEntity> of(TaskEntity task) {
    ExecutionEntity execution = task.getExecution();
    if (execution == null) {
      return List.of();
    }
    String prefix = task.getTaskDefinitionKey() + TimerEventJobHandler.JOB_HANDLER_CONFIG_PROPERTY_DELIMITER
        + TimerEventJobHandler.JOB_HANDLER_CONFIG_TASK_LISTENER_PREFIX + DeadlineStep.LISTENER_PREFIX;
    List<JobEntity> timers = new ArrayList<>();
    for (JobEntity job : execution.getJobs()) {
      if (TimerTaskListenerJobHandler.TYPE.equals(job.getJobHandlerType())
          && job.getJobHandlerConfigurationRaw() != null && job.getJobHandlerConfigurationRaw().startsWith(prefix)) {
        timers.add(job);
      }
    }
    return timers;
  }

  /** Deletes the task's deadline timers (completion, deletion, a new due date), in the current transaction. */
  public static void cancel(TaskEntity task) {
    for (JobEntity timer : of(task)) {
      timer.delete();
    }
  }

  static String configuration(TaskEntity task, DeadlineStep step) {
    return task.getTaskDefinitionKey() + TimerEventJobHandler.JOB_HANDLER_CONFIG_PROPERTY_DELIMITER
        + TimerEventJobHandler.JOB_HANDLER_CONFIG_TASK_LISTENER_PREFIX + step.listenerId();
  }

  /** The due date of a timer computed by the policy: Camunda's timer declaration takes an expression. */
  private record FixedDate(Date date) implements Expression {

    @Override
    public Object getValue(VariableScope variableScope) {
      return date;
    }

    @Override
    public void setValue(Object value, VariableScope variableScope) {
      throw new UnsupportedOperationException("a computed timer date is read-only");
    }

    @Override
    public String getExpressionText() {
      return date.toInstant().toString();
    }

    @Override
    public boolean isLiteralText() {
      return true;
    }
  }
}
