import { describe, expect, it } from 'vitest';
import { useTestStack } from '../test/stack/index.js';
import { createLedger } from './ledger-store.js';
import type { LedgerEntry } from './types.js';

const stack = useTestStack({ database: true });

function entry(overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    platformId: 'P1', approvalNo: 'A1', applicationIds: ['app-1'], miniProgramId: 'mnp-1', miniProgramName: 'Wallet',
    version: '1.2.4', applicant: 'dev@example.com', state: 'pending', policyOutcome: 'escalate',
    firedRules: [{ name: 'major-version', type: 'escalate' }], explanation: [{ rule: 'major-version', result: true }],
    reasons: ['major version'], reviewerDecisions: [], policyName: 'default', policyVersion: 1, policyHash: 'abc',
    facts: { release: { bump: 'major' } }, workflowId: 'approval:P1:A1', runId: 'run-1', attempts: 0,
    escalatedAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}

describe('the decision ledger', () => {
  it('writes a pending row, then its decision, idempotently', async () => {
    const ledger = createLedger(stack.pool);
    await ledger.write(entry());
    await ledger.write(entry());
    expect((await ledger.get('P1', 'A1'))?.state).toBe('pending');

    const decided = entry({ state: 'decided', outcome: 'approve', source: 'reviewer', decidedBy: 'alice', tcmppRequestId: 'req-1', attempts: 1, decidedAt: '2026-12-01T11:00:00.000Z' });
    await ledger.write(decided);
    await ledger.write(decided);
    const row = await ledger.get('P1', 'A1');
    expect(row).toMatchObject({ state: 'decided', outcome: 'approve', source: 'reviewer', decidedBy: 'alice', tcmppRequestId: 'req-1', applicationIds: ['app-1'] });
    expect(row?.facts).toEqual({ release: { bump: 'major' } });
    expect(row?.firedRules).toEqual([{ name: 'major-version', type: 'escalate' }]);
    const { rows } = await stack.pool.query(`SELECT count(*)::int AS n FROM approval_decisions WHERE approval_no = 'A1'`);
    expect(rows[0]).toEqual({ n: 1 });
  });

  it('never lets another run overwrite a finished decision', async () => {
    const ledger = createLedger(stack.pool);
    await ledger.write(entry({ approvalNo: 'A2', state: 'decided', outcome: 'reject', note: 'no', runId: 'run-a' }));
    await ledger.write(entry({ approvalNo: 'A2', state: 'pending', runId: 'run-b' }));
    expect(await ledger.get('P1', 'A2')).toMatchObject({ state: 'decided', outcome: 'reject', runId: 'run-a' });
  });

  it('lists by outcome and counts recent history for the policy facts', async () => {
    const ledger = createLedger(stack.pool);
    await ledger.write(entry({ approvalNo: 'H1', state: 'decided', outcome: 'approve', decidedAt: '2026-12-02T10:00:00.000Z', escalatedAt: undefined }));
    await ledger.write(entry({ approvalNo: 'H2', state: 'decided', outcome: 'reject', note: 'bad', decidedAt: '2026-12-03T10:00:00.000Z', escalatedAt: undefined }));
    await ledger.write(entry({ approvalNo: 'H3', state: 'failed', tcmppErrorCode: 'FailedOperation.PackageAlreadyExpired', platformId: 'P2' }));
    expect((await ledger.list({ outcome: 'reject' })).map((r) => r.approvalNo)).toContain('H2');
    expect((await ledger.list({ outcome: 'pending' })).every((r) => r.state === 'pending')).toBe(true);

    const history = await ledger.historyOfMiniProgram('mnp-1', 30, 'H3');
    expect(history.approved).toBeGreaterThanOrEqual(2); // A1 and H1
    expect(history.rejected).toBeGreaterThanOrEqual(2); // A2 and H2
    expect(history.lastOutcome).toBe('reject');
    expect(await ledger.latestSubmissionErrorOfPlatform('P2')).toBe('FailedOperation.PackageAlreadyExpired');
    expect(await ledger.latestSubmissionErrorOfPlatform('P-none')).toBeNull();
  });
});
