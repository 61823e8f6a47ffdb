-- The transactional outbox (DESIGN.md rule 4): every external effect is a job inserted in the same
-- transaction as the domain change, run later by the job runner with retries.

CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  account_id INTEGER,
  -- Reaches the provider where it supports one (GHN client_order_code, S-Invoice transactionUuid…).
  idempotency_key TEXT NOT NULL UNIQUE,
  -- Jobs with the same coalesce key while queued are one job (e.g. one stock push per listing).
  coalesce_key TEXT,
  payload_json TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0,
  -- Times a runner picked the job up; above 1, an earlier run may have reached the provider before a
  -- crash, so the handler looks the result up by its key before acting again.
  runs INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL DEFAULT 12,
  run_after INTEGER NOT NULL,
  last_error_code TEXT,
  last_error_message TEXT,
  last_error_hint TEXT,
  result_json TEXT,
  subject_type TEXT,
  subject_id INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  finished_at INTEGER
) STRICT;
CREATE INDEX jobs_due ON jobs(status, run_after, id);
CREATE INDEX jobs_subject ON jobs(subject_type, subject_id);
CREATE UNIQUE INDEX jobs_coalesce ON jobs(coalesce_key) WHERE coalesce_key IS NOT NULL AND status = 'queued';

CREATE TABLE connector_accounts (
  id INTEGER PRIMARY KEY,
  provider TEXT NOT NULL CHECK (provider IN ('ghn', 'viettelpost', 'shopee', 'lazada', 'tiktok', 'website', 'sinvoice', 'misa')),
  name TEXT NOT NULL,
  environment TEXT NOT NULL CHECK (environment IN ('production', 'sandbox', 'custom')),
  base_url TEXT NOT NULL DEFAULT '',
  -- Non-secret settings (shop id, user name, sender store…) as JSON; secrets sealed separately.
  settings_json TEXT NOT NULL DEFAULT '{}',
  secrets_sealed TEXT NOT NULL DEFAULT '',
  rate_per_minute INTEGER NOT NULL DEFAULT 120 CHECK (rate_per_minute > 0),
  concurrency INTEGER NOT NULL DEFAULT 2 CHECK (concurrency > 0),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  last_ok_at INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX connector_accounts_provider ON connector_accounts(provider);
