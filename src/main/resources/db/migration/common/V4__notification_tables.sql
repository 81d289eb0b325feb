-- Tables of the notification feature (package vn.hanoi.gdnn.notification); H2 and PostgreSQL. IF NOT EXISTS:
-- databases that ran the feature before its tables became a migration already have them.
-- notification_outbox: one row per e-mail to send, written in the same transaction as the event that causes it
-- (a task created, a reminder, a decision...). The row is the mail exactly as it will be sent, so a retry sends
-- the same text. sent_at is set in the transaction that sends it: a row is recorded as sent once.
CREATE TABLE IF NOT EXISTS notification_outbox (
  id VARCHAR(64) PRIMARY KEY,
  kind VARCHAR(32) NOT NULL,
  recipients TEXT NOT NULL,
  user_ids TEXT NOT NULL,
  subject VARCHAR(400) NOT NULL,
  body TEXT NOT NULL,
  task_id VARCHAR(64),
  business_key VARCHAR(255),
  created_at TIMESTAMP NOT NULL,
  sent_at TIMESTAMP
);
CREATE INDEX IF NOT EXISTS notification_outbox_created ON notification_outbox (created_at);
-- notification_preference: how a person wants to hear of their work (immediate mails, the daily digest or both).
-- No row = both.
CREATE TABLE IF NOT EXISTS notification_preference (
  user_id VARCHAR(128) PRIMARY KEY,
  immediate BOOLEAN NOT NULL,
  digest BOOLEAN NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
