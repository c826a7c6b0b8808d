import { describe, expect, it } from 'vitest';
import baseCase from './cases/approve-patch-trusted-team.json' with { type: 'json' };
import type { ConditionNode, PolicyDecision } from './decision.js';
import { evaluate } from './evaluate.js';
import type { Outcome } from './facts.js';

const opts = { noteMaxLength: 500, policyHash: 'test-hash', policyVersion: 7 };
const facts = (tags: string[] = []) => ({ ...structuredClone(baseCase.facts), miniProgram: { ...baseCase.facts.miniProgram, tags } });
const tagRule = (name: string, type: Outcome, params: Record<string, unknown> = {}) => ({
  name, description: `fires on tag ${name}`,
  conditions: { all: [{ fact: 'miniProgram', path: '$.tags', operator: 'contains', value: name }] },
  event: { type, params: type === 'reject' ? { note: `${name} note`, ...params } : params },
});
const tagPolicy = (defaultOutcome?: Outcome) => ({
  name: 'precedence',
  ...(defaultOutcome ? { defaultOutcome } : {}),
  escalation: { reviewers: ['lead'], requiredApprovals: 1, deadlineHours: 24, onDeadline: 'reject' },
  rules: [
    tagRule('r1', 'reject'), tagRule('r2', 'reject'),
    tagRule('e1', 'escalate', { reviewers: ['alice'], requiredApprovals: 2 }), tagRule('e2', 'escalate', { reviewers: ['bob', 'alice'], requiredApprovals: 3 }),
    tagRule('a1', 'approve'),
  ],
});
const leaves = (n: ConditionNode): ConditionNode[] => (n.kind === 'condition' ? [n] : n.children.flatMap(leaves));

describe('evaluate: precedence (reject > escalate > approve > default)', () => {
  const rows: [string[], Outcome | undefined, Outcome][] = [
    [['r1'], undefined, 'reject'],
    [['r1', 'e1'], undefined, 'reject'],
    [['r1', 'a1'], undefined, 'reject'],
    [['r1', 'e1', 'a1'], 'approve', 'reject'],
    [['e1'], undefined, 'escalate'],
    [['e1', 'a1'], 'approve', 'escalate'],
    [['a1'], undefined, 'approve'],
    [['a1'], 'reject', 'approve'],
    [[], undefined, 'escalate'],
    [[], 'escalate', 'escalate'],
    [[], 'approve', 'approve'],
    [[], 'reject', 'reject'],
  ];
  it.each(rows)('tags %j with default %s give %s', async (tags, defaultOutcome, outcome) => {
    const d = await evaluate(tagPolicy(defaultOutcome), facts(tags), opts);
    expect(d.outcome).toBe(outcome);
    expect(d.failSafe).toBe(false);
    expect(d.firedRules.map((r) => r.name).sort()).toEqual([...tags].sort());
    expect(d.note.length).toBeGreaterThan(0);
    expect(d.escalation === null).toBe(outcome !== 'escalate');
    expect(d.policy).toEqual({ name: 'precedence', version: 7, hash: 'test-hash' });
    expect(d.reasons.join(' ')).toContain(tags.length === 0 ? `default outcome applies: ${outcome}` : `outcome ${outcome}`);
  });

  it('joins the notes of every reject rule and cuts them to noteMaxLength', async () => {
    const d = await evaluate(tagPolicy(), facts(['r1', 'r2', 'e1']), opts);
    expect(d.note).toBe('r1 note; r2 note');
    const short = await evaluate(tagPolicy(), facts(['r1', 'r2']), { ...opts, noteMaxLength: 8 });
    expect(short.note).toBe('r1 note…');
    expect(short.note.length).toBe(8);
  });

  it('merges escalation settings: reviewers united, the most approvals, the policy deadline', async () => {
    const d = await evaluate(tagPolicy(), facts(['e1', 'e2', 'a1']), opts);
    expect(d.escalation).toEqual({ reviewers: ['lead', 'alice', 'bob'], requiredApprovals: 3, deadlineHours: 24, onDeadline: 'reject' });
    const bare = await evaluate({ name: 'bare', rules: [tagRule('e1', 'escalate')] }, facts(['e1']), opts);
    expect(bare.escalation).toEqual({ reviewers: [], requiredApprovals: 1, deadlineHours: null, onDeadline: 'remain-pending' });
    expect(bare.reasons).toContain('rule "e1" fired: escalate');
  });
});

describe('evaluate: fail safe to escalate', () => {
  const expectFailSafe = (d: PolicyDecision, reason: RegExp) => {
    expect(d.outcome).toBe('escalate');
    expect(d.failSafe).toBe(true);
    expect(d.escalation).not.toBeNull();
    expect(d.reasons.join('\n')).toMatch(reason);
  };
  const approveAll = (cond: Record<string, unknown>) => ({ name: 'p', defaultOutcome: 'approve', rules: [{ name: 'ok', description: 'd', conditions: { all: [cond] }, event: { type: 'approve' } }] });

  it('an invalid policy (unknown fact), naming the problem', async () => {
    expectFailSafe(await evaluate(approveAll({ fact: 'relase', operator: 'equal', value: 1 }), facts(), opts), /rules\[0\]\.conditions\.all\[0\]\.fact: unknown fact "relase" \(did you mean "release"\?\)/);
  });

  it('no policy at all, or not an object', async () => {
    for (const p of [null, undefined, 'text', 42, [], {}]) expectFailSafe(await evaluate(p, facts(), opts), /the policy is invalid/);
  });

  it('null facts', async () => {
    const d = await evaluate(approveAll({ fact: 'release', path: '$.bump', operator: 'equal', value: 'patch' }), null, opts);
    expectFailSafe(d, /no facts were gathered/);
    expect(d.explanation).toHaveLength(1);
  });

  it('a missing fact the policy reads', async () => {
    const f: Record<string, unknown> = facts();
    delete f.release;
    expectFailSafe(await evaluate(approveAll({ fact: 'release', path: '$.bump', operator: 'equal', value: 'patch' }), f, opts), /fact release is unusable: missing/);
  });

  it('a mistyped fact the policy reads', async () => {
    const f = facts();
    (f.release as Record<string, unknown>).bump = 5;
    expectFailSafe(await evaluate(approveAll({ fact: 'release', path: '$.bump', operator: 'notEqual', value: 'major' }), f, opts), /fact release\.bump is unusable/);
  });

  it('but a problem in a fact the policy does not read is only reported', async () => {
    const f: Record<string, unknown> = facts();
    delete f.history;
    const d = await evaluate(approveAll({ fact: 'release', path: '$.bump', operator: 'equal', value: 'patch' }), f, opts);
    expect(d.outcome).toBe('approve');
    expect(d.failSafe).toBe(false);
    expect(d.reasons.join('\n')).toMatch(/facts the policy does not read had problems \(history: missing/);
  });

  it('an operator that throws, even under not: (which would turn its false into true)', async () => {
    const f = facts();
    f.release.version = 'banana';
    const d = await evaluate(approveAll({ fact: 'release', path: '$.version', operator: 'not:semverGreaterThan', value: '9.0.0' }), f, opts);
    expectFailSafe(d, /operator semverGreaterThan failed: .*"banana" is not a version/);
    const leaf = leaves(d.explanation[0]!.conditions)[0]!;
    expect(leaf).toMatchObject({ factValue: 'banana', error: expect.stringContaining('banana') as unknown });
  });

  it('facts that are not an object, even for a policy with no rules and an approve default', async () => {
    for (const f of ['facts', 42, [], true]) expectFailSafe(await evaluate({ name: 'open', defaultOutcome: 'approve', rules: [] }, f, opts), /fact \(all facts\) is unusable: must be an object/);
  });

  it('an unusable noteMaxLength', async () => {
    expectFailSafe(await evaluate(tagPolicy(), facts(['a1']), { ...opts, noteMaxLength: 0 }), /noteMaxLength/);
  });
});

describe('evaluate: the explanation', () => {
  it('covers every rule and every leaf, with fact, path, operator, expected value, fact value and result', async () => {
    const d = await evaluate(tagPolicy(), facts(['e1']), opts);
    expect(d.explanation.map((r) => [r.name, r.fired])).toEqual([['r1', false], ['r2', false], ['e1', true], ['e2', false], ['a1', false]]);
    for (const rule of d.explanation) {
      const [leaf] = leaves(rule.conditions);
      expect(leaf).toEqual({ kind: 'condition', at: expect.stringMatching(/^rules\[\d\]\.conditions\.all\[0\]$/) as unknown, fact: 'miniProgram', path: '$.tags', operator: 'contains', expected: rule.name, factValue: ['e1'], result: rule.fired, skipped: false });
    }
  });

  it('marks the conditions json-rules-engine skipped, with the fact values read from the facts', async () => {
    const policy = {
      name: 'skips',
      rules: [
        { name: 'all-short-circuit', description: 'd', event: { type: 'approve' }, conditions: { all: [
          { fact: 'release', path: '$.bump', operator: 'equal', value: 'major', priority: 10 },
          { fact: 'team', path: '$.id', operator: 'equal', value: 'team-7k2m9q', priority: 1 },
          { any: [{ fact: 'clock', path: '$.hour', operator: 'lessThan', value: 12 }], priority: 1 },
        ] } },
        { name: 'any-short-circuit', description: 'd', event: { type: 'escalate' }, conditions: { any: [
          { fact: 'release', path: '$.bump', operator: 'equal', value: 'patch', priority: 5 },
          { fact: 'miniProgram', path: '$.name', operator: 'matchesPattern', value: '^Parcel', priority: 1 },
        ] } },
      ],
    };
    const d = await evaluate(policy, facts(), opts);
    expect(d.outcome).toBe('escalate');
    const [first, second] = d.explanation;
    const l1 = leaves(first!.conditions);
    expect(l1.map((l) => [l.result, l.skipped])).toEqual([[false, false], [null, true], [null, true]]);
    expect(l1[1]).toMatchObject({ fact: 'team', path: '$.id', factValue: 'team-7k2m9q', expected: 'team-7k2m9q' });
    expect(l1[2]).toMatchObject({ fact: 'clock', factValue: 10, expected: 12 });
    const group = (first!.conditions as { children: ConditionNode[] }).children[2]!;
    expect(group).toMatchObject({ kind: 'any', skipped: true, result: null });
    expect(first!.conditions).toMatchObject({ result: false, skipped: false });
    expect(leaves(second!.conditions).map((l) => [l.result, l.skipped, l.kind === 'condition' ? l.factValue : null])).toEqual([[true, false, 'patch'], [null, true, 'Parcel Pickup']]);
  });

  it('is deterministic: the same inputs give the same decision', async () => {
    const a = await evaluate(tagPolicy(), facts(['r1', 'e2', 'a1']), opts);
    const b = await evaluate(tagPolicy(), facts(['r1', 'e2', 'a1']), opts);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
