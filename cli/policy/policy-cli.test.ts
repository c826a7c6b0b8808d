// The file commands (validate, test, explain) as a user runs them: a child process with no environment beyond
// PATH and HOME, so they prove they need neither configuration nor a database.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { policyContentHash } from '../../policies/canonical-hash.js';
import { registerPolicyCommands } from '../commands/policy.js';
import { runCli } from '../../test/cli/run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'policy-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const defaultPolicy = 'rules/default.policy.json';
const caseCount = readdirSync(new URL('../../rules/cases/', import.meta.url)).filter((f) => f.endsWith('.json')).length;
const readJson = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const write = (name: string, content: unknown) => {
  const path = join(tmp, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
};

function brokenPolicy(): string {
  const doc = readJson(defaultPolicy);
  const rules = doc.rules as { conditions: { all: Record<string, unknown>[] }; event: Record<string, unknown> }[];
  rules[0]!.event = { type: 'reject' };
  rules[3]!.conditions.all[0]!.operator = 'gt';
  return write('broken.policy.json', doc);
}

describe('release-gate policy validate', () => {
  it('passes the default policy with a one-line summary', async () => {
    const r = await runCli(['policy', 'validate', defaultPolicy]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^rules\/default\.policy\.json: valid policy "superapp-default": 8 rules \(3 reject, 4 escalate, 1 approve\), default escalate, sha256 [0-9a-f]{12}\n$/);
  });

  it('fails a broken policy with each problem on its own line, prefixed by the file and the path', async () => {
    const file = brokenPolicy();
    const r = await runCli(['policy', 'validate', file]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain(`${file}: rules[3].conditions.all[0].operator: unknown operator "gt" (did you mean "greaterThan"?)`);
    expect(lines.some((l) => l.startsWith(`${file}: rules[0].event`) && /note/.test(l))).toBe(true);
    expect(lines.every((l) => l.startsWith(`${file}: rules[`))).toBe(true);
    expect(r.stderr).toContain(`${file} is not a valid policy (${lines.length} problems)`);
  });

  it('says where a file stops being JSON, and when there is no file', async () => {
    const garbled = write('garbled.json', '{\n  "name": "x",\n  "rules": [\n}');
    const r = await runCli(['policy', 'validate', garbled]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${garbled}: not valid JSON at line 4`));
    const missing = await runCli(['policy', 'validate', join(tmp, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.json: no such file');
  });
});

describe('release-gate policy test', () => {
  it('runs rules/cases/*.json by default and passes every case of the default policy', async () => {
    const r = await runCli(['policy', 'test', defaultPolicy]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^CASE\s+RESULT\s+EXPECTED\s+ACTUAL\s+FIRED RULES$/m);
    expect(r.stdout).toMatch(/^escalate-major-version\s+PASS\s+escalate\s+escalate\s+major-version$/m);
    expect(r.stdout).toContain(`PASS: ${caseCount}/${caseCount}`);
    expect(r.stdout).not.toContain('FAIL');
  });

  it('reports a failing case with expected against actual, and exits 1', async () => {
    const wrong = readJson('rules/cases/escalate-major-version.json');
    wrong.expect = { outcome: 'approve', firedRules: ['trusted-routine-release'] };
    const failing = write('wrong-expectation.json', wrong);
    const r = await runCli(['policy', 'test', defaultPolicy, 'rules/cases/reject-plan-expired.json', failing]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^reject-plan-expired\s+PASS\s/m);
    expect(r.stdout).toMatch(/^wrong-expectation\s+FAIL\s+approve\s+escalate\s+major-version$/m);
    expect(r.stdout).toContain(`${failing}: expected approve, got escalate`);
    expect(r.stdout).toContain('"trusted-routine-release" to fire');
    expect(r.stdout).toContain('PASS: 1/2');
    expect(r.stdout).toContain('FAIL: 1/2');

    const json = await runCli(['policy', 'test', defaultPolicy, failing, '--json']);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { passed: number; failed: number; results: { name: string; passed: boolean; actual: string }[] };
    expect(parsed).toMatchObject({ passed: 0, failed: 1, results: [{ name: 'wrong-expectation', passed: false, actual: 'escalate' }] });
  });

  it('does not run cases against an invalid policy', async () => {
    const r = await runCli(['policy', 'test', brokenPolicy()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('unknown operator "gt"');
    expect(r.stdout).not.toContain('PASS');
  });
});

describe('release-gate policy explain', () => {
  it('explains a decision for people, and as JSON for machines', async () => {
    const facts = 'rules/cases/escalate-major-version.json';
    const text = await runCli(['policy', 'explain', defaultPolicy, facts]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^outcome: escalate$/m);
    expect(text.stdout).toContain('major-version');
    expect(text.stdout).toContain('release.bump equal "major"');

    const json = await runCli(['policy', 'explain', defaultPolicy, facts, '--json']);
    const decision = JSON.parse(json.stdout) as { outcome: string; failSafe: boolean; firedRules: { name: string }[]; policy: { hash: string } };
    expect(decision).toMatchObject({ outcome: 'escalate', failSafe: false, firedRules: [{ name: 'major-version' }] });
    expect(decision.policy.hash).toBe(policyContentHash(readJson(defaultPolicy)));
  });

  it('explains an invalid policy as the worker treats it: escalate, fail-safe', async () => {
    const json = await runCli(['policy', 'explain', brokenPolicy(), 'rules/cases/approve-patch-trusted-team.json', '--json']);
    expect(json.code).toBe(0);
    const decision = JSON.parse(json.stdout) as { outcome: string; failSafe: boolean; reasons: string[] };
    expect(decision).toMatchObject({ outcome: 'escalate', failSafe: true });
    expect(decision.reasons.join('\n')).toContain('unknown operator "gt"');
  });

  it('refuses a bad note length with a usage error', async () => {
    const r = await runCli(['policy', 'explain', defaultPolicy, 'rules/cases/escalate-major-version.json', '--note-max-length', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--note-max-length');
  });
});

describe('release-gate policy --help', () => {
  it('shows an example for every command', async () => {
    // In this process: nine more child processes would only prove commander prints help.
    for (const command of ['validate', 'test', 'explain', 'publish', 'activate', 'list', 'show', 'diff', 'active']) {
      let help = '';
      const program = new Command('release-gate').exitOverride().configureOutput({ writeOut: (s) => { help += s; } });
      registerPolicyCommands(program);
      expect(() => program.parse(['policy', command, '--help'], { from: 'user' }), command).toThrow(CommanderError);
      expect(help, command).toContain(`Examples:\n  $ release-gate policy ${command}`);
    }
    const viaBin = await runCli(['policy', '--help']);
    expect(viaBin.code).toBe(0);
    expect(viaBin.stdout).toContain('publish [options] <file>');
  });
});
