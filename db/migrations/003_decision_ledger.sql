-- The decision ledger: one row per approval, written by the approval workflow's activities. It starts as
-- 'pending' when a decision escalates and ends as 'decided' (submitted to TCMPP), 'conflict' (someone decided it
-- differently in the TCMPP console) or 'failed' (TCMPP refused it with a non-retryable error).
CREATE TABLE approval_decisions (
  platform_id        text NOT NULL,
  approval_no        text NOT NULL,
  application_ids    text[] NOT NULL,
  mini_program_id    text,
  mini_program_name  text,
  version            text,
  applicant          text,
  state              text NOT NULL CHECK (state IN ('pending', 'decided', 'conflict', 'failed')),
  -- What the policy said, and what was finally sent (null while pending).
  policy_outcome     text NOT NULL CHECK (policy_outcome IN ('approve', 'reject', 'escalate')),
  outcome            text CHECK (outcome IN ('approve', 'reject')),
  source             text CHECK (source IN ('rule', 'default', 'fail-safe', 'reviewer', 'deadline', 'conflict')),
  decided_by         text,
  note               text,
  fired_rules        jsonb NOT NULL DEFAULT '[]',
  explanation        jsonb NOT NULL DEFAULT '[]',
  reasons            jsonb NOT NULL DEFAULT '[]',
  escalation         jsonb,
  reviewer_decisions jsonb NOT NULL DEFAULT '[]',
  policy_name        text NOT NULL,
  policy_version     integer,
  policy_hash        text NOT NULL,
  facts              jsonb NOT NULL,
  workflow_id        text NOT NULL,
  run_id             text NOT NULL,
  tcmpp_request_id   text,
  tcmpp_error_code   text,
  tcmpp_error        text,
  conflict           jsonb,
  attempts           integer NOT NULL DEFAULT 0,
  created_at         timestamptz NOT NULL DEFAULT now(),
  escalated_at       timestamptz,
  decided_at         timestamptz,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (platform_id, approval_no)
);

CREATE INDEX approval_decisions_state ON approval_decisions (state) WHERE state = 'pending';
CREATE INDEX approval_decisions_decided_at ON approval_decisions (decided_at);
CREATE INDEX approval_decisions_mini_program ON approval_decisions (mini_program_id, updated_at);
CREATE INDEX approval_decisions_applicant ON approval_decisions (applicant, updated_at);
CREATE INDEX approval_decisions_platform ON approval_decisions (platform_id, updated_at);
