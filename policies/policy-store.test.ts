import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../db/pool.js';
import { createTestDatabase } from '../test/stack/index.js';
import { policyContentHash } from './canonical-hash.js';
import { PolicyInvalidError, PolicyVersionNotFoundError } from './errors.js';
import { formatPolicyDiff } from './policy-diff.js';
import { createPolicyStore, type PolicyStore } from './policy-store.js';
import { basePolicy, variantPolicy } from './test-policies.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let store: PolicyStore;
const tmp = mkdtempSync(join(tmpdir(), 'policy-store-'));

beforeAll(async () => {
  db = await createTestDatabase();
  store = createPolicyStore(db.pool);
});
afterAll(async () => {
  await db.drop();
  rmSync(tmp, { recursive: true, force: true });
});

/** The same content with every object's keys in reverse order, as another editor might save it. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  }
  return value;
}

describe('the policy store', () => {
  it('publishes an immutable version, and the same content again returns that version', async () => {
    expect(await store.getActive()).toBeUndefined();
    expect(await store.showActive()).toBeUndefined();
    const first = await store.publish(basePolicy(), { author: 'alice', note: 'first cut' });
    expect(first).toMatchObject({ version: 1, created: true, hash: policyContentHash(basePolicy()) });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);

    const again = await store.publish(reverseKeys(basePolicy()), { author: 'bob' });
    expect(again).toMatchObject({ version: 1, created: false, hash: first.hash });

    const versions = await store.list();
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, name: 'store-test', author: 'alice', note: 'first cut', ruleCount: 3, active: false });
    expect(versions[0]!.publishedAt).toBeInstanceOf(Date);

    // The database itself refuses to rewrite history.
    await expect(db.pool.query(`UPDATE policy_versions SET author = 'mallory' WHERE version = 1`)).rejects.toThrow(/append-only/);
    await expect(db.pool.query('DELETE FROM policy_versions WHERE version = 1')).rejects.toThrow(/append-only/);
  });

  it('refuses an invalid policy with every one of the validator\'s messages, and stores nothing', async () => {
    const broken = basePolicy();
    const rules = broken.rules as Record<string, unknown>[];
    rules[0] = { ...rules[0], event: { type: 'reject' } };
    rules[1] = { ...rules[1], conditions: { all: [{ fact: 'release', path: '$.bump', operator: 'gt', value: 'patch' }] } };
    const err = await store.publish(broken, { author: 'alice' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PolicyInvalidError);
    const problems = (err as PolicyInvalidError).problems;
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['rules[1].conditions.all[0].operator']));
    expect(problems.some((p) => p.path.startsWith('rules[0].event'))).toBe(true);
    for (const p of problems) expect((err as Error).message).toContain(p.message);
    expect(await store.list()).toHaveLength(1);
    await expect(store.publish(basePolicy(), { author: '  ' })).rejects.toThrow(/author/);
  });

  it('activates versions, logs who did it, and serves the latest activation to the worker', async () => {
    await expect(store.activate(99)).rejects.toBeInstanceOf(PolicyVersionNotFoundError);
    expect(await store.activate(1, { activatedBy: 'alice' })).toEqual({ version: 1, previous: undefined, changed: true });
    expect(await store.activate(1, { activatedBy: 'alice' })).toEqual({ version: 1, previous: 1, changed: false });

    const v2 = await store.publish(variantPolicy(), { author: 'bob' });
    expect(v2).toMatchObject({ version: 2, created: true });
    expect((await store.getActive())?.version).toBe(1);
    expect(await store.activate(2, { activatedBy: 'bob' })).toEqual({ version: 2, previous: 1, changed: true });

    const active = await store.getActive();
    expect(active).toMatchObject({ version: 2, hash: v2.hash });
    expect(policyContentHash(active!.document)).toBe(v2.hash);
    expect(active!.document).toEqual(variantPolicy());
    expect(await store.showActive()).toMatchObject({ version: 2, hash: v2.hash, active: true, document: variantPolicy(), activations: [{ activatedBy: 'bob' }] });

    const shown = await store.show(1);
    expect(shown).toMatchObject({ version: 1, active: false, author: 'alice' });
    expect(shown.activations.map((a) => a.activatedBy)).toEqual(['alice']);
    expect((await store.list()).map((v) => v.active)).toEqual([false, true]);
    await expect(store.show(42)).rejects.toThrow('no policy version 42');
  });

  it('diffs two versions: settings, rules added, removed and changed with a line diff', async () => {
    const d = await store.diff(1, 2);
    expect(d.identical).toBe(false);
    expect(d.rulesAdded).toEqual(['escalate-first-release']);
    expect(d.rulesRemoved).toEqual(['escalate-major']);
    expect(d.rulesChanged.map((c) => c.label)).toEqual(['rules["approve-patch"]']);
    expect(d.settingsChanged.map((c) => c.label)).toEqual(['escalation']);
    const changed = d.rulesChanged[0]!.lines;
    expect(changed).toContain('-     "all": [');
    expect(changed).toContain('+     "any": [');
    expect(changed.some((l) => l.startsWith('+') && l.includes('"minor"'))).toBe(true);
    // Unchanged lines far from any change are left out.
    expect(changed.some((l) => l.includes('patch releases go through'))).toBe(false);

    const text = formatPolicyDiff(d);
    expect(text).toContain('--- version 1');
    expect(text).toContain('+ escalate-first-release');
    expect(text).toContain('- escalate-major');
    expect(text).toContain('+     "sec@example.com"');
    expect(text).toContain('1 added, 1 removed, 1 changed rules; 1 changed settings');
    expect(formatPolicyDiff(await store.diff(2, 2))).toContain('identical content');
  });
});

describe('the initial policy', () => {
  it('is published and activated once, however many workers start at the same moment', async () => {
    const fresh = await createTestDatabase();
    const file = join(tmp, 'initial.policy.json');
    writeFileSync(file, JSON.stringify(basePolicy(), null, 2));
    // Each pool stands for a worker process of its own.
    const pools: pg.Pool[] = Array.from({ length: 6 }, () => createPool(fresh.url, undefined, 2));
    try {
      const results = await Promise.all(pools.map((p) => createPolicyStore(p).ensureInitialPolicy(file, 'worker')));
      expect(results.filter((r) => r.published)).toHaveLength(1);
      expect(results.every((r) => r.version === 1)).toBe(true);
      const seeded = createPolicyStore(fresh.pool);
      expect(await seeded.list()).toMatchObject([{ version: 1, author: 'worker', active: true, note: `initial policy from ${file}` }]);
      const { rows } = await fresh.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM policy_activations');
      expect(rows[0]!.n).toBe(1);
      expect(await seeded.ensureInitialPolicy(file, 'worker')).toEqual({ published: false, version: 1 });
    } finally {
      await Promise.all(pools.map((p) => p.end()));
      await fresh.drop();
    }
  });

  it('refuses an invalid or unreadable file with its name, leaving the store empty', async () => {
    const fresh = await createTestDatabase();
    try {
      const seeded = createPolicyStore(fresh.pool);
      const bad = join(tmp, 'bad.policy.json');
      writeFileSync(bad, JSON.stringify({ ...basePolicy(), defaultOutcome: 'maybe' }));
      await expect(seeded.ensureInitialPolicy(bad, 'worker')).rejects.toThrow(new RegExp(`${bad}.*invalid[\\s\\S]*defaultOutcome`));
      await expect(seeded.ensureInitialPolicy(join(tmp, 'missing.json'), 'worker')).rejects.toThrow('missing.json: no such file');
      writeFileSync(join(tmp, 'garbled.json'), '{ "name": ');
      await expect(seeded.ensureInitialPolicy(join(tmp, 'garbled.json'), 'worker')).rejects.toThrow(/garbled\.json: /);
      expect(await seeded.list()).toEqual([]);
      expect(await seeded.getActive()).toBeUndefined();
    } finally {
      await fresh.drop();
    }
  });
});
