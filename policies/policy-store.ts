// The versioned policy store in PostgreSQL (db/migrations/002_policy_store.sql). Versions are immutable and named
// by their content hash; the active policy is the latest activation. The worker reads it through getActive()
// (activities/load-policy.ts's ActivePolicySource) and seeds it with ensureInitialPolicy() at start-up.
import type { Pool, PoolClient } from 'pg';
import { validatePolicy, type PolicyProblem } from '../rules/validate.js';
import { canonicalJson, policyContentHash } from './canonical-hash.js';
import { PolicyInvalidError, PolicyVersionNotFoundError } from './errors.js';
import { readJsonFile } from './policy-file.js';
import { diffPolicies, type PolicyDiff } from './policy-diff.js';

export interface PolicyVersionSummary {
  version: number;
  name: string;
  hash: string;
  author: string;
  note: string | null;
  publishedAt: Date;
  ruleCount: number;
  active: boolean;
}

export interface PolicyVersion extends PolicyVersionSummary {
  document: unknown;
  activations: { activatedAt: Date; activatedBy: string }[];
}

export interface PublishResult {
  version: number;
  hash: string;
  /** False when the same content was already published: `version` is that earlier version. */
  created: boolean;
  warnings: PolicyProblem[];
}

export interface ActivateResult {
  version: number;
  previous: number | undefined;
  /** False when the version was already the active one (nothing is logged then). */
  changed: boolean;
}

export interface PolicyStore {
  publish(document: unknown, opts: { author: string; note?: string }): Promise<PublishResult>;
  activate(version: number, opts?: { activatedBy?: string }): Promise<ActivateResult>;
  list(): Promise<PolicyVersionSummary[]>;
  show(version: number): Promise<PolicyVersion>;
  diff(a: number, b: number): Promise<PolicyDiff>;
  getActive(): Promise<{ version: number; hash: string; document: unknown } | undefined>;
  /** The active version in full, as show() gives it (`policy active`); undefined when none is active. */
  showActive(): Promise<PolicyVersion | undefined>;
  /** With an empty store, publishes and activates `file` as version 1. Safe when many workers start at once. */
  ensureInitialPolicy(file: string, author: string): Promise<{ published: boolean; version: number | undefined }>;
}

type Queryable = Pick<Pool | PoolClient, 'query'>;

// Any constant works; every process must use the same one so concurrent start-ups take turns.
const initialPolicyLockKey = 7_240_802;

const summaryColumns = `v.version, v.name, v.content_hash, v.author, v.note, v.published_at,
  jsonb_array_length(CASE WHEN jsonb_typeof(v.document->'rules') = 'array' THEN v.document->'rules' ELSE '[]'::jsonb END) AS rule_count,
  v.version = (SELECT a.version FROM policy_activations a ORDER BY a.id DESC LIMIT 1) AS active`;

interface SummaryRow {
  version: number; name: string; content_hash: string; author: string; note: string | null;
  published_at: Date; rule_count: number; active: boolean | null;
}

export function createPolicyStore(pool: Pool): PolicyStore {
  const getActive = async () => {
    const { rows } = await pool.query<{ version: number; content_hash: string; document: unknown }>(
      `SELECT v.version, v.content_hash, v.document FROM policy_activations a
       JOIN policy_versions v USING (version) ORDER BY a.id DESC LIMIT 1`,
    );
    const row = rows[0];
    return row ? { version: row.version, hash: row.content_hash, document: row.document } : undefined;
  };

  const show = async (version: number): Promise<PolicyVersion> => {
    const { rows } = await pool.query<SummaryRow & { document: unknown }>(
      `SELECT ${summaryColumns}, v.document FROM policy_versions v WHERE v.version = $1`, [version],
    );
    const row = rows[0];
    if (!row) throw new PolicyVersionNotFoundError(version);
    const activations = await pool.query<{ activated_at: Date; activated_by: string }>(
      'SELECT activated_at, activated_by FROM policy_activations WHERE version = $1 ORDER BY id', [version],
    );
    return {
      ...fromSummaryRow(row),
      document: row.document,
      activations: activations.rows.map((a) => ({ activatedAt: a.activated_at, activatedBy: a.activated_by })),
    };
  };

  return {
    publish: (document, opts) => publishOn(pool, document, opts),

    activate: async (version, opts = {}) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // One activation at a time, so "previous" is the version this activation really replaced.
        await client.query('LOCK TABLE policy_activations IN EXCLUSIVE MODE');
        const result = await activateOn(client, version, opts.activatedBy ?? 'unknown');
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },

    list: async () => {
      const { rows } = await pool.query<SummaryRow>(`SELECT ${summaryColumns} FROM policy_versions v ORDER BY v.version`);
      return rows.map(fromSummaryRow);
    },

    show,

    diff: async (a, b) => {
      const [va, vb] = await Promise.all([show(a), show(b)]);
      return diffPolicies(va, vb);
    },

    getActive,

    showActive: async () => {
      const { rows } = await pool.query<{ version: number }>('SELECT version FROM policy_activations ORDER BY id DESC LIMIT 1');
      return rows[0] ? show(rows[0].version) : undefined;
    },

    ensureInitialPolicy: async (file, author) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // Held until COMMIT: the second worker waits here, then sees the first one's version 1.
        await client.query('SELECT pg_advisory_xact_lock($1)', [initialPolicyLockKey]);
        const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM policy_versions');
        if (rows[0]!.n > 0) {
          await client.query('COMMIT');
          return { published: false, version: (await getActive())?.version };
        }
        const document = readJsonFile(file);
        const published = await publishOn(client, document, { author, note: `initial policy from ${file}` }, `${file}`);
        await activateOn(client, published.version, author);
        await client.query('COMMIT');
        return { published: true, version: published.version };
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
  };
}

async function publishOn(q: Queryable, document: unknown, opts: { author: string; note?: string }, what?: string): Promise<PublishResult> {
  const author = opts.author.trim();
  if (!author) throw new Error('publishing needs an author (--author NAME)');
  const checked = validatePolicy(document);
  if (!checked.ok) throw new PolicyInvalidError(checked.errors, what);
  const hash = policyContentHash(document);
  // The same content published twice is one version. Look first, because a refused insert still uses up an
  // identity value and would leave a gap in the version numbers; the unique hash settles concurrent publishes.
  const known = await q.query<{ version: number }>('SELECT version FROM policy_versions WHERE content_hash = $1', [hash]);
  if (known.rows[0]) return { version: known.rows[0].version, hash, created: false, warnings: checked.warnings };
  const inserted = await q.query<{ version: number }>(
    `INSERT INTO policy_versions (name, content_hash, document, author, note) VALUES ($1, $2, $3::jsonb, $4, $5)
     ON CONFLICT (content_hash) DO NOTHING RETURNING version`,
    [checked.policy.name, hash, canonicalJson(document), author, opts.note ?? null],
  );
  if (inserted.rows[0]) return { version: inserted.rows[0].version, hash, created: true, warnings: checked.warnings };
  const existing = await q.query<{ version: number }>('SELECT version FROM policy_versions WHERE content_hash = $1', [hash]);
  return { version: existing.rows[0]!.version, hash, created: false, warnings: checked.warnings };
}

async function activateOn(q: Queryable, version: number, activatedBy: string): Promise<ActivateResult> {
  const found = await q.query<{ document: unknown }>('SELECT document FROM policy_versions WHERE version = $1', [version]);
  if (!found.rows[0]) throw new PolicyVersionNotFoundError(version);
  // Validation may have grown stricter since the version was published; never activate what the worker would refuse.
  const checked = validatePolicy(found.rows[0].document);
  if (!checked.ok) throw new PolicyInvalidError(checked.errors, `version ${version}`);
  const current = await q.query<{ version: number }>('SELECT version FROM policy_activations ORDER BY id DESC LIMIT 1');
  const previous = current.rows[0]?.version;
  if (previous === version) return { version, previous, changed: false };
  await q.query('INSERT INTO policy_activations (version, activated_by) VALUES ($1, $2)', [version, activatedBy]);
  return { version, previous, changed: true };
}

function fromSummaryRow(row: SummaryRow): PolicyVersionSummary {
  return {
    version: row.version,
    name: row.name,
    hash: row.content_hash,
    author: row.author,
    note: row.note,
    publishedAt: row.published_at,
    ruleCount: row.rule_count,
    active: row.active === true,
  };
}
