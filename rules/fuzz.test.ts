// No input, however malformed, makes evaluate() approve unless an approve rule really fired and no reject or
// escalate rule did. Seeded, so a failure reproduces: the seed and the mutation are in the message.
import { describe, expect, it } from 'vitest';
import baseCase from './cases/approve-patch-trusted-team.json' with { type: 'json' };
import defaultPolicy from './default.policy.json' with { type: 'json' };
import type { PolicyDecision } from './decision.js';
import { evaluate } from './evaluate.js';
import { operatorNames } from './operators/index.js';
import { validatePolicy } from './validate.js';

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const junk: unknown[] = [null, undefined, 0, -1, 1e308, NaN, '', 'approve', 'major', '$.bump', true, false, [], {}, [null], { all: [] }, { any: [{}] },
  { fact: 'release' }, { fact: 'clock', path: '$.hour' }, '(a+)+$', 'x'.repeat(2000), { pattern: '.*' }, ['patch', 'minor'], { weekdays: ['mon'] }];

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

/** One random change somewhere in a JSON tree: replace, delete, or rename a value; describes what it did. */
function mutate(root: unknown, r: Rand): string {
  const containers: [Record<string, unknown> | unknown[], string | number, string][] = [];
  const walk = (v: unknown, at: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => { containers.push([v, i, `${at}[${i}]`]); walk(x, `${at}[${i}]`); });
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) { containers.push([v as Record<string, unknown>, k, `${at}.${k}`]); walk(x, `${at}.${k}`); }
  };
  walk(root, '');
  const [parent, key, at] = pick(r, containers);
  const roll = r();
  if (roll < 0.15 && !Array.isArray(parent)) { delete parent[key as string]; return `delete ${at}`; }
  if (roll < 0.3 && key === 'operator') { const op = pick(r, [...operatorNames, 'not:equal', 'gt', 'someFact:in']); (parent as Record<string, unknown>)[key] = op; return `${at} = ${op}`; }
  if (roll < 0.4 && key === 'type') { (parent as Record<string, unknown>)[key] = 'approve'; return `${at} = approve`; }
  if (roll < 0.45 && !Array.isArray(parent)) { const v = parent[key as string]; delete parent[key as string]; parent[`${String(key)}x`] = v; return `rename ${at}`; }
  const value = structuredClone(pick(r, junk));
  (parent as Record<string | number, unknown>)[key] = value;
  return `${at} = ${JSON.stringify(value)?.slice(0, 40)}`;
}

/** The default policy's approval, written by hand: what a correct approve must satisfy. */
function defaultPolicyMayApprove(f: typeof baseCase.facts): boolean {
  const x = f as unknown as Record<string, Record<string, unknown>>;
  const rel = x.release ?? {};
  const mp = x.miniProgram ?? {};
  const clock = x.clock ?? {};
  return ['patch', 'minor'].includes(rel.bump as string) && rel.prerelease === false && (rel.releasedVersionCount as number) >= 1
    && rel.firstRelease !== true && mp.status === 'released' && typeof mp.ageDays === 'number' && mp.ageDays >= 30
    && ['team-7k2m9q', 'team-3xw8pd'].includes(x.team?.id as string) && x.sensitiveApis?.pendingCount === 0
    && ['mon', 'tue', 'wed', 'thu', 'fri'].includes(clock.weekday as string) && (clock.hour as number) >= 9 && (clock.hour as number) < 18
    && !['blocked_vendor_0417', 'former_contractor_ops'].includes(x.approval?.applicant as string) && x.platform?.planExpired === false;
}

function checkApproveIsEarned(d: PolicyDecision, policy: unknown, context: string) {
  expect(['approve', 'reject', 'escalate'], context).toContain(d.outcome);
  expect(() => JSON.stringify(d), context).not.toThrow();
  if (d.outcome !== 'approve') return;
  expect(d.failSafe, context).toBe(false);
  expect(d.firedRules.filter((r) => r.type !== 'approve'), context).toEqual([]);
  const validation = validatePolicy(policy);
  expect(validation.ok, context).toBe(true);
  const approveFired = d.explanation.some((e) => e.fired && e.type === 'approve' && e.conditions.result === true);
  const byDefault = d.firedRules.length === 0 && validation.ok && validation.policy.defaultOutcome === 'approve';
  expect(approveFired || byDefault, context).toBe(true);
}

const opts = { noteMaxLength: 500, policyHash: 'fuzz' };

describe('fuzz: malformed input never approves unearned', () => {
  it('mutated policies (1-3 random changes each) with good facts', async () => {
    const r = prng(20261204);
    let approvals = 0;
    for (let i = 0; i < 400; i++) {
      const policy = structuredClone(defaultPolicy) as unknown;
      const changes = Array.from({ length: 1 + Math.floor(r() * 3) }, () => mutate(policy, r));
      const d = await evaluate(policy, structuredClone(baseCase.facts), opts);
      checkApproveIsEarned(d, policy, `policy #${i}: ${changes.join('; ')}`);
      if (d.outcome === 'approve') approvals++;
    }
    // The unmutated facts approve; some harmless mutations must still approve, or the test proves nothing.
    expect(approvals).toBeGreaterThan(0);
  });

  it('mutated facts (1-3 random changes each) against the default policy, checked by a hand-written decision', async () => {
    const r = prng(4);
    let approvals = 0;
    for (let i = 0; i < 400; i++) {
      const facts = structuredClone(baseCase.facts);
      const changes = Array.from({ length: 1 + Math.floor(r() * 3) }, () => mutate(facts, r));
      const d = await evaluate(defaultPolicy, facts, opts);
      const context = `facts #${i}: ${changes.join('; ')}`;
      checkApproveIsEarned(d, defaultPolicy, context);
      if (d.outcome !== 'approve') continue;
      approvals++;
      expect(defaultPolicyMayApprove(facts), context).toBe(true);
    }
    // As above: some harmless changes to the facts must still approve, or the hand-written check never ran.
    expect(approvals).toBeGreaterThan(0);
  });

  it('wholly wrong inputs', async () => {
    for (const policy of [...junk, defaultPolicy]) {
      for (const facts of [...junk, baseCase.facts]) {
        const d = await evaluate(policy, facts, opts);
        checkApproveIsEarned(d, policy, `${JSON.stringify(policy)?.slice(0, 40)} / ${JSON.stringify(facts)?.slice(0, 40)}`);
      }
    }
  });
});
