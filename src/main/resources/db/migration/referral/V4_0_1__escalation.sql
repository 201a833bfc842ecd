-- Overdue steps escalated by the scheduled job (000_65944b5c5b97f013.txt lines 531, 594–600).
-- The primary key makes "never the same step twice" hold across concurrent runs: a step is one
-- waited-on step of one referral, started at one instant.
CREATE TABLE referral.escalation (
  referral_id     BIGINT      NOT NULL REFERENCES referral.referral (id),
  step            VARCHAR(20) NOT NULL,
  step_started_at TIMESTAMP   NOT NULL,
  due_at          TIMESTAMP   NOT NULL,
  notified        VARCHAR(24) NOT NULL,
  escalated_at    TIMESTAMP   NOT NULL,
  PRIMARY KEY (referral_id, step, step_started_at)
);
CREATE INDEX escalation_at_idx ON referral.escalation (escalated_at);
