-- Tables of the document feature (package vn.hanoi.gdnn.document); H2 and PostgreSQL (IF NOT EXISTS: databases
-- that ran the feature before it became a migration). Rows are only ever inserted: a new version is a new row.
-- document_file: what is known about a file (who, when, at which step, what it is, its signature check).
CREATE TABLE IF NOT EXISTS document_file (
  id VARCHAR(36) PRIMARY KEY,
  root_process_instance_id VARCHAR(64) NOT NULL,
  deliverable_code VARCHAR(64),
  business_key VARCHAR(255),
  process_instance_id VARCHAR(64) NOT NULL,
  task_id VARCHAR(64) NOT NULL,
  step_key VARCHAR(255) NOT NULL,
  step_name VARCHAR(1000) NOT NULL,
  kind VARCHAR(32) NOT NULL,
  version INT NOT NULL,
  name VARCHAR(255) NOT NULL,
  media_type VARCHAR(128) NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 CHAR(64) NOT NULL,
  uploaded_by VARCHAR(128) NOT NULL,
  uploaded_at TIMESTAMP NOT NULL,
  signature_status VARCHAR(16),
  signature_signer VARCHAR(1000),
  signature_organisation VARCHAR(1000),
  signature_signed_at TIMESTAMP,
  signature_revocation VARCHAR(16),
  signature_detail VARCHAR(2000),
  CONSTRAINT document_file_version UNIQUE (root_process_instance_id, kind, version)
);
CREATE INDEX IF NOT EXISTS document_file_code ON document_file (deliverable_code);
CREATE INDEX IF NOT EXISTS document_file_task ON document_file (task_id);
-- document_content: the bytes, apart so that listing documents never reads them.
CREATE TABLE IF NOT EXISTS document_content (
  document_id VARCHAR(36) PRIMARY KEY REFERENCES document_file (id),
  content BYTEA NOT NULL
);
