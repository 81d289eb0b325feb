-- Tables of the delegation feature (package vn.hanoi.gdnn.delegation); H2 and PostgreSQL. IF NOT EXISTS:
-- databases that ran the feature before its tables became a migration already have them.
-- absence_delegation: a leader's absence (ủy quyền): from–to (whole days, Hanoi time), the deputy, the scope
-- ('all' or the process keys of the kinds of sign-off delegated). state: planned → active (the absence process's
-- start step) → ended (its end step). Entitlement also checks the dates, so a late job never extends it.
CREATE TABLE IF NOT EXISTS absence_delegation (
  id VARCHAR(64) PRIMARY KEY,
  leader_id VARCHAR(128) NOT NULL,
  deputy_id VARCHAR(128) NOT NULL,
  unit VARCHAR(64) NOT NULL,
  starts_on DATE NOT NULL,
  ends_on DATE NOT NULL,
  scope VARCHAR(1000) NOT NULL,
  reason VARCHAR(1000),
  state VARCHAR(16) NOT NULL,
  recorded_by VARCHAR(128) NOT NULL,
  recorded_at TIMESTAMP NOT NULL
);
CREATE INDEX IF NOT EXISTS absence_delegation_leader ON absence_delegation (leader_id, state);
