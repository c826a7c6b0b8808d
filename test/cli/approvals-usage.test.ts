// The approval commands as a user runs them (a child process of bin/release-gate.js): each has a --help with
// examples, and every bad argument stops with exit 2 and a message naming the option. No stack needed: all of
// these fail or finish before any connection is made.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const releaseGate = (...args: string[]) => runCli(args);

describe('release-gate approval commands: help', () => {
  it.each([
    ['submit', ['--platform <id>', 'release-gate submit aud8k2m5q1x7z3w9pa --platform']],
    ['decide', ['--reviewer <name>', '--approve', '--reject', '--note <text>', "--reject --note 'Crashes on login'"]],
    ['show', ['--platform <id>', '--json']],
    ['decisions', ['--since <when>', '--outcome <outcome>', '--state <state>', '--limit <n>', '--json', 'release-gate decisions --since 24h']],
    ['pending', ['--platform <id>', '--reviewer <name>', 'release-gate pending']],
    ['api', ['--host <address>', 'API_TOKEN', 'POST /api/approvals']],
  ])('%s --help shows its options and examples', async (command, expected) => {
    const run = await releaseGate(command, '--help');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Usage: release-gate ${command}`);
    expect(run.stdout).toContain('Examples:');
    for (const text of expected) expect(run.stdout).toContain(text);
  });

  it('lists every approval command in the top-level help', async () => {
    const run = await releaseGate('--help');
    for (const command of ['submit', 'decide', 'show', 'decisions', 'pending', 'api']) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });
});

describe('release-gate approval commands: bad arguments exit 2 naming what is wrong', () => {
  it.each([
    [['submit', 'aud1'], /required option '--platform <id>' not specified/],
    [['submit', 'aud 1', '--platform', 'P1'], /value 'aud 1' is invalid for argument 'approvalNo'.*letters, digits/],
    [['submit', 'aud1', '--platform', 'P/1'], /option '--platform <id>' argument 'P\/1' is invalid/],
    [['decide', 'aud1', '--platform', 'P1', '--approve'], /required option '--reviewer <name>' not specified/],
    [['decide', 'aud1', '--platform', 'P1', '--reviewer', 'alice'], /--approve or --reject: one of them is required/],
    [['decide', 'aud1', '--platform', 'P1', '--reviewer', 'alice', '--approve', '--reject', '--note', 'x'], /option '--approve' cannot be used with option '--reject'/],
    [['decide', 'aud1', '--platform', 'P1', '--reviewer', 'alice', '--reject'], /--note: required with --reject/],
    [['decide', 'aud1', '--platform', 'P1', '--reviewer', '  ', '--approve'], /option '--reviewer <name>' argument ' {2}' is invalid/],
    [['show', '--platform', 'P1'], /missing required argument 'approvalNo'/],
    [['decisions', '--since', 'yesterday'], /option '--since <when>' argument 'yesterday' is invalid.*duration back from now \(30m, 24h/],
    [['decisions', '--since', '2026-13-45'], /option '--since <when>' argument '2026-13-45' is invalid/],
    [['decisions', '--outcome', 'escalate'], /option '--outcome <outcome>' argument 'escalate' is invalid.*approve, reject, pending/],
    [['decisions', '--state', 'done'], /option '--state <state>' argument 'done' is invalid.*pending, decided, conflict, failed/],
    [['decisions', '--limit', '0'], /option '--limit <n>' argument '0' is invalid.*1 to 1000/],
    [['decisions', '--limit', '5000'], /option '--limit <n>' argument '5000' is invalid/],
    [['decisions', '--bogus'], /unknown option '--bogus'/],
    [['pending', '--limit', 'many'], /option '--limit <n>' argument 'many' is invalid/],
    [['api', '--port', '70000'], /option '--port <port>' argument '70000' is invalid/],
  ])('%j', async (args, message) => {
    const run = await releaseGate(...args);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  });

  it('names a bad configuration variable and exits 2 before connecting anywhere', async () => {
    const run = await runCli(['decisions'], { TEMPORAL_ADDRESS: 'nowhere', API_TOKEN: 'short' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/TEMPORAL_ADDRESS: must be host:port/);
    expect(run.stderr).toMatch(/API_TOKEN: must be at least 16 characters/);
    expect(run.stderr).not.toContain('short');
  });
});
