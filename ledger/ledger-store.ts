// The decision ledger in PostgreSQL (db/migrations/003_decision_ledger.sql). Writes are idempotent upserts:
// activities run at least once, and writing the same entry twice leaves one row with the same content. Every
// write that changes a row is hash-chained (004_ledger_hash_chain.sql, ledger-chain.ts).
import type { Pool } from 'pg';
import { appendToChain, lockChainHead, upsertReturningLatestHash } from './ledger-chain.js';
import type { HistoryCounts, LedgerEntry, LedgerFilter, LedgerRow } from './types.js';

const columns: [keyof LedgerEntry, string, 'json'?][] = [
  ['platformId', 'platform_id'], ['approvalNo', 'approval_no'], ['applicationIds', 'application_ids'],
  ['miniProgramId', 'mini_program_id'], ['miniProgramName', 'mini_program_name'], ['version', 'version'],
  ['applicant', 'applicant'], ['state', 'state'], ['policyOutcome', 'policy_outcome'], ['outcome', 'outcome'],
  ['source', 'source'], ['decidedBy', 'decided_by'], ['note', 'note'], ['firedRules', 'fired_rules', 'json'],
  ['explanation', 'explanation', 'json'], ['reasons', 'reasons', 'json'], ['escalation', 'escalation', 'json'],
  ['reviewerDecisions', 'reviewer_decisions', 'json'], ['policyName', 'policy_name'], ['policyVersion', 'policy_version'],
  ['policyHash', 'policy_hash'], ['facts', 'facts', 'json'], ['workflowId', 'workflow_id'], ['runId', 'run_id'],
  ['tcmppRequestId', 'tcmpp_request_id'], ['tcmppErrorCode', 'tcmpp_error_code'], ['tcmppError', 'tcmpp_error'],
  ['conflict', 'conflict', 'json'], ['attempts', 'attempts'], ['escalatedAt', 'escalated_at'], ['decidedAt', 'decided_at'],
];

const terminal = `('decided', 'conflict', 'failed')`;

export interface Ledger {
  /** Inserts or updates the approval's row. A row another run already finished is left alone. */
  write(entry: LedgerEntry): Promise<void>;
  get(platformId: string, approvalNo: string): Promise<LedgerRow | undefined>;
  /** The platforms whose ledger has a row for this approval number, sorted (usually one). */
  platformsOf(approvalNo: string): Promise<string[]>;
  list(filter?: LedgerFilter): Promise<LedgerRow[]>;
  historyOfMiniProgram(miniProgramId: string, windowDays: number, excludeApprovalNo?: string): Promise<HistoryCounts>;
  historyOfApplicant(applicant: string, windowDays: number, excludeApprovalNo?: string): Promise<HistoryCounts>;
  /** Which of these approvals already have a finished row (decided, conflict or failed). */
  finishedApprovalNos(platformId: string, approvalNos: readonly string[]): Promise<Set<string>>;
  /** The TCMPP error code of the platform's most recent submission (null: it succeeded, or none yet). */
  latestSubmissionErrorOfPlatform(platformId: string): Promise<string | null>;
}

export function createLedger(pool: Pool): Ledger {
  const write = async (entry: LedgerEntry) => {
    const names = columns.map(([, c]) => c);
    const values = columns.map(([k, , kind]) => {
      const v = entry[k];
      if (v === undefined) return null;
      return kind === 'json' ? JSON.stringify(v) : v;
    });
    const updates = names.filter((c) => c !== 'platform_id' && c !== 'approval_no').map((c) => `${c} = EXCLUDED.${c}`);
    // A finished row is only rewritten by the run that finished it (a retried write of the same result). That
    // keeps a stale or duplicate run from overwriting a decision already sent to TCMPP. Each write that changes
    // the row is chained in the same transaction (ledger-chain.ts), so the journal never misses one. Every writer
    // waits for the chain head's lock, so the statements under it are few: the lock, the upsert (returning the
    // row's latest chain hash too), and one that writes the journal entry and the new head.
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const head = await lockChainHead(client);
      const { rows } = await client.query<Record<string, unknown>>(upsertReturningLatestHash(
        `INSERT INTO approval_decisions (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})
         ON CONFLICT (platform_id, approval_no) DO UPDATE SET ${updates.join(', ')}, updated_at = now()
         WHERE approval_decisions.run_id = EXCLUDED.run_id OR approval_decisions.state NOT IN ${terminal}
         RETURNING *`,
      ), values);
      if (rows[0]) await appendToChain(client, head, rows[0]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };

  const get = async (platformId: string, approvalNo: string) => {
    const { rows } = await pool.query('SELECT * FROM approval_decisions WHERE platform_id = $1 AND approval_no = $2', [platformId, approvalNo]);
    return rows[0] ? ledgerRowFrom(rows[0] as Record<string, unknown>) : undefined;
  };

  const platformsOf = async (approvalNo: string) => {
    const { rows } = await pool.query<{ platform_id: string }>('SELECT DISTINCT platform_id FROM approval_decisions WHERE approval_no = $1 ORDER BY 1', [approvalNo]);
    return rows.map((r) => r.platform_id);
  };

  const list = async (filter: LedgerFilter = {}) => {
    const where: string[] = [];
    const args: unknown[] = [];
    const add = (sql: string, v: unknown) => { args.push(v); where.push(sql.replace('?', `$${args.length}`)); };
    if (filter.since) add('updated_at >= ?', filter.since);
    if (filter.until) add('updated_at < ?', filter.until);
    if (filter.state) add('state = ?', filter.state);
    if (filter.platformId) add('platform_id = ?', filter.platformId);
    if (filter.outcome === 'pending') where.push(`state = 'pending'`);
    else if (filter.outcome) add('outcome = ?', filter.outcome);
    args.push(filter.limit ?? 1000);
    const { rows } = await pool.query(
      `SELECT * FROM approval_decisions ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY updated_at DESC LIMIT $${args.length}`,
      args,
    );
    return rows.map((r) => ledgerRowFrom(r as Record<string, unknown>));
  };

  const history = async (column: 'mini_program_id' | 'applicant', value: string, windowDays: number, exclude = ''): Promise<HistoryCounts> => {
    const { rows } = await pool.query<{ approved: string; rejected: string; escalated: string; last_outcome: string | null; last_decided_at: Date | null }>(
      `SELECT count(*) FILTER (WHERE outcome = 'approve' AND state = 'decided') AS approved,
              count(*) FILTER (WHERE outcome = 'reject' AND state = 'decided') AS rejected,
              count(*) FILTER (WHERE escalated_at IS NOT NULL) AS escalated,
              (array_agg(outcome ORDER BY decided_at DESC) FILTER (WHERE state = 'decided'))[1] AS last_outcome,
              max(decided_at) FILTER (WHERE state = 'decided') AS last_decided_at
         FROM approval_decisions
        WHERE ${column} = $1 AND approval_no <> $3 AND updated_at >= now() - make_interval(days => $2)`,
      [value, windowDays, exclude],
    );
    const r = rows[0]!;
    return {
      approved: Number(r.approved),
      rejected: Number(r.rejected),
      escalated: Number(r.escalated),
      lastOutcome: (r.last_outcome as HistoryCounts['lastOutcome']) ?? null,
      lastDecidedAt: r.last_decided_at ? r.last_decided_at.toISOString() : null,
    };
  };

  const latestSubmissionErrorOfPlatform = async (platformId: string) => {
    const { rows } = await pool.query<{ tcmpp_error_code: string | null }>(
      `SELECT tcmpp_error_code FROM approval_decisions
        WHERE platform_id = $1 AND state IN ('decided', 'failed') ORDER BY updated_at DESC LIMIT 1`,
      [platformId],
    );
    return rows[0]?.tcmpp_error_code ?? null;
  };

  const finishedApprovalNos = async (platformId: string, approvalNos: readonly string[]) => {
    if (approvalNos.length === 0) return new Set<string>();
    const { rows } = await pool.query<{ approval_no: string }>(
      `SELECT approval_no FROM approval_decisions WHERE platform_id = $1 AND approval_no = ANY($2) AND state IN ${terminal}`,
      [platformId, approvalNos],
    );
    return new Set(rows.map((r) => r.approval_no));
  };

  return {
    write,
    finishedApprovalNos,
    get,
    platformsOf,
    list,
    historyOfMiniProgram: (id, days, exclude) => history('mini_program_id', id, days, exclude),
    historyOfApplicant: (who, days, exclude) => history('applicant', who, days, exclude),
    latestSubmissionErrorOfPlatform,
  };
}

/** A row of approval_decisions as read (snake_case columns) in the shape the rest of the code sees. */
export function ledgerRowFrom(row: Record<string, unknown>): LedgerRow {
  const out: Record<string, unknown> = {};
  for (const [key, column] of columns) {
    const v = row[column];
    out[key] = v instanceof Date ? v.toISOString() : v === null ? undefined : v;
  }
  out.createdAt = (row.created_at as Date).toISOString();
  out.updatedAt = (row.updated_at as Date).toISOString();
  return out as unknown as LedgerRow;
}
