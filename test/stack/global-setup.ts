// Started once for the whole test run (vitest globalSetup): one real Temporal dev server, one real PostgreSQL,
// and one bundle of the workflows. Test files reach them through inject() and test/stack/index.ts.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../db/embedded.js';
import { fastTransferQueueFlags, temporalCliPath } from '../../temporal/cli-binary.js';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    postgresAdminUrl: string;
    workflowBundlePath: string;
  }
}

const root = new URL('../../', import.meta.url).pathname;

export default async function setup(project: TestProject) {
  // Unique per run, so several runs (or agents) on one machine do not collide.
  const runDir = join(root, '.data', 'test', `run-${process.pid}-${Date.now()}`);
  mkdirSync(runDir, { recursive: true });
  const started = Date.now();

  const parts = await Promise.allSettled([
    TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: temporalCliPath() },
        ip: '127.0.0.1',
        extraArgs: [...fastTransferQueueFlags],
      },
    }),
    startTestPostgres(runDir),
    bundleTestWorkflows(runDir),
  ]);
  const failure = parts.find((p): p is PromiseRejectedResult => p.status === 'rejected');
  if (failure) {
    // Do not leave a server running behind a failed start.
    const [t, p] = parts;
    if (t.status === 'fulfilled') await t.value.teardown();
    if (p.status === 'fulfilled') await p.value.stop();
    throw failure.reason;
  }
  const [temporal, postgres, bundlePath] = parts.map((p) => (p as PromiseFulfilledResult<unknown>).value) as [
    TestWorkflowEnvironment, Awaited<ReturnType<typeof startTestPostgres>>, string,
  ];
  console.log(`test stack up in ${Date.now() - started} ms: Temporal ${temporal.address}, PostgreSQL ${postgres.shown}`);

  project.provide('temporalAddress', temporal.address);
  project.provide('postgresAdminUrl', postgres.adminUrl);
  project.provide('workflowBundlePath', bundlePath);

  return async () => {
    await temporal.teardown();
    await postgres.stop();
    rmSync(runDir, { recursive: true, force: true });
  };
}

/** DATABASE_URL's server when set (each test file still gets a database of its own), else an embedded one. */
async function startTestPostgres(runDir: string) {
  if (process.env.DATABASE_URL) {
    const admin = new URL(process.env.DATABASE_URL);
    const shown = new URL(admin);
    shown.password = shown.password ? '***' : '';
    return { adminUrl: admin.toString(), shown: shown.toString(), stop: async () => {} };
  }
  const pg = await startEmbeddedPostgres({ dataDir: join(runDir, 'postgres'), port: await freePort(), database: 'release_gate_test', ephemeral: true });
  return { adminUrl: pg.adminUrl, shown: pg.adminUrl.replace(/:[^:@/]+@/, ':***@'), stop: pg.stop };
}

async function bundleTestWorkflows(runDir: string): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: join(root, 'test', 'workflows', 'index.ts'),
    logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
  });
  const path = join(runDir, 'workflow-bundle.js');
  writeFileSync(path, code);
  return path;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
