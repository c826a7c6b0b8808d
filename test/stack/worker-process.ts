// A real `release-gate worker` process for a test file's deployment: the CLI as users run it, configured by
// environment to poll the file's task queues, its database and its emulator. Tests kill it, or stop it with
// SIGTERM, to prove what survives a worker's death.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { inject, onTestFinished } from 'vitest';
import type { ReleaseGateUnderTest } from './release-gate.js';

const cli = new URL('../../bin/release-gate.js', import.meta.url).pathname;

export interface WorkerProcess {
  child: ChildProcess;
  /** Every log line it wrote (JSON), for assertions and for failure messages. */
  lines: string[];
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
}

export async function startWorkerProcess(rg: ReleaseGateUnderTest, opts: { ratePerSecond: number }): Promise<WorkerProcess> {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    DATABASE_URL: rg.stack.databaseUrl,
    ...rg.emulator.env(),
    TASK_QUEUE_APPROVALS: rg.queues.approvals,
    TASK_QUEUE_SUBMIT: rg.queues.submit,
    TCMPP_RATE_LIMIT_PER_SECOND: String(opts.ratePerSecond),
    TCMPP_TIMEOUT_SECONDS: '2',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
  };
  const child = spawn(process.execPath, [cli, 'worker'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (line) => lines.push(line));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  // A test that fails half-way must not leave a worker polling behind it.
  onTestFinished(() => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); });

  // Ready once it says it polls: it has bundled the workflows, connected and registered both workers.
  const deadline = Date.now() + 90_000;
  while (!lines.some((l) => l.includes('"worker polling"'))) {
    const early = await Promise.race([exited, new Promise<undefined>((r) => setTimeout(() => r(undefined), 200))]);
    if (early !== undefined || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`release-gate worker did not start (${early === undefined ? 'timed out' : `exited ${String(early)}`}):\n${lines.slice(-20).join('\n')}`);
    }
  }
  return { child, lines, exited };
}
