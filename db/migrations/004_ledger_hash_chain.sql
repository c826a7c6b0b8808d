-- The ledger's hash chain. approval_decisions is rewritten in place (pending, then finished), so the chain is
-- over writes: every write that changes a row appends the row as written to ledger_journal, with the hash of
-- its content and of the entry before it. `release-gate audit verify` recomputes the chain and compares every
-- row with its latest entry, so an edited or deleted row, or an edited, deleted or reordered entry, shows.
-- Writers serialize on the single ledger_chain_head row (SELECT ... FOR UPDATE), in the same transaction as the
-- row's upsert, so the chain stays linear with any number of worker processes.
CREATE TABLE ledger_journal (
  seq          bigint PRIMARY KEY CHECK (seq > 0),
  platform_id  text NOT NULL,
  approval_no  text NOT NULL,
  -- The approval_decisions row as written (every column but updated_at), timestamps as ISO 8601 strings.
  content      jsonb NOT NULL,
  -- sha256 of content's canonical JSON (sorted keys, no whitespace).
  content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  prev_hash    text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  -- sha256 of "seq, prev_hash, platform_id, approval_no, content_hash", one per line.
  entry_hash   text NOT NULL CHECK (entry_hash ~ '^[0-9a-f]{64}$'),
  written_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ledger_journal_by_row ON ledger_journal (platform_id, approval_no, seq DESC);

-- The newest entry: its hash is what an operator can anchor elsewhere; deleting entries at the tail shows as a
-- head that points past the journal's end. started_at tells rows written before the chain existed.
CREATE TABLE ledger_chain_head (
  id         boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq        bigint NOT NULL DEFAULT 0,
  entry_hash text NOT NULL DEFAULT repeat('0', 64),
  started_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO ledger_chain_head DEFAULT VALUES;

CREATE FUNCTION ledger_journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_journal is append-only: ledger rows are changed by writing them again';
END;
$$;

CREATE TRIGGER ledger_journal_append_only BEFORE UPDATE OR DELETE ON ledger_journal
  FOR EACH ROW EXECUTE FUNCTION ledger_journal_append_only();
CREATE TRIGGER ledger_journal_no_truncate BEFORE TRUNCATE ON ledger_journal
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_journal_append_only();
