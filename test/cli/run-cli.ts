// Runs bin/release-gate.js as a child process, the way a user does, with exactly the environment given, from the
// project root (so relative paths such as rules/default.policy.json mean the same in every test).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const releaseGateBin = fileURLToPath(new URL('../../bin/release-gate.js', import.meta.url));
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Only PATH and HOME of the caller's environment pass through, so no developer setting leaks into a test. */
export function cliEnv(env: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env };
}

/** `code` is -1 when the command did not exit by itself (killed at the timeout): a hang, never a plain failure. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [releaseGateBin, ...args], { cwd: projectRoot, env: cliEnv(env), timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A long-running command (release-gate api): its output so far, and a way to wait for its exit. */
export function spawnCli(args: readonly string[], env: Record<string, string> = {}): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [releaseGateBin, ...args], { cwd: projectRoot, env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}
