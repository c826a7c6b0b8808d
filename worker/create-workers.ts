// The two workers of a release-gate process, built the same way in production, `make dev` and tests:
// - approvals: the workflows and the local activities they call (fetching facts, loading the policy, the ledger);
// - submit: only the TCMPP submission, on a task queue of its own so its rate limit covers the whole queue.
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';

export type WorkflowSource = { workflowsPath: string } | { workflowBundle: { codePath: string } };

export interface WorkerSetup {
  connection: NativeConnection;
  namespace: string;
  approvalsTaskQueue: string;
  submitTaskQueue: string;
  /** Calls per second for the whole submit queue, across all workers (Temporal's backstop; see DESIGN.md). */
  submitRatePerSecond: number;
  workflows: WorkflowSource;
  approvalActivities: object;
  submitActivities: object;
  /** Extra options for tests (for example a shorter shutdown grace time). */
  overrides?: Partial<WorkerOptions>;
}

export const defaultWorkflowsPath = new URL('../workflows/index.ts', import.meta.url).pathname;

export interface ReleaseGateWorkers {
  approvals: Worker;
  /** Absent when there are no submit activities to register (Temporal refuses a worker with nothing to do). */
  submit?: Worker;
  /** Runs both until shutdown() (or a fatal error in either). */
  run(): Promise<void>;
  shutdown(): void;
}

export async function createWorkers(setup: WorkerSetup): Promise<ReleaseGateWorkers> {
  const common = { connection: setup.connection, namespace: setup.namespace, shutdownGraceTime: '30s', ...setup.overrides };
  const hasSubmitActivities = Object.keys(setup.submitActivities).length > 0;
  const [approvals, submit] = await Promise.all([
    Worker.create({
      ...common,
      taskQueue: setup.approvalsTaskQueue,
      ...setup.workflows,
      activities: setup.approvalActivities,
    }),
    hasSubmitActivities
      ? Worker.create({
          ...common,
          taskQueue: setup.submitTaskQueue,
          activities: setup.submitActivities,
          maxTaskQueueActivitiesPerSecond: setup.submitRatePerSecond,
        })
      : undefined,
  ]);
  const all = submit ? [approvals, submit] : [approvals];
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    for (const w of all) if (w.getState() === 'RUNNING') w.shutdown();
  };
  const run = async () => {
    // If one worker fails, stop the other too instead of leaving a half-alive process.
    const results = await Promise.allSettled(all.map((w) => w.run().catch((e: unknown) => { shutdown(); throw e; })));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  };
  return { approvals, ...(submit ? { submit } : {}), run, shutdown };
}
