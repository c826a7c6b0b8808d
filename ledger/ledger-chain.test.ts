// The ledger's hash chain on a real PostgreSQL: every changing write is chained, concurrent writers keep one
// linear chain, and an edited or deleted row or journal entry is reported by verifyLedgerChain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/stack/index.js';
import { verifyLedgerChain } from './ledger-chain.js';
import { createLedger } from './ledger-store.js';
import type { LedgerEntry } from './types.js';

type Db = Awaited<ReturnType<typeof createTestDatabase>>;
const dbs: Db[] = [];
afterAll(async () => { for (const db of dbs) await db.drop(); });

async function ledgerWithRows(n: number) {
  const db = await createTestDatabase();
  dbs.push(db);
  const ledger = createLedger(db.pool);
  for (let i = 1; i <= n; i++) {
    await ledger.write(entry(`A${i}`));
    await ledger.write(entry(`A${i}`, { state: 'decided', outcome: 'approve', source: 'reviewer', decidedBy: 'mei.tan', attempts: 1, decidedAt: '2026-12-01T11:00:00.000Z' }));
  }
  return { pool: db.pool, ledger };
}

function entry(approvalNo: string, overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    platformId: 'P1', approvalNo, applicationIds: ['app-1'], state: 'pending', policyOutcome: 'escalate',
    firedRules: [{ name: 'major-version', type: 'escalate' }], explanation: [], reasons: ['major version'], reviewerDecisions: [],
    policyName: 'default', policyVersion: 1, policyHash: 'abc', facts: { release: { bump: 'major' } },
    workflowId: `approval:P1:${approvalNo}`, runId: 'run-1', attempts: 0, escalatedAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}

describe('the ledger hash chain', () => {
  let db: Awaited<ReturnType<typeof ledgerWithRows>>;
  beforeAll(async () => { db = await ledgerWithRows(3); });

  it('chains each write that changes a row, and only those', async () => {
    await db.ledger.write(entry('A1', { state: 'decided', outcome: 'approve', source: 'reviewer', decidedBy: 'mei.tan', attempts: 1, decidedAt: '2026-12-01T11:00:00.000Z' })); // a retried write
    await db.ledger.write(entry('A1', { runId: 'another-run' })); // refused: A1 is finished
    const report = await verifyLedgerChain(db.pool);
    expect(report).toMatchObject({ ok: true, entries: 6, rows: 3, unchainedRows: 0, rowProblems: [], head: { seq: 6 } });
    expect(report.firstBreak).toBeUndefined();
  });

  it('keeps one linear chain under concurrent writers', async () => {
    const { pool, ledger } = await ledgerWithRows(0);
    await Promise.all(Array.from({ length: 40 }, (_, i) => ledger.write(entry(`C${i}`))));
    const { rows } = await pool.query<{ seq: string }>('SELECT seq FROM ledger_journal ORDER BY seq');
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await verifyLedgerChain(pool, { batchSize: 7 })).toMatchObject({ ok: true, entries: 40, rows: 40 });
  });

  it('chains a write once when concurrent retries write the same content', async () => {
    // The retries queue on the chain head's lock (held here until they all wait): each must see the entry of the
    // one that committed before it, not the journal as it was when it started waiting.
    const { pool, ledger } = await ledgerWithRows(0);
    const holder = await pool.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM ledger_chain_head WHERE id FOR UPDATE');
    const retries = Promise.all(Array.from({ length: 5 }, () => ledger.write(entry('R1'))));
    await new Promise((r) => setTimeout(r, 300));
    await holder.query('COMMIT');
    holder.release();
    await retries;
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_journal WHERE approval_no = 'R1'`);
    expect(rows[0]).toEqual({ n: 1 });
  });

  it('verifies a ledger being written meanwhile without reporting a break (one snapshot)', async () => {
    const { pool, ledger } = await ledgerWithRows(0);
    const decided = { state: 'decided', outcome: 'approve', source: 'reviewer', decidedBy: 'mei.tan', attempts: 1, decidedAt: '2026-12-01T11:00:00.000Z' } as const;
    let writing = true;
    const writes = (async () => {
      for (let i = 0; i < 30; i++) {
        await Promise.all([ledger.write(entry(`L${i}`)), ledger.write(entry(`M${i}`, decided))]);
        await ledger.write(entry(`L${i}`, decided));
      }
      writing = false;
    })();
    const reports = [];
    while (writing) reports.push(await verifyLedgerChain(pool, { batchSize: 3 }));
    await writes;
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.filter((r) => !r.ok)).toEqual([]);
  });

  it('refuses updates and deletes of journal entries', async () => {
    await expect(db.pool.query(`UPDATE ledger_journal SET approval_no = 'X' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(db.pool.query('DELETE FROM ledger_journal WHERE seq = 1')).rejects.toThrow(/append-only/);
  });

  it('reports a row edited behind the ledger\'s back, and a deleted one', async () => {
    const { pool } = await ledgerWithRows(3);
    await pool.query(`UPDATE approval_decisions SET outcome = 'reject', note = 'edited' WHERE approval_no = 'A2'`);
    await pool.query(`DELETE FROM approval_decisions WHERE approval_no = 'A3'`);
    const report = await verifyLedgerChain(pool);
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toBeUndefined(); // the journal itself is intact
    expect(report.rowProblems).toEqual([
      { at: 'P1/A2', problem: 'the row was edited after its last write (entry 4): note, outcome differ' },
      { at: 'P1/A3', problem: 'the row was deleted (its last write is journal entry 6)' },
    ]);
  });

  it('reports the first break when a journal entry is edited or deleted (triggers disabled, as an owner could)', async () => {
    const edited = await ledgerWithRows(3);
    await edited.pool.query('ALTER TABLE ledger_journal DISABLE TRIGGER USER');
    await edited.pool.query(`UPDATE ledger_journal SET content = jsonb_set(content, '{outcome}', '"reject"') WHERE seq = 4`);
    await edited.pool.query(`UPDATE approval_decisions SET outcome = 'reject' WHERE approval_no = 'A2'`);
    const afterEdit = await verifyLedgerChain(edited.pool);
    expect(afterEdit.firstBreak?.at).toBe('entry 4');
    expect(afterEdit.firstBreak?.problem).toMatch(/^content of P1\/A2 was edited/);

    const deleted = await ledgerWithRows(3);
    await deleted.pool.query('ALTER TABLE ledger_journal DISABLE TRIGGER USER');
    await deleted.pool.query('DELETE FROM ledger_journal WHERE seq = 3');
    expect((await verifyLedgerChain(deleted.pool)).firstBreak).toEqual({ at: 'entry 3', problem: 'missing: the journal jumps from entry 2 to 4 (entries were deleted)' });

    const truncatedTail = await ledgerWithRows(3);
    await truncatedTail.pool.query('ALTER TABLE ledger_journal DISABLE TRIGGER USER');
    await truncatedTail.pool.query('DELETE FROM ledger_journal WHERE seq = 6');
    const tail = await verifyLedgerChain(truncatedTail.pool);
    expect(tail.firstBreak?.problem).toMatch(/head is at entry 6 but the journal ends at 5/);
    expect(tail.rowProblems).toEqual([{ at: 'P1/A3', problem: 'the row was edited after its last write (entry 5): attempts, decided_at, decided_by, outcome, source, state differ' }]);
  });

  it('tells rows from before the chain from rows written around it', async () => {
    const { pool } = await ledgerWithRows(1);
    await pool.query(`INSERT INTO approval_decisions (platform_id, approval_no, application_ids, state, policy_outcome, policy_name, policy_hash, facts, workflow_id, run_id, updated_at)
                      VALUES ('P1', 'OLD', '{}', 'pending', 'escalate', 'p', 'h', '{}', 'w', 'r', now() - interval '1 day'),
                             ('P1', 'SNEAKY', '{}', 'pending', 'escalate', 'p', 'h', '{}', 'w', 'r', now())`);
    const report = await verifyLedgerChain(pool);
    expect(report.unchainedRows).toBe(1);
    expect(report.rowProblems).toEqual([{ at: 'P1/SNEAKY', problem: 'the row has no journal entry: it was written around the chain (not by the ledger)' }]);
  });
});
