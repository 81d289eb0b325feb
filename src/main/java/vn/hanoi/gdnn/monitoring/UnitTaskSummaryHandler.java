package vn.hanoi.gdnn.monitoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Keeps {@code gdnn_unit_task} (Flyway V7) in step with the engine's history, one row per (user task, unit it is
 * routed to), so that a period's units' figures are one scan of a narrow table instead of a join of every open
 * task with its candidate links. Composed with Camunda's own database handler (which still writes the full
 * history): it sees the same events, in the same command, and writes through the command's own connection, so the
 * summary commits or rolls back with the history it mirrors.
 *
 * <p>What it follows, so that the rows select the same tasks as the history itself would (a candidate group counts
 * unless it was taken off before the task ended; the backfill in V7 is that selection in SQL):
 * <ul>
 * <li>a candidate group added to a task ({@code <unit>} or {@code <unit>-lanh-dao}): the unit's row, created with
 * the task's times and the unit's role in the deliverable, or its flag set again;
 * <li>a candidate group taken off while the task runs: the flag cleared (Camunda sends no link events when a task
 * ends, so a link removed after the end, which the history does not count as removed, never reaches here);
 * <li>the task created, its due date changed, completed or deleted: its times on all its rows;
 * <li>{@code leadUnit} set on a root process instance (a deliverable handed to another unit): the role of every
 * row of that deliverable. A deleted variable keeps its last value in history, so deletion changes nothing here.
 * </ul>
 */
public class UnitTaskSummaryHandler implements HistoryEventHandler {

  static final String LEAD_UNIT = "leadUnit";
  static final String LEADERS_SUFFIX = "-lanh-dao";

  private static final String SET_FLAG = "UPDATE gdnn_unit_task SET %s = 1 WHERE task_id_ = ? AND unit_ = ?";
  private static final String CLEAR_FLAG = "UPDATE gdnn_unit_task SET %s = 0 WHERE task_id_ = ? AND unit_ = ?"
      + " AND end_ IS NULL";
  // The start of a row added after the task's first one is the one already recorded for that task (it came from
  // the task's history event); only a task without any earlier row falls back to the task's creation time.
  private static final String INSERT = "INSERT INTO gdnn_unit_task (task_id_, unit_, via_unit_, via_leaders_,"
      + " root_id_, lead_, start_, due_, end_, completed_) VALUES (?, ?, ?, ?, ?, ?,"
      + " COALESCE((SELECT MIN(s.start_) FROM gdnn_unit_task s WHERE s.task_id_ = ?), ?), ?, NULL, 0)";
  private static final String STARTED = "UPDATE gdnn_unit_task SET start_ = ?, due_ = ? WHERE task_id_ = ?";
  private static final String DUE = "UPDATE gdnn_unit_task SET due_ = ? WHERE task_id_ = ?";
  private static final String ENDED = "UPDATE gdnn_unit_task SET due_ = ?, end_ = ?, completed_ = ?"
      + " WHERE task_id_ = ?";
  private static final String LEAD = "UPDATE gdnn_unit_task SET lead_ = CASE WHEN unit_ = ? THEN 1 ELSE 0 END"
      + " WHERE root_id_ = ?";

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricIdentityLinkLogEventEntity link) {
      link(link);
    } else if (event instanceof HistoricTaskInstanceEventEntity task) {
      task(task);
    } else if (event instanceof HistoricVariableUpdateEventEntity variable) {
      variable(variable);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  /** The unit a candidate group answers for: the group itself, or the unit whose leaders it is. */
  static String unitOf(String group) {
    return group.replace(LEADERS_SUFFIX, "");
  }

  private void link(HistoricIdentityLinkLogEventEntity link) {
    if (!IdentityLinkType.CANDIDATE.equals(link.getType()) || link.getGroupId() == null
        || link.getTaskId() == null) {
      return;
    }
    String unit = unitOf(link.getGroupId());
    String flag = link.getGroupId().equals(unit) ? "via_unit_" : "via_leaders_";
    if (link.isEventOfType(HistoryEventTypes.IDENTITY_LINK_DELETE)) {
      update(String.format(CLEAR_FLAG, flag), link.getTaskId(), unit);
    } else if (link.isEventOfType(HistoryEventTypes.IDENTITY_LINK_ADD)
        && update(String.format(SET_FLAG, flag), link.getTaskId(), unit) == 0) {
      CommandContext context = Context.getCommandContext();
      // The task is in the command's cache: Camunda inserts it before it adds its candidate groups.
      TaskEntity task = context.getTaskManager().findTaskById(link.getTaskId());
      Date created = task != null && task.getCreateTime() != null ? task.getCreateTime() : link.getTime();
      String root = link.getRootProcessInstanceId();
      update(INSERT, link.getTaskId(), unit, flag.equals("via_unit_") ? 1 : 0, flag.equals("via_unit_") ? 0 : 1,
          root, unit.equals(leadUnitOf(context, root)) ? 1 : 0, link.getTaskId(), timestamp(created),
          task == null ? null : timestamp(task.getDueDate()));
    }
  }

  private void task(HistoricTaskInstanceEventEntity task) {
    if (task.isEventOfType(HistoryEventTypes.TASK_INSTANCE_CREATE)) {
      update(STARTED, timestamp(task.getStartTime()), timestamp(task.getDueDate()), task.getTaskId());
    } else if (task.isEventOfType(HistoryEventTypes.TASK_INSTANCE_UPDATE)
        || task.isEventOfType(HistoryEventTypes.TASK_INSTANCE_MIGRATE)) {
      update(DUE, timestamp(task.getDueDate()), task.getTaskId());
    } else if (task.isEventOfType(HistoryEventTypes.TASK_INSTANCE_COMPLETE)
        || task.isEventOfType(HistoryEventTypes.TASK_INSTANCE_DELETE)) {
      update(ENDED, timestamp(task.getDueDate()), timestamp(task.getEndTime()),
          TaskEntity.DELETE_REASON_COMPLETED.equals(task.getDeleteReason()) ? 1 : 0, task.getTaskId());
    }
  }

  private void variable(HistoricVariableUpdateEventEntity variable) {
    boolean rootScope = variable.getProcessInstanceId() != null
        && variable.getProcessInstanceId().equals(variable.getExecutionId());
    if (rootScope && LEAD_UNIT.equals(variable.getVariableName())
        && (variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
            || variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE))) {
      // Rows exist only for root instances, so a leadUnit of a called process updates nothing, as in history.
      update(LEAD, variable.getTextValue(), variable.getProcessInstanceId());
    }
  }

  private static String leadUnitOf(CommandContext context, String root) {
    if (root == null) {
      return null;
    }
    ExecutionEntity instance = context.getExecutionManager().findExecutionById(root);
    Object lead = instance == null ? null : instance.getVariableLocal(LEAD_UNIT);
    return lead instanceof String s ? s : null;
  }

  private static Timestamp timestamp(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }

  private static int update(String sql, Object... values) {
    Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new ProcessEngineException("Cannot keep the units' task summary (gdnn_unit_task): " + e.getMessage(), e);
    }
  }
}
