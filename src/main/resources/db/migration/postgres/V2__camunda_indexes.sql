-- PostgreSQL only: indexes on Camunda's tables for this project's queries, as system.PostgresIndexes added them
-- at every start before Flyway (IF NOT EXISTS: databases of that release have them already). Why each exists,
-- with the plans measured before and after: docs/performance.md, "Indexes". Names start with gdnn_ so they never
-- clash with Camunda's. Runs after Camunda has created its tables (system.SchemaMigrations).
-- A unit's inbox (candidate group, ordered by due date) and the Tasklist filters of the monitoring package:
-- find the unit's candidate links first, then their tasks.
CREATE INDEX IF NOT EXISTS gdnn_idx_ident_lnk_group_task ON act_ru_identitylink (group_id_, type_, task_id_);
CREATE INDEX IF NOT EXISTS gdnn_idx_task_due_date ON act_ru_task (due_date_);

-- The deadline watch of every task ends by a message correlated on its process variable taskId: without this
-- the lookup reads every watch's variables. A hash index, because TEXT_ can be longer than a b-tree entry.
CREATE INDEX IF NOT EXISTS gdnn_idx_ru_var_text ON act_ru_variable USING hash (text_);

-- Job acquisition (ensureJobDueDateNotNull + jobExecutorAcquireByDueDate in application-postgres.yaml):
-- due jobs are found by due date instead of reading every waiting timer of the city.
CREATE INDEX IF NOT EXISTS gdnn_idx_job_due_date ON act_ru_job (duedate_);

-- Job acquisition skips jobs of a process instance that already has a locked exclusive job. With thousands of
-- jobs due PostgreSQL checks that by hashing the locked jobs first, which without this (small, partial) index
-- means reading the whole job table in every acquisition cycle.
CREATE INDEX IF NOT EXISTS gdnn_idx_job_locked ON act_ru_job (process_instance_id_) WHERE lock_owner_ IS NOT NULL;

-- Camunda reads the distinct group ids of all authorizations in every authenticated command; with this index
-- the PostgreSQL form of that statement (gdnn-statements.xml, PostgresStatements) visits each group once.
CREATE INDEX IF NOT EXISTS gdnn_idx_auth_group ON act_ru_authorization (group_id_);

-- Completing a task looks for its subtasks (ACT_RU_TASK.PARENT_TASK_ID_), which Camunda does not index: without
-- this every completion reads the whole task table.
CREATE INDEX IF NOT EXISTS gdnn_idx_task_parent ON act_ru_task (parent_task_id_);
