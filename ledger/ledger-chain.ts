// The ledger's hash chain (db/migrations/004_ledger_hash_chain.sql): every write that changes a ledger row
// appends the row as written to ledger_journal, linked to the entry before it by hash. appendToChain runs inside
// the ledger write's transaction; verifyLedgerChain recomputes everything and says where it breaks.
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { canonicalJson } from '../policies/canonical-hash.js';

export const genesisHash = '0'.repeat(64);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A row's chained content: every column but updated_at (bookkeeping), timestamps as ISO strings. */
export function chainContent(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === 'updated_at') continue;
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

export const contentHash = (content: unknown) => sha256(canonicalJson(content));

export function entryHash(e: { seq: number; prevHash: string; platformId: string; approvalNo: string; contentHash: string }): string {
  return sha256([e.seq, e.prevHash, e.platformId, e.approvalNo, e.contentHash].join('\n'));
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

/** Appends the row as written, unless it is what the row's latest entry already says (an idempotent rewrite). */
export async function appendToChain(client: PoolClient, head: { seq: number; entryHash: string }, row: Record<string, unknown>): Promise<void> {
  const content = chainContent(row);
  const hash = contentHash(content);
  const platformId = String(row.platform_id);
  const approvalNo = String(row.approval_no);
  const latest = await client.query<{ content_hash: string }>(
    'SELECT content_hash FROM ledger_journal WHERE platform_id = $1 AND approval_no = $2 ORDER BY seq DESC LIMIT 1',
    [platformId, approvalNo],
  );
  if (latest.rows[0]?.content_hash === hash) return;
  const seq = head.seq + 1;
  const next = entryHash({ seq, prevHash: head.entryHash, platformId, approvalNo, contentHash: hash });
  await client.query(
    `INSERT INTO ledger_journal (seq, platform_id, approval_no, content, content_hash, prev_hash, entry_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [seq, platformId, approvalNo, JSON.stringify(content), hash, head.entryHash, next],
  );
  await client.query('UPDATE ledger_chain_head SET seq = $1, entry_hash = $2 WHERE id', [seq, next]);
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

export async function verifyLedgerChain(pool: Pool, batchSize = 1000): Promise<ChainReport> {
  const headRow = (await pool.query<{ seq: string; entry_hash: string; started_at: Date }>('SELECT seq, entry_hash, started_at FROM ledger_chain_head WHERE id')).rows[0];
  if (!headRow) throw new Error('ledger_chain_head has no row: the ledger hash chain is missing (migration 004) or was tampered with');
  const head = { seq: Number(headRow.seq), entryHash: headRow.entry_hash };
  let firstBreak: ChainProblem | undefined;
  const brk = (at: string, problem: string) => { firstBreak ??= { at, problem }; };

  // Latest entry of each row: its seq and content hash.
  const latest = new Map<string, { seq: number; contentHash: string }>();
  let prev = { seq: 0, entryHash: genesisHash };
  let entries = 0;
  for (;;) {
    const { rows } = await pool.query<{ seq: string; platform_id: string; approval_no: string; content: unknown; content_hash: string; prev_hash: string; entry_hash: string }>(
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
  const { rows } = await pool.query<Record<string, unknown>>('SELECT * FROM approval_decisions ORDER BY platform_id, approval_no');
  for (const row of rows) {
    rowCount++;
    const k = key(row.platform_id, row.approval_no);
    seen.add(k);
    const entry = latest.get(k);
    if (!entry) {
      if ((row.updated_at as Date) < headRow.started_at) unchainedRows++;
      else rowProblems.push({ at: k, problem: 'the row has no journal entry: it was written around the chain (not by the ledger)' });
      continue;
    }
    if (contentHash(chainContent(row)) !== entry.contentHash) {
      const changed = await changedColumns(pool, entry.seq, row);
      rowProblems.push({ at: k, problem: `the row was edited after its last write (entry ${entry.seq}): ${changed.join(', ') || 'content'} differ` });
    }
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

async function changedColumns(pool: Pool, seq: number, row: Record<string, unknown>): Promise<string[]> {
  const { rows } = await pool.query<{ content: Record<string, unknown> }>('SELECT content FROM ledger_journal WHERE seq = $1', [seq]);
  const written = rows[0]?.content ?? {};
  const now = chainContent(row);
  return [...new Set([...Object.keys(written), ...Object.keys(now)])]
    .filter((c) => canonicalJson(written[c] ?? null) !== canonicalJson(now[c] ?? null))
    .sort();
}

const short = (hash: string) => hash.slice(0, 12);
