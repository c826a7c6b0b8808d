// What submitDecision does when TCMPP fails, on the real stack: a non-retryable refusal fails the workflow
// with a typed error and shows in the ledger; transient errors are retried; an ambiguous failure (applied,
// never answered) is reconciled without a second processing; a decision made meanwhile in the TCMPP console is
// recorded as a conflict, never overwritten.
import { ApplicationFailure, WorkflowFailedError } from '@temporalio/client';
import { afterEach, describe, expect, it } from 'vitest';
import { FailureType } from '../../failures/types.js';
import { decideUpdate } from '../../workflows/approval/messages.js';
import { awaitStage, demoPlatform, expiredPlatform, useReleaseGate } from '../stack/release-gate.js';

const rg = useReleaseGate();

afterEach(async () => {
  await rg.emulator.admin.clearFaults();
});

async function processingCalls(approvalNo: string) {
  return (await rg.emulator.admin.calls({ action: 'ProcessMNPApproval' })).filter((c) => (c.params as { ApprovalNo?: string } | undefined)?.ApprovalNo === approvalNo);
}

describe('submitDecision under faults', () => {
  it('fails the workflow with a typed, non-retryable error when the platform\'s plan has expired, and records it', async () => {
    // The reads still answer, so the policy decides (a patch: approve); ProcessMNPApproval refuses for good.
    const handle = await rg.start('audx7m3q9v1k5t8rwh', expiredPlatform);
    const err = await handle.result().then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowFailedError);
    const cause = (err as WorkflowFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect((cause as ApplicationFailure).type).toBe(FailureType.tcmppRejected);
    expect(cause!.message).toMatch(/PackageAlreadyExpired/);

    expect(await processingCalls('audx7m3q9v1k5t8rwh')).toHaveLength(1); // never retried
    const row = await rg.ledger.get(expiredPlatform, 'audx7m3q9v1k5t8rwh');
    expect(row).toMatchObject({ state: 'failed', tcmppErrorCode: 'FailedOperation.PackageAlreadyExpired' });
    expect(row!.tcmppRequestId).toMatch(/^[0-9a-f-]{36}$/);
    // The next approval of that platform sees the expired plan among its facts.
    expect(await rg.ledger.latestSubmissionErrorOfPlatform(expiredPlatform)).toBe('FailedOperation.PackageAlreadyExpired');
  });

  it('retries InternalError three times, then succeeds with one processing', async () => {
    const no = await rg.addApproval({ MNPId: 'mpq3f8h2ks0dlx1a', MNPVersion: '2.6.0' });
    await rg.emulator.admin.setFaults({ errors: [{ action: 'ProcessMNPApproval', code: 'InternalError', rate: 1, count: 3 }] });
    const result = await (await rg.start(no)).result();

    expect(result.submission).toMatchObject({ status: 'submitted', attempts: 4 });
    const calls = await processingCalls(no);
    expect(calls.map((c) => c.code ?? c.outcome)).toEqual(['InternalError', 'InternalError', 'InternalError', 'success']);
    expect((await rg.emulator.admin.getApproval(demoPlatform, no))!.history.filter((h) => h.outcome === 'applied')).toHaveLength(1);
    expect(await rg.ledger.get(demoPlatform, no)).toMatchObject({ state: 'decided', attempts: 4 });
  });

  for (const mode of ['hang', 'reset'] as const) {
    it(`reconciles an applied-then-unanswered call (${mode}) instead of processing twice`, async () => {
      const no = await rg.addApproval({ MNPId: 'mpq3f8h2ks0dlx1a', MNPVersion: mode === 'hang' ? '2.7.0' : '2.7.1' });
      await rg.emulator.admin.setFaults({ appliedThenUnanswered: [{ action: 'ProcessMNPApproval', count: 1, mode }] });
      const result = await (await rg.start(no)).result();

      expect(result.submission).toMatchObject({ status: 'already-applied', attempts: 2 });
      const tcmpp = await rg.emulator.admin.getApproval(demoPlatform, no);
      expect(tcmpp).toMatchObject({ ApprovalStatus: 3 });
      expect(tcmpp!.history).toHaveLength(1); // applied once, never sent again
      expect(await processingCalls(no)).toHaveLength(1);
      expect(await rg.ledger.get(demoPlatform, no)).toMatchObject({ state: 'decided', outcome: 'approve', attempts: 2 });
    });
  }

  it('records a conflict, without overwriting, when someone decided otherwise in the TCMPP console', async () => {
    const no = await rg.addApproval({ MNPId: 'mpk1z6d3rb8nqg5u', MNPVersion: '6.0.0', ApplicationId: 'app-a7k3m2p9xz' });
    const handle = await rg.start(no);
    await awaitStage(handle, 'awaiting-review');

    // The console's decision: a reject, made directly against TCMPP while release-gate waits for a reviewer.
    await rg.tcmpp.processMNPApproval({ ApprovalNo: no, PlatformId: demoPlatform, ApprovalItems: [{ AppId: 'app-a7k3m2p9xz', ApprovalResult: 2, ApprovalNote: 'Rejected in the console' }] });
    await handle.executeUpdate(decideUpdate, { args: [{ reviewer: 'mei.tan', outcome: 'approve' }] });
    const result = await handle.result();

    expect(result).toMatchObject({ outcome: 'conflict', source: 'conflict', submission: { status: 'conflict', conflict: { approvalStatus: 2, approvalNote: 'Rejected in the console' } } });
    expect(await rg.emulator.admin.getApproval(demoPlatform, no)).toMatchObject({ ApprovalStatus: 2, ApprovalNote: 'Rejected in the console' });
    expect(await rg.ledger.get(demoPlatform, no)).toMatchObject({ state: 'conflict', source: 'conflict', outcome: 'approve' });
  });
});
