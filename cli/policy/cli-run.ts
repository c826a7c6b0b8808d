// Runs the real command line (bin/release-gate.js) as a child process for the CLI tests, with an environment
// of the test's choosing only, so a test proves what a user's shell would see.
import { execFile } from 'node:child_process';

const bin = new URL('../../bin/release-gate.js', import.meta.url).pathname;
const root = new URL('../../', import.meta.url).pathname;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
