-- One row per limiter. Every worker process takes its send slot from here, so a rate limit holds for the
-- whole TCMPP account however many hosts run workers (DESIGN.md, "TCMPP"). The database's clock decides,
-- not each host's.
CREATE TABLE rate_limiter (
  name        text PRIMARY KEY,
  next_slot   timestamptz NOT NULL DEFAULT clock_timestamp(),
  interval_ms integer NOT NULL CHECK (interval_ms > 0),
  updated_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
