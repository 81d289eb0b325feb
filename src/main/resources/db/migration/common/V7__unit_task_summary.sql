-- Issue 20: the units' monthly figures are read from this summary instead of joining every task of the period with
-- its candidate links in Camunda's history (ACT_HI_TASKINST x ACT_HI_IDENTITYLINK x ACT_HI_VARINST), which took
-- seconds with 100,000 open tasks (docs/performance.md, "Units' figures"). One row per (user task, unit) the task
-- was routed to as a candidate group (the unit's own group and/or its leaders' group "<unit>-lanh-dao"), kept by
-- monitoring.UnitTaskSummaryHandler from the engine's history events in the same transaction as the history.
-- via_unit_/via_leaders_: which of the unit's two groups is a candidate now (1) or was taken off while the task
-- ran (0); a row with both 0 does not count. lead_: the unit is the leadUnit of the task's root process instance.
-- start_/due_/end_/completed_: the task's, as in ACT_HI_TASKINST (completed_ = ended by completion).
-- H2 and PostgreSQL.
CREATE TABLE IF NOT EXISTS gdnn_unit_task (
  task_id_ VARCHAR(64) NOT NULL,
  unit_ VARCHAR(255) NOT NULL,
  via_unit_ SMALLINT NOT NULL,
  via_leaders_ SMALLINT NOT NULL,
  root_id_ VARCHAR(64),
  lead_ SMALLINT NOT NULL,
  start_ TIMESTAMP NOT NULL,
  due_ TIMESTAMP,
  end_ TIMESTAMP,
  completed_ SMALLINT NOT NULL,
  CONSTRAINT gdnn_unit_task_pk PRIMARY KEY (task_id_, unit_)
);
-- A period reads the tasks open at its cut or ended in it: open rows and an end-time range.
CREATE INDEX IF NOT EXISTS gdnn_unit_task_end ON gdnn_unit_task (end_);
-- One unit's figures.
CREATE INDEX IF NOT EXISTS gdnn_unit_task_unit_end ON gdnn_unit_task (unit_, end_);
-- A deliverable moved to another lead unit changes the role of all its tasks' rows.
CREATE INDEX IF NOT EXISTS gdnn_unit_task_root ON gdnn_unit_task (root_id_);

-- Backfill from history for databases that ran before this summary: the same selection the figures were computed
-- with (a candidate group counts unless it was taken off the task before the task ended). Flyway runs it once,
-- under its lock, before the engine's job executor and the web endpoints start on this node.
INSERT INTO gdnn_unit_task (task_id_, unit_, via_unit_, via_leaders_, root_id_, lead_, start_, due_, end_,
    completed_)
SELECT x.task_id_, x.unit_, MAX(x.via_unit_), MAX(x.via_leaders_), x.root_id_, 0, x.start_, x.due_, x.end_,
    x.completed_
FROM (
  SELECT t.ID_ AS task_id_, REPLACE(l.GROUP_ID_, '-lanh-dao', '') AS unit_,
      CASE WHEN l.GROUP_ID_ = REPLACE(l.GROUP_ID_, '-lanh-dao', '') THEN 1 ELSE 0 END AS via_unit_,
      CASE WHEN l.GROUP_ID_ = REPLACE(l.GROUP_ID_, '-lanh-dao', '') THEN 0 ELSE 1 END AS via_leaders_,
      t.ROOT_PROC_INST_ID_ AS root_id_, t.START_TIME_ AS start_, t.DUE_DATE_ AS due_, t.END_TIME_ AS end_,
      CASE WHEN t.DELETE_REASON_ = 'completed' THEN 1 ELSE 0 END AS completed_
  FROM ACT_HI_TASKINST t JOIN ACT_HI_IDENTITYLINK l ON l.TASK_ID_ = t.ID_
  WHERE l.TYPE_ = 'candidate' AND l.GROUP_ID_ IS NOT NULL AND l.OPERATION_TYPE_ = 'add'
    AND NOT EXISTS (SELECT 1 FROM ACT_HI_IDENTITYLINK d WHERE d.TASK_ID_ = l.TASK_ID_
      AND d.GROUP_ID_ = l.GROUP_ID_ AND d.TYPE_ = 'candidate' AND d.OPERATION_TYPE_ = 'delete'
      AND d.TIMESTAMP_ >= l.TIMESTAMP_ AND (t.END_TIME_ IS NULL OR d.TIMESTAMP_ < t.END_TIME_))
) x
GROUP BY x.task_id_, x.unit_, x.root_id_, x.start_, x.due_, x.end_, x.completed_;
UPDATE gdnn_unit_task SET lead_ = 1 WHERE EXISTS (SELECT 1 FROM ACT_HI_VARINST lv
  WHERE lv.PROC_INST_ID_ = gdnn_unit_task.root_id_ AND lv.NAME_ = 'leadUnit'
    AND lv.EXECUTION_ID_ = lv.PROC_INST_ID_ AND lv.TEXT_ = gdnn_unit_task.unit_);
