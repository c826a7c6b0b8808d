// The whole release-gate for a test file, on the shared stack: a TCMPP emulator over HTTP, a database of its
// own with a published policy, the real activities (TCMPP client behind the account-wide limiter, ledger,
// policy store) and workers on task queues of their own. Every end-to-end test builds on this one helper.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/server.js';
import type { NewApproval } from '../../emulator/admin-types.js';
import { createApprovalStarter } from '../../intake/approval-starter.js';
import { createLedger, type Ledger } from '../../ledger/ledger-store.js';
import { createLogger, type Logger } from '../../logging/logger.js';
import { createPolicyStore, type PolicyStore } from '../../policies/policy-store.js';
import { accountRateLimit } from '../../runtime/services.js';
import { createTcmppClient, type TcmppClient } from '../../tcmpp/client.js';
import type { DescribeMNPApprovalListData } from '../../tcmpp/types.js';
import type { ApprovalStarter } from '../../activities/pick-up-approvals.js';
import { approvalWorkflowId } from '../../workflows/approval/ids.js';
import { stateQuery } from '../../workflows/approval/messages.js';
import type { ApprovalSettings, ApprovalStage, ApprovalState } from '../../workflows/approval/types.js';
import type { approvalWorkflow } from '../../workflows/approval/workflow.js';
import { newTaskQueues, useTestStack, type RunningTestWorkers, type TestStack } from './index.js';

export const demoPlatform = 'T04257DS9431720WTAG';
export const expiredPlatform = 'T07781XK2203915QPLM';

export interface ReleaseGateOptions {
  /** The policy published and activated at start (default: test/stack/test-policy.json). */
  policy?: unknown;
  emulator?: EmulatorOptions;
  /** Account-wide ProcessMNPApproval rate (default 1000: tests that are not about the limit should not wait). */
  ratePerSecond?: number;
  noteMaxLength?: number;
  /** Start a pair of workers before the tests (default true). */
  startWorkers?: boolean;
}

export interface ReleaseGateUnderTest {
  stack: TestStack;
  emulator: RunningEmulator;
  tcmpp: TcmppClient;
  ledger: Ledger;
  policies: PolicyStore;
  starter: ApprovalStarter;
  /** The pair started before the tests (unless startWorkers: false). */
  workers: RunningTestWorkers;
  /** The task queues every worker of this file polls. */
  queues: { approvals: string; submit: string };
  settings: ApprovalSettings;
  logLines: string[];
  /** Starts another pair of workers on the same task queues: a second worker process, in effect. */
  startWorkers(): Promise<RunningTestWorkers>;
  /** Adds a processing approval to the emulator (fresh ApprovalNo unless given) and returns its number. */
  addApproval(overrides: Partial<NewApproval> & Pick<NewApproval, 'MNPId' | 'MNPVersion'>): Promise<string>;
  /** Starts its approval workflow the way intake does, and returns the handle. */
  start(approvalNo: string, platformId?: string): Promise<WorkflowHandle<typeof approvalWorkflow>>;
  handle(approvalNo: string, platformId?: string): WorkflowHandle<typeof approvalWorkflow>;
}

export function useReleaseGate(opts: ReleaseGateOptions = {}): ReleaseGateUnderTest {
  const stack = useTestStack({ database: true });
  const rg = { stack, logLines: [] as string[] } as unknown as ReleaseGateUnderTest;

  beforeAll(async () => {
    rg.emulator = await startEmulator({ rateLimitPerSecond: 20, ...opts.emulator });
    const logger: Logger = createLogger('test', { level: 'debug', write: (line) => rg.logLines.push(line) });
    rg.tcmpp = createTcmppClient(rg.emulator.clientOptions({
      timeoutSeconds: 2, logger, beforeRequest: accountRateLimit(stack.pool, opts.ratePerSecond ?? 1000),
    }));
    rg.ledger = createLedger(stack.pool);
    rg.policies = createPolicyStore(stack.pool);
    const published = await rg.policies.publish(opts.policy ?? (await import('./test-policy.json', { with: { type: 'json' } })).default, { author: 'test' });
    await rg.policies.activate(published.version);

    rg.queues = newTaskQueues();
    rg.settings = { noteMaxLength: opts.noteMaxLength ?? 500, submitTaskQueue: rg.queues.submit, submitRetry: { initialIntervalMs: 200, maximumIntervalMs: 1000 } };
    rg.starter = createApprovalStarter({ client: stack.client, taskQueue: rg.queues.approvals, settings: rg.settings });
    const activities = createActivities({
      tcmpp: rg.tcmpp, ledger: rg.ledger, policies: rg.policies, starter: rg.starter, logger,
      facts: { policyTimeZone: 'UTC', tcmppTimeZone: 'UTC', historyWindowDays: 30 },
    });
    rg.startWorkers = () => stack.startWorkers({
      approvalActivities: { ...activities.approval, ...activities.intake },
      submitActivities: activities.submit,
      submitRatePerSecond: opts.ratePerSecond ?? 1000,
      taskQueues: rg.queues,
    });
    if (opts.startWorkers !== false) rg.workers = await rg.startWorkers();
  });

  afterAll(async () => {
    await rg.emulator?.stop();
  });

  const added = new Map<string, DescribeMNPApprovalListData & { ApprovalNo: string }>();
  rg.addApproval = async (overrides) => {
    const view = await rg.emulator.admin.addApproval({
      PlatformId: demoPlatform, ApplicationId: 'app-cc6g35711m', ApplyUser: 'lin.wei',
      ApprovalNo: `audtest${randomUUID().replace(/-/g, '').slice(0, 11)}`, ...overrides,
    });
    const { history: _history, PlatformId: _platform, ...approval } = view;
    added.set(view.ApprovalNo, approval);
    return view.ApprovalNo;
  };
  rg.handle = (approvalNo, platformId = demoPlatform) => stack.client.workflow.getHandle<typeof approvalWorkflow>(approvalWorkflowId(platformId, approvalNo));
  rg.start = async (approvalNo, platformId = demoPlatform) => {
    // Approvals this file added start from what the emulator answered, sparing TCMPP a read (load tests add 100).
    let approval = added.get(approvalNo);
    if (!approval) {
      const found = await rg.tcmpp.findMNPApproval(platformId, approvalNo);
      if (!found.approval?.ApprovalNo) throw new Error(`test setup: the emulator has no approval ${approvalNo} on ${platformId}`);
      approval = { ...found.approval, ApprovalNo: found.approval.ApprovalNo };
    }
    await rg.starter.start(platformId, approval, 'cli');
    return rg.handle(approvalNo, platformId);
  };
  return rg;
}

/** Waits until the approval workflow reports `stage` (awaiting-review, say), and returns its state then. */
export async function awaitStage(handle: WorkflowHandle<typeof approvalWorkflow>, stage: ApprovalStage): Promise<ApprovalState> {
  for (let i = 0; i < 200; i++) {
    // Until its first workflow task has run, the workflow cannot answer the query.
    const state = await handle.query(stateQuery).catch(() => undefined);
    if (state?.stage === stage) return state;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`workflow ${handle.workflowId} never reached stage ${stage}`);
}
