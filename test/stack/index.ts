// The one helper test files use to reach the shared stack (test/stack/global-setup.ts): a Temporal client,
// workers on task queues of their own, and a fresh PostgreSQL database with the migrations applied.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { migrate } from '../../db/migrate.js';
import { createPool } from '../../db/pool.js';
import { createLogger } from '../../logging/logger.js';
import { createWorkers, type ReleaseGateWorkers, type WorkerSetup } from '../../worker/create-workers.js';
import { installTemporalRuntime } from '../../worker/temporal-runtime.js';

export interface TestStack {
  client: Client;
  nativeConnection: NativeConnection;
  /** A pool on this file's own database, migrated. Only with `{ database: true }`. */
  pool: pg.Pool;
  databaseUrl: string;
  /** Starts both workers on fresh task queues (so files never steal each other's tasks); stopped after the file. */
  startWorkers(opts: Partial<Pick<WorkerSetup, 'approvalActivities' | 'submitActivities' | 'submitRatePerSecond' | 'overrides'>> & {
    /** Join these task queues (a second worker of the same deployment) instead of fresh ones. */
    taskQueues?: { approvals: string; submit: string };
  }): Promise<RunningTestWorkers>;
}

export interface RunningTestWorkers extends ReleaseGateWorkers {
  approvalsTaskQueue: string;
  submitTaskQueue: string;
  /** Shuts both down and waits until they have drained. */
  stop(): Promise<void>;
}

export function useTestStack(opts: { database?: boolean } = {}): TestStack {
  const stack = {} as TestStack;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    // The SDK's info logs (worker state changes) drown test output; warnings and errors still show.
    installTemporalRuntime(createLogger('temporal-sdk', { level: 'warn', format: 'pretty' }), 'warn');
    const address = inject('temporalAddress');
    const connection = await Connection.connect({ address });
    stack.client = new Client({ connection, namespace: 'default' });
    stack.nativeConnection = await NativeConnection.connect({ address });
    cleanups.push(async () => { await stack.nativeConnection.close(); await connection.close(); });

    if (opts.database) {
      const db = await createTestDatabase();
      stack.pool = db.pool;
      stack.databaseUrl = db.url;
      cleanups.push(db.drop);
    }

    stack.startWorkers = async (workerOpts) => {
      const queues = workerOpts.taskQueues ?? newTaskQueues();
      const approvalsTaskQueue = queues.approvals;
      const submitTaskQueue = queues.submit;
      const workers = await createWorkers({
        connection: stack.nativeConnection,
        namespace: 'default',
        approvalsTaskQueue,
        submitTaskQueue,
        submitRatePerSecond: workerOpts.submitRatePerSecond ?? 1000,
        workflows: { workflowBundle: { codePath: inject('workflowBundlePath') } },
        approvalActivities: workerOpts.approvalActivities ?? {},
        submitActivities: workerOpts.submitActivities ?? {},
        overrides: { shutdownGraceTime: '5s', ...workerOpts.overrides },
      });
      const running = workers.run();
      const stop = async () => { workers.shutdown(); await running; };
      cleanups.push(stop);
      return { ...workers, approvalsTaskQueue, submitTaskQueue, stop };
    };
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  return stack;
}

/** Task queue names no other test file uses. */
export function newTaskQueues(): { approvals: string; submit: string } {
  const id = randomUUID().slice(0, 8);
  return { approvals: `test-approvals-${id}`, submit: `test-submit-${id}` };
}

/** A database of its own for one test file, created on the shared server and dropped after. */
export async function createTestDatabase(): Promise<{ pool: pg.Pool; url: string; drop: () => Promise<void> }> {
  const adminUrl = inject('postgresAdminUrl');
  const name = `test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = createPool(url.toString());
  await migrate(pool);
  return {
    pool,
    url: url.toString(),
    drop: async () => {
      await pool.end();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
