// The ledger's hash chain (db/migrations/004_ledger_hash_chain.sql): every write that changes a ledger row
// appends the row as written to ledger_journal, linked to the entry before it by hash. appendToChain runs inside
// the ledger write's transaction; verifyLedgerChain recomputes everything and says where it breaks.
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { canonicalJson, contentHash } from '../policies/canonical-hash.js';

const genesisHash = '0'.repeat(64);

/** A row's chained content: every column but updated_at (bookkeeping), timestamps as ISO strings. */
function chainContent(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === 'updated_at') continue;
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

function entryHash(e: { seq: number; prevHash: string; platformId: string; approvalNo: string; contentHash: string }): string {
  return createHash('sha256').update([e.seq, e.prevHash, e.platformId, e.approvalNo, e.contentHash].join('\n')).digest('hex');
}

/**
 * Takes the chain head's row lock: every ledger write calls this first, so writes are serialized and each
 * entry's seq and prev_hash are the head's as of its own commit.
 */
export async function lockChainHead(client: PoolClient): Promise<{ seq: number; entryHash: string }> {
  const { rows } = await client.query<{ seq: string; entry_hash: string }>('SELECT seq, entry_hash FROM ledger_chain_head WHERE id FOR UPDATE');
  if (!rows[0]) throw new Error('ledger_chain_head has no row: the ledger hash chain is missing (migration 004) or was tampered with');
  return { seq: Number(rows[0].seq), entryHash: rows[0].entry_hash };
}

const latestColumn = 'chain_latest_content_hash';

/**
 * Wraps the row's upsert (`INSERT ... RETURNING *`) so that it also returns the content hash of the row's latest
 * journal entry, saving appendToChain a round trip. It must be this statement and not the lock's: under READ
 * COMMITTED a statement reads the snapshot it started with, and the lock query's starts before it waits for the
 * writer ahead of it, whose journal entry it would miss; the upsert runs after the lock is held.
 */
export function upsertReturningLatestHash(upsert: string): string {
  return `WITH written AS (${upsert})
    SELECT written.*, (SELECT j.content_hash FROM ledger_journal j
                        WHERE j.platform_id = written.platform_id AND j.approval_no = written.approval_no
                        ORDER BY j.seq DESC LIMIT 1) AS ${latestColumn}
      FROM written`;
}

/**
 * Appends the row as written (a row of upsertReturningLatestHash), unless it is what the row's latest entry
 * already says (an idempotent rewrite). The entry and the new head are written by one statement.
 */
export async function appendToChain(client: PoolClient, head: { seq: number; entryHash: string }, written: Record<string, unknown>): Promise<void> {
  const { [latestColumn]: latest, ...row } = written;
  const content = chainContent(row);
  const hash = contentHash(content);
  if (latest === hash) return;
  const platformId = String(row.platform_id);
  const approvalNo = String(row.approval_no);
  const seq = head.seq + 1;
  const next = entryHash({ seq, prevHash: head.entryHash, platformId, approvalNo, contentHash: hash });
  await client.query(
    `WITH entry AS (
       INSERT INTO ledger_journal (seq, platform_id, approval_no, content, content_hash, prev_hash, entry_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING seq, entry_hash)
     UPDATE ledger_chain_head SET seq = entry.seq, entry_hash = entry.entry_hash FROM entry WHERE ledger_chain_head.id`,
    [seq, platformId, approvalNo, JSON.stringify(content), hash, head.entryHash, next],
  );
}

export interface ChainProblem {
  /** The journal entry (seq) or ledger row (platform/approval) concerned. */
  at: string;
  problem: string;
}

export interface ChainReport {
  ok: boolean;
  entries: number;
  rows: number;
  head: { seq: number; entryHash: string };
  /** The first place the chain itself breaks (an entry edited, deleted, inserted or reordered). */
  firstBreak?: ChainProblem;
  /** Rows that disagree with their latest entry, or entries whose row is gone. */
  rowProblems: ChainProblem[];
  /** Rows older than the chain (written before migration 004), which it cannot vouch for. */
  unchainedRows: number;
}

const key = (platformId: unknown, approvalNo: unknown) => `${String(platformId)}/${String(approvalNo)}`;

export interface VerifyChainOptions {
  /** Journal entries and rows read per query. */
  batchSize?: number;
  /** Called with every ledger row as read (raw columns), so a caller checking rows too reads the table once. */
  onRow?: (row: Record<string, unknown>) => void;
}

type JournalRow = { seq: string; platform_id: string; approval_no: string; content: unknown; content_hash: string; prev_hash: string; entry_hash: string };

/**
 * Recomputes the chain and compares every row with its latest entry. Meant for a live ledger: every read is in one
 * REPEATABLE READ snapshot, so a write committed meanwhile is either wholly seen (row, entry and head) or not at
 * all, and never shows as a break.
 */
export async function verifyLedgerChain(pool: Pool, opts: VerifyChainOptions = {}): Promise<ChainReport> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const report = await verifyInSnapshot(client, opts.batchSize ?? 1000, opts.onRow);
    await client.query('COMMIT');
    return report;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

async function verifyInSnapshot(client: PoolClient, batchSize: number, onRow: VerifyChainOptions['onRow']): Promise<ChainReport> {
  const headRow = (await client.query<{ seq: string; entry_hash: string; started_at: Date }>('SELECT seq, entry_hash, started_at FROM ledger_chain_head WHERE id')).rows[0];
  if (!headRow) throw new Error('ledger_chain_head has no row: the ledger hash chain is missing (migration 004) or was tampered with');
  const head = { seq: Number(headRow.seq), entryHash: headRow.entry_hash };
  let firstBreak: ChainProblem | undefined;
  const brk = (at: string, problem: string) => { firstBreak ??= { at, problem }; };

  // Latest entry of each row: its seq and content hash.
  const latest = new Map<string, { seq: number; contentHash: string }>();
  let prev = { seq: 0, entryHash: genesisHash };
  let entries = 0;
  for (;;) {
    const { rows } = await client.query<JournalRow>(
      'SELECT seq, platform_id, approval_no, content, content_hash, prev_hash, entry_hash FROM ledger_journal WHERE seq > $1 ORDER BY seq LIMIT $2',
      [prev.seq, batchSize],
    );
    for (const e of rows) {
      const seq = Number(e.seq);
      entries++;
      if (seq !== prev.seq + 1) brk(`entry ${prev.seq + 1}`, `missing: the journal jumps from entry ${prev.seq} to ${seq} (entries were deleted)`);
      if (e.prev_hash !== prev.entryHash) brk(`entry ${seq}`, `does not link to entry ${prev.seq}: prev_hash ${short(e.prev_hash)}, that entry's hash is ${short(prev.entryHash)}`);
      const recomputed = contentHash(e.content);
      if (recomputed !== e.content_hash) brk(`entry ${seq}`, `content of ${key(e.platform_id, e.approval_no)} was edited: it hashes to ${short(recomputed)}, the entry says ${short(e.content_hash)}`);
      const linked = entryHash({ seq, prevHash: e.prev_hash, platformId: e.platform_id, approvalNo: e.approval_no, contentHash: e.content_hash });
      if (linked !== e.entry_hash) brk(`entry ${seq}`, `entry hash does not match its fields (recomputed ${short(linked)}, stored ${short(e.entry_hash)})`);
      latest.set(key(e.platform_id, e.approval_no), { seq, contentHash: e.content_hash });
      prev = { seq, entryHash: e.entry_hash };
    }
    if (rows.length < batchSize) break;
  }
  if (head.seq !== prev.seq || head.entryHash !== prev.entryHash) {
    brk(`entry ${prev.seq}`, head.seq > prev.seq
      ? `the chain head is at entry ${head.seq} but the journal ends at ${prev.seq} (its last entries were deleted)`
      : `the chain head (entry ${head.seq}, ${short(head.entryHash)}) does not match the journal's last entry (${prev.seq}, ${short(prev.entryHash)})`);
  }

  const rowProblems: ChainProblem[] = [];
  let rowCount = 0;
  let unchainedRows = 0;
  const seen = new Set<string>();
  // Rows in keyset batches (by primary key), so a large ledger is never held in memory whole.
  let after: unknown[] = [];
  for (;;) {
    const { rows } = await client.query<Record<string, unknown>>(
      `SELECT * FROM approval_decisions ${after.length > 0 ? 'WHERE (platform_id, approval_no) > ($2, $3)' : ''} ORDER BY platform_id, approval_no LIMIT $1`,
      [batchSize, ...after],
    );
    for (const row of rows) {
      rowCount++;
      onRow?.(row);
      const k = key(row.platform_id, row.approval_no);
      seen.add(k);
      const entry = latest.get(k);
      if (!entry) {
        if ((row.updated_at as Date) < headRow.started_at) unchainedRows++;
        else rowProblems.push({ at: k, problem: 'the row has no journal entry: it was written around the chain (not by the ledger)' });
        continue;
      }
      if (contentHash(chainContent(row)) !== entry.contentHash) {
        const changed = await changedColumns(client, entry.seq, row);
        rowProblems.push({ at: k, problem: `the row was edited after its last write (entry ${entry.seq}): ${changed.join(', ') || 'content'} differ` });
      }
    }
    if (rows.length < batchSize) break;
    after = [rows.at(-1)!.platform_id, rows.at(-1)!.approval_no];
  }
  for (const [k, entry] of latest) {
    if (!seen.has(k)) rowProblems.push({ at: k, problem: `the row was deleted (its last write is journal entry ${entry.seq})` });
  }
  return {
    ok: !firstBreak && rowProblems.length === 0,
    entries, rows: rowCount, head, unchainedRows, rowProblems,
    ...(firstBreak ? { firstBreak } : {}),
  };
}

async function changedColumns(client: PoolClient, seq: number, row: Record<string, unknown>): Promise<string[]> {
  const { rows } = await client.query<{ content: Record<string, unknown> }>('SELECT content FROM ledger_journal WHERE seq = $1', [seq]);
  const written = rows[0]?.content ?? {};
  const now = chainContent(row);
  return [...new Set([...Object.keys(written), ...Object.keys(now)])]
    .filter((c) => canonicalJson(written[c] ?? null) !== canonicalJson(now[c] ?? null))
    .sort();
}

const short = (hash: string) => hash.slice(0, 12);
