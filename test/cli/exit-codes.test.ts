// Exit codes across the command groups, set once on the program (cli/main.ts): bad usage exits 2 in every group,
// help and --version exit 0. No stack needed: each of these stops before any connection is made.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('release-gate exit codes', () => {
  it.each([
    [['policy', 'validate'], /missing required argument 'file'/],
    [['policy', 'nosuch'], /unknown command 'nosuch'/],
    [['audit', 'export'], /required option '--out <dir>' not specified/],
    [['audit', 'verify', '--since', 'yesterday'], /option '--since <when>' argument 'yesterday' is invalid/],
    [['worker', '--bogus'], /unknown option '--bogus'/],
  ])('%j is bad usage: exit 2', async (args, message) => {
    const run = await runCli(args);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
  });

  it.each([[['--version']], [['audit', 'show', '--help']], [['policy', '--help']]])('%j exits 0', async (args) => {
    const run = await runCli(args);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toBe('');
  });
});
