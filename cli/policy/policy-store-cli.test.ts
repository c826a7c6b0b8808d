import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyContentHash } from '../../policies/canonical-hash.js';
import { basePolicy, variantPolicy } from '../../policies/test-policies.js';
import { createTestDatabase } from '../../test/stack/index.js';
import { runCli } from '../../test/cli/run-cli.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let env: Record<string, string>;
const tmp = mkdtempSync(join(tmpdir(), 'policy-store-cli-'));
const file = (name: string, doc: unknown) => {
  const path = join(tmp, name);
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return path;
};

beforeAll(async () => {
  db = await createTestDatabase();
  env = { DATABASE_URL: db.url, USER: 'cli-tester' };
});
afterAll(async () => {
  await db.drop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('release-gate policy (store commands)', () => {
  it('publishes, lists, activates, shows, diffs and reports the active version', async () => {
    const none = await runCli(['policy', 'active'], env);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no active policy');

    const base = file('base.policy.json', basePolicy());
    const published = await runCli(['policy', 'publish', base, '--note', 'first'], env);
    expect(published.stderr).toBe('');
    expect(published.code).toBe(0);
    expect(published.stdout).toContain(`published ${base} as version 1 (sha256 ${policyContentHash(basePolicy())})`);

    const again = await runCli(['policy', 'publish', base], env);
    expect(again.stdout).toContain('already published as version 1');

    const variant = file('variant.policy.json', variantPolicy());
    const second = await runCli(['policy', 'publish', variant, '--author', 'alice', '--activate'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('as version 2');
    expect(second.stdout).toContain('activated version 2');

    const list = await runCli(['policy', 'list'], env);
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^VERSION\s+ACTIVE\s+NAME\s+RULES\s+AUTHOR\s+PUBLISHED\s+HASH\s+NOTE$/);
    expect(lines[1]).toMatch(/^1\s+store-test\s+3\s+cli-tester\s+\S+Z\s+[0-9a-f]{12}\s+first$/);
    expect(lines[2]).toMatch(/^2\s+\*\s+store-test\s+3\s+alice\s/);

    const activated = await runCli(['policy', 'activate', '1'], env);
    expect(activated.stdout).toContain('activated version 1 (was version 2)');
    const active = await runCli(['policy', 'active', '--json'], env);
    expect(JSON.parse(active.stdout)).toMatchObject({ version: 1, name: 'store-test', hash: policyContentHash(basePolicy()), activatedBy: 'cli-tester' });

    const shown = await runCli(['policy', 'show', '2'], env);
    expect(shown.stdout).toMatch(/^version\s+2\n/);
    expect(shown.stdout).toContain('by alice');
    const doc = await runCli(['policy', 'show', '2', '--document'], env);
    expect(JSON.parse(doc.stdout)).toEqual(variantPolicy());

    const diff = await runCli(['policy', 'diff', '1', '2'], env);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('+ escalate-first-release');
    expect(diff.stdout).toContain('- escalate-major');
    expect(diff.stdout).toContain('changed rules["approve-patch"]:');
  });

  it('refuses an invalid policy with each problem and its path, and bad versions with a usage error', async () => {
    const broken = basePolicy();
    (broken.rules as Record<string, unknown>[])[0]!.event = { type: 'reject' };
    const path = file('broken.policy.json', broken);
    const refused = await runCli(['policy', 'publish', path], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(new RegExp(`^${path}: rules\\[0\\]\\.event`, 'm'));
    expect(refused.stderr).toContain('was not published');

    const missing = await runCli(['policy', 'show', '99'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no policy version 99');
    const bad = await runCli(['policy', 'activate', 'latest'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('VERSION must be a version number');
  });

  it('names the database it cannot reach', async () => {
    const unreachable = await runCli(['policy', 'list'], { DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none' });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('cannot reach PostgreSQL at postgres://nobody:***@127.0.0.1:1/none');
    expect(unreachable.stderr).not.toContain('secret');
  });
});
