// Every path of the approval workflow, each driven to its end on the real stack (useReleaseGate): the emulator's
// faults shape the submission paths the way test/approval/submission-faults.test.ts does. The recording script
// stores their histories in test/histories/; the audit tests run some of them live.
import type { WorkflowHandle } from '@temporalio/client';
import type { FaultSettingsInput } from '../../emulator/admin-types.js';
import { decideUpdate } from '../../workflows/approval/messages.js';
import type { approvalWorkflow } from '../../workflows/approval/workflow.js';
import { awaitStage, demoPlatform, expiredPlatform, type ReleaseGateUnderTest } from '../stack/release-gate.js';

export type ApprovalHandle = WorkflowHandle<typeof approvalWorkflow>;

export interface WorkflowPath {
  /** File name stem in test/histories/. */
  name: string;
  /** Runs the path to its end and returns the workflow's handle (the workflow may have failed, by design). */
  run(rg: ReleaseGateUnderTest): Promise<ApprovalHandle>;
}

/** Runs `start` with the emulator's faults set, and clears them after, whatever happens. */
async function withFaults<T>(rg: ReleaseGateUnderTest, faults: FaultSettingsInput, start: () => Promise<T>): Promise<T> {
  await rg.emulator.admin.setFaults(faults);
  try {
    return await start();
  } finally {
    await rg.emulator.admin.clearFaults();
  }
}

/** Waits for the end, success or failure (the non-retryable path fails the workflow on purpose). */
async function settled(handle: ApprovalHandle): Promise<ApprovalHandle> {
  await handle.result().catch(() => undefined);
  return handle;
}

export const workflowPaths: WorkflowPath[] = [
  {
    name: 'auto-approve',
    run: async (rg) => settled(await rg.start(await rg.addApproval({ MNPId: 'mpq3f8h2ks0dlx1a', MNPVersion: '2.4.3' }))),
  },
  {
    name: 'auto-reject',
    run: async (rg) => settled(await rg.start(await rg.addApproval({ MNPId: 'mpn8t4x7ya2cev0j', MNPVersion: '5.1.6', ApplyUser: 'blocked_vendor_0417' }))),
  },
  {
    name: 'escalate-then-approve',
    run: async (rg) => {
      const handle = await rg.start(await rg.addApproval({ MNPId: 'mpk1z6d3rb8nqg5u', MNPVersion: '5.0.0', ApplicationId: 'app-a7k3m2p9xz' }));
      await awaitStage(handle, 'awaiting-review');
      await handle.executeUpdate(decideUpdate, { args: [{ reviewer: 'mei.tan', outcome: 'approve', note: 'Reviewed the changelog' }] });
      return settled(handle);
    },
  },
  {
    name: 'escalate-then-reject',
    // A prerelease needs two approvals (four eyes): one reviewer approves, the second rejects, which ends it.
    run: async (rg) => {
      const handle = await rg.start(await rg.addApproval({ MNPId: 'mpx6p2d9gl4mwh8s', MNPVersion: '2.1.0-rc.2' }));
      await awaitStage(handle, 'awaiting-review');
      await handle.executeUpdate(decideUpdate, { args: [{ reviewer: 'mei.tan', outcome: 'approve' }] });
      await handle.executeUpdate(decideUpdate, { args: [{ reviewer: 'raj.k', outcome: 'reject', note: 'Crashes on Android 9' }] });
      return settled(handle);
    },
  },
  {
    name: 'retries-then-success',
    run: async (rg) => {
      const no = await rg.addApproval({ MNPId: 'mpq3f8h2ks0dlx1a', MNPVersion: '2.6.1' });
      return withFaults(rg, { errors: [{ action: 'ProcessMNPApproval', code: 'InternalError', rate: 1, count: 3 }] }, async () => settled(await rg.start(no)));
    },
  },
  {
    name: 'reconciled-after-unknown-outcome',
    run: async (rg) => {
      const no = await rg.addApproval({ MNPId: 'mpq3f8h2ks0dlx1a', MNPVersion: '2.7.2' });
      return withFaults(rg, { appliedThenUnanswered: [{ action: 'ProcessMNPApproval', count: 1, mode: 'reset' }] }, async () => settled(await rg.start(no)));
    },
  },
  {
    name: 'conflict-with-console',
    run: async (rg) => {
      const no = await rg.addApproval({ MNPId: 'mpk1z6d3rb8nqg5u', MNPVersion: '6.0.0', ApplicationId: 'app-a7k3m2p9xz' });
      const handle = await rg.start(no);
      await awaitStage(handle, 'awaiting-review');
      await rg.tcmpp.processMNPApproval({ ApprovalNo: no, PlatformId: demoPlatform, ApprovalItems: [{ AppId: 'app-a7k3m2p9xz', ApprovalResult: 2, ApprovalNote: 'Rejected in the console' }] });
      await handle.executeUpdate(decideUpdate, { args: [{ reviewer: 'mei.tan', outcome: 'approve' }] });
      return settled(handle);
    },
  },
  {
    name: 'non-retryable-failure',
    // The expired platform's reads still answer, so the policy approves the patch; ProcessMNPApproval answers
    // PackageAlreadyExpired, and the submission fails for good.
    run: async (rg) => {
      const no = await rg.addApproval({ PlatformId: expiredPlatform, ApplicationId: 'app-h2r8w5k1pn', MNPId: 'mpe4t9w2hk7cq1vz', MNPVersion: '1.6.1', ApplyUser: 'harbour_dev' });
      return settled(await rg.start(no, expiredPlatform));
    },
  },
];
