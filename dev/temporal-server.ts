// The Temporal dev server of `make dev`: SQLite persistence under .data/, web UI on 8233.
import { spawn, type ChildProcess } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { devServerDynamicConfig, temporalCliPath } from '../temporal/cli-binary.js';

export interface DevTemporal {
  address: string;
  uiUrl: string;
  stop: () => Promise<void>;
}

export async function startDevTemporal(opts: { dbFile: string; port: number; uiPort: number; namespace: string; onLog: (line: string) => void }): Promise<DevTemporal> {
  const binary = temporalCliPath();
  const child = spawn(
    binary,
    ['server', 'start-dev', '--db-filename', opts.dbFile, '--ip', '127.0.0.1', '--port', String(opts.port),
      '--ui-port', String(opts.uiPort), '--namespace', opts.namespace, '--log-level', 'warn', ...devServerDynamicConfig],
    // A process group of its own: Ctrl-C in the terminal reaches only release-gate, which drains the worker
    // first and stops the server last (a server that died with the worker could not take its final results).
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8').on('data', (chunk: string) => chunk.split('\n').filter(Boolean).forEach(opts.onLog));
  }
  const address = `127.0.0.1:${opts.port}`;
  await Promise.race([
    waitForFrontend(address, opts.namespace),
    exited.then((code) => { throw new Error(`temporal server exited with code ${code} before it was ready (port ${opts.port} in use?)`); }),
  ]);
  return { address, uiUrl: `http://localhost:${opts.uiPort}`, stop: () => stopChild(child, exited) };
}

async function waitForFrontend(address: string, namespace: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: '1s' });
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return;
      } finally {
        await connection.close();
      }
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`temporal server at ${address} not ready after ${timeoutMs / 1000} s: ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
