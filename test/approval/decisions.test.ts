// The approval workflow end to end on the real stack: Temporal dev server, PostgreSQL, the TCMPP emulator over
// HTTP with the real SDK. Auto-approve, auto-reject, escalation decided by the `decide` Update, refused Updates,
// and picking the same approval up twice.
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { decideUpdate } from '../../workflows/approval/messages.js';
import type { intakeWorkflow } from '../../workflows/intake.js';
import { awaitStage, demoPlatform, useReleaseGate } from '../stack/release-gate.js';

const rg = useReleaseGate();

describe('approvalWorkflow', () => {
  it('approves a patch release by rule, sends it to TCMPP, and records why', async () => {
    const no = await rg.addApproval({ MNPId: 'mpq3f8h2ks0dlx1a', MNPVersion: '2.4.2' });
    const result = await (await rg.start(no)).result();

    expect(result).toMatchObject({ outcome: 'approve', source: 'rule', decidedBy: ['small-update'], submission: { status: 'submitted', attempts: 1 } });
    const tcmpp = await rg.emulator.admin.getApproval(demoPlatform, no);
    expect(tcmpp).toMatchObject({ ApprovalStatus: 3, ApprovalNote: 'Approved automatically: a patch or minor update.' });
    expect(tcmpp!.history).toHaveLength(1);

    const row = await rg.ledger.get(demoPlatform, no);
    expect(row).toMatchObject({ state: 'decided', outcome: 'approve', source: 'rule', policyOutcome: 'approve', attempts: 1, tcmppRequestId: tcmpp!.history[0]!.requestId });
    expect(row!.firedRules).toEqual([expect.objectContaining({ name: 'small-update', type: 'approve' })]);
    // The explanation covers every rule of the policy, fired or not.
    expect((row!.explanation as { name: string }[]).map((r) => r.name)).toEqual(['blocked-applicant', 'removed-mini-program', 'major-version', 'four-eyes-for-prereleases', 'small-update']);
    expect(row!.facts).toMatchObject({ release: { bump: 'patch', previousVersion: '2.4.0' } });
  });

  it('rejects a blocked applicant with the rule\'s note reaching TCMPP', async () => {
    const no = await rg.addApproval({ MNPId: 'mpn8t4x7ya2cev0j', MNPVersion: '5.1.5', ApplyUser: 'blocked_vendor_0417' });
    const result = await (await rg.start(no)).result();

    expect(result).toMatchObject({ outcome: 'reject', source: 'rule', decidedBy: ['blocked-applicant'] });
    const tcmpp = await rg.emulator.admin.getApproval(demoPlatform, no);
    expect(tcmpp).toMatchObject({ ApprovalStatus: 2, ApprovalNote: 'Rejected: the applicant is blocked on this platform. Contact the platform team.' });
    expect(await rg.ledger.get(demoPlatform, no)).toMatchObject({ state: 'decided', outcome: 'reject', note: tcmpp!.ApprovalNote });
  });

  it('escalates a major version, shows it pending, and sends the reviewer\'s approval', async () => {
    const no = await rg.addApproval({ MNPId: 'mpk1z6d3rb8nqg5u', MNPVersion: '5.0.0', ApplicationId: 'app-a7k3m2p9xz' });
    const handle = await rg.start(no);
    const state = await awaitStage(handle, 'awaiting-review');
    expect(state.decision).toMatchObject({ outcome: 'escalate', failSafe: false });
    expect(await rg.ledger.get(demoPlatform, no)).toMatchObject({ state: 'pending', policyOutcome: 'escalate' });
    expect((await rg.emulator.admin.getApproval(demoPlatform, no))!.history).toHaveLength(0);

    const answer = await handle.executeUpdate(decideUpdate, { args: [{ reviewer: 'mei.tan', outcome: 'approve', note: 'Reviewed the changelog' }] });
    expect(answer).toMatchObject({ accepted: true, finalOutcome: 'approve', approvalsStillNeeded: 0 });
    const result = await handle.result();
    expect(result).toMatchObject({ outcome: 'approve', source: 'reviewer', decidedBy: ['mei.tan'] });
    expect(await rg.emulator.admin.getApproval(demoPlatform, no)).toMatchObject({ ApprovalStatus: 3, ApprovalNote: 'Reviewed the changelog' });
    expect(await rg.ledger.get(demoPlatform, no)).toMatchObject({ state: 'decided', source: 'reviewer', decidedBy: 'mei.tan', reviewerDecisions: [expect.objectContaining({ reviewer: 'mei.tan' })] });
  });

  it('sends a reviewer\'s rejection with its note, after refusing the Updates it must refuse', async () => {
    const no = await rg.addApproval({ MNPId: 'mpx6p2d9gl4mwh8s', MNPVersion: '2.1.0-rc.1' });
    const handle = await rg.start(no);
    const state = await awaitStage(handle, 'awaiting-review');
    expect(state.requiredApprovals).toBe(2);

    const refused = async (input: unknown) => {
      const err = await handle.executeUpdate(decideUpdate, { args: [input as never] }).then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
      return (err as WorkflowUpdateFailedError).cause?.message;
    };
    expect(await refused({ reviewer: 'mei.tan', outcome: 'reject' })).toMatch(/note: required when rejecting/);
    expect(await refused({ reviewer: 'mei.tan', outcome: 'reject', note: 'x'.repeat(501) })).toMatch(/over the limit of 500/);
    expect(await refused({ reviewer: '', outcome: 'approve' })).toMatch(/reviewer: required/);
    expect(await refused({ reviewer: 'mei.tan', outcome: 'maybe' })).toMatch(/outcome: must be/);

    // Four eyes: one approval is not enough, and the same reviewer cannot count twice.
    expect(await handle.executeUpdate(decideUpdate, { args: [{ reviewer: 'mei.tan', outcome: 'approve' }] })).toMatchObject({ accepted: true, approvalsStillNeeded: 1 });
    expect(await refused({ reviewer: 'mei.tan', outcome: 'approve' })).toMatch(/already decided/);
    await handle.executeUpdate(decideUpdate, { args: [{ reviewer: 'raj.k', outcome: 'reject', note: 'Crashes on Android 9' }] });

    expect(await handle.result()).toMatchObject({ outcome: 'reject', source: 'reviewer', decidedBy: ['raj.k'] });
    expect(await rg.emulator.admin.getApproval(demoPlatform, no)).toMatchObject({ ApprovalStatus: 2, ApprovalNote: 'Crashes on Android 9' });
    // Once decided, the workflow is not waiting for anyone: a late decision is refused.
    const late = await handle.executeUpdate(decideUpdate, { args: [{ reviewer: 'late', outcome: 'approve' }] }).then(() => undefined, (e: unknown) => e as Error);
    expect(late).toBeInstanceOf(Error);
    expect(late!.message).toMatch(/already completed/i);
  });

  it('refuses a decision for a workflow that is not waiting for one', async () => {
    const no = await rg.addApproval({ MNPId: 'mpq3f8h2ks0dlx1a', MNPVersion: '2.5.0' });
    const handle = await rg.start(no);
    await handle.result();
    const err = await handle.executeUpdate(decideUpdate, { args: [{ reviewer: 'mei.tan', outcome: 'approve' }] }).then(() => undefined, (e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect(err!.message).toMatch(/already completed/i);
  });

  it('starts nothing when the same approval is picked up twice, and intake skips what is decided', async () => {
    const no = await rg.addApproval({ MNPId: 'mpq3f8h2ks0dlx1a', MNPVersion: '2.9.0' });
    const approval = { ...(await rg.tcmpp.findMNPApproval(demoPlatform, no)).approval!, ApprovalNo: no };
    const [first, second] = await Promise.all([rg.starter.start(demoPlatform, approval, 'intake'), rg.starter.start(demoPlatform, approval, 'api')]);
    expect([first, second].filter((r) => r === 'started')).toHaveLength(1);
    await rg.handle(no).result();
    expect(await rg.starter.start(demoPlatform, approval, 'intake')).toBe('already-finished');
    expect((await rg.emulator.admin.getApproval(demoPlatform, no))!.history).toHaveLength(1);
  });

  it('intake picks up every processing approval of a platform once, however often it runs', async () => {
    const run = () => rg.stack.client.workflow.execute<typeof intakeWorkflow>('intakeWorkflow', {
      taskQueue: rg.workers.approvalsTaskQueue, workflowId: `intake-test-${randomUUID()}`, args: [{ platformId: demoPlatform }],
    });
    const processing = (await rg.tcmpp.listAllMNPApprovals({ PlatformId: demoPlatform, ApprovalStatusList: [1] })).items.length;
    const [first, second] = await Promise.all([run(), run()]);
    expect(first.listed).toBe(processing);
    expect(first.started + second.started).toBe(processing);
    expect(first.unusable).toBe(0);
    const third = await run();
    expect(third.started).toBe(0);
  });
});
