-- The policy store: every published policy is an immutable version, and an append-only log records which
-- version was activated when and by whom. The active policy is the latest activation, so "what decided this
-- approval" and "who switched policies" can both be answered afterwards.
CREATE TABLE policy_versions (
  version      integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name         text NOT NULL,
  -- sha256 of the document's canonical JSON (sorted keys, no whitespace): the same content is one version.
  content_hash text NOT NULL UNIQUE CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  document     jsonb NOT NULL,
  author       text NOT NULL CHECK (author <> ''),
  note         text,
  published_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE policy_activations (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version      integer NOT NULL REFERENCES policy_versions (version),
  activated_by text NOT NULL,
  activated_at timestamptz NOT NULL DEFAULT now()
);

-- A decision in the ledger names a policy version and hash; if a version could change, that record would lie.
CREATE FUNCTION policy_store_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: publish a new version or activate another one', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER policy_versions_immutable BEFORE UPDATE OR DELETE ON policy_versions
  FOR EACH ROW EXECUTE FUNCTION policy_store_append_only();
CREATE TRIGGER policy_activations_append_only BEFORE UPDATE OR DELETE ON policy_activations
  FOR EACH ROW EXECUTE FUNCTION policy_store_append_only();
