import { describe, expect, it } from 'vitest';
import defaultPolicy from './default.policy.json' with { type: 'json' };
import baseCase from './cases/approve-patch-trusted-team.json' with { type: 'json' };
import { evaluate } from './evaluate.js';
import { formatProblem, parsePolicyText, validatePolicy } from './validate.js';

const rule = (conditions: unknown, extra: Record<string, unknown> = {}) => ({ name: 'r', description: 'd', conditions, event: { type: 'escalate' }, ...extra });
const leaf = (over: Record<string, unknown> = {}) => ({ fact: 'release', path: '$.bump', operator: 'equal', value: 'major', ...over });
const problems = (doc: unknown): string[] => {
  const v = validatePolicy(doc);
  return v.ok ? [] : v.errors.map(formatProblem);
};

describe('validatePolicy', () => {
  it('accepts the default policy without warnings', () => {
    const v = validatePolicy(defaultPolicy);
    expect(v.ok && v.warnings).toEqual([]);
  });

  it('names the place and the fault, with a suggestion', () => {
    const doc = { name: 'p', rules: [rule({ all: [leaf(), leaf({ operator: 'gt', path: '$.releasedVersionCount', value: 1 })] })] };
    expect(problems(doc)).toEqual(['rules[0].conditions.all[1].operator: unknown operator "gt" (did you mean "greaterThan"?)']);
  });

  it('reports every problem, not just the first', () => {
    const doc = {
      name: '', defaultOutcom: 'approve', escalation: { requiredApprovals: 0, onDeadline: 'later' },
      rules: [
        rule({ all: [leaf({ fact: 'relase' }), leaf({ path: '$.bumpp' }), leaf({ value: 'mayor' }), leaf({ operator: 'lessThan' })] }, { event: { type: 'reject' } }),
        rule({ any: [] }, { event: { type: 'aprove', params: { reviewers: ['x'] } } }),
        rule({ not: leaf({ path: '$.version', operator: 'semverGreaterThan', value: 'two' }) }),
      ],
    };
    const found = problems(doc);
    const expected = [
      /^defaultOutcom: unknown key "defaultOutcom" in the policy \(did you mean "defaultOutcome"\?\)/,
      /^name: must not be empty$/,
      /^escalation\.requiredApprovals: must be a whole number from 1 to 20 \(got 0\)$/,
      /^escalation\.onDeadline: must be one of "reject", "remain-pending" \(got "later"\)$/,
      /^rules\[0\]\.conditions\.all\[0\]\.fact: unknown fact "relase" \(did you mean "release"\?\)/,
      /^rules\[0\]\.conditions\.all\[1\]\.path: unknown field "bumpp" in release \(did you mean "bump"\?\)/,
      /^rules\[0\]\.conditions\.all\[2\]\.value: must be one of "major", .* \(got "mayor"\)/,
      /^rules\[0\]\.conditions\.all\[3\]\.operator: lessThan: compares numbers/,
      /^rules\[0\]\.event\.params\.note: a reject rule must carry a note/,
      /^rules\[1\]\.conditions\.any: must list at least one condition$/,
      /^rules\[1\]\.event\.type: must be one of "approve", "reject", "escalate" \(got "aprove"\) \(did you mean "approve"\?\)$/,
      /^rules\[1\]\.event\.params\.reviewers: applies to escalate rules only/,
      /^rules\[1\]\.name: duplicate rule name "r" \(also rules\[0\]\)$/,
      /^rules\[2\]\.conditions\.not\.value: must be a version such as "2\.0\.0" \(got "two"\) \(for semverGreaterThan on release\.version/,
      /^rules\[2\]\.name: duplicate rule name "r"/,
    ];
    expect(found).toHaveLength(expected.length);
    for (const pattern of expected) expect(found.some((p) => pattern.test(p)), `${String(pattern)} in\n${found.join('\n')}`).toBe(true);
  });

  it('checks values against fact types, fact references and decorators', () => {
    const doc = { name: 'p', rules: [rule({ all: [
      leaf({ fact: 'clock', path: undefined, operator: 'withinTimeWindow', value: { weekdays: ['mon', 'funday'] } }),
      leaf({ fact: 'miniProgram', path: '$.tags', operator: 'someFact:matchesPattern', value: '^beta' }),
      leaf({ fact: 'miniProgram', path: '$.tags', operator: 'swap:contains', value: 'x' }),
      leaf({ fact: 'release', path: '$.version', operator: 'semverGreaterThan', value: { fact: 'release', path: '$.previousVersion' } }),
      leaf({ fact: 'release', path: '$.version', operator: 'semverGreaterThan', value: { fact: 'release', path: '$.releasedVersionCount' } }),
      leaf({ path: '$..bump' }),
      leaf({ params: {} }),
    ] })] };
    const found = problems(doc);
    expect(found).toEqual([
      expect.stringMatching(/^rules\[0\]\.conditions\.all\[0\]\.value: "weekdays": "funday" is not one of mon/),
      expect.stringMatching(/^rules\[0\]\.conditions\.all\[2\]\.operator: the swap decorator is not supported/),
      expect.stringMatching(/^rules\[0\]\.conditions\.all\[4\]\.value: semverGreaterThan needs string \(version\) here, and the value fact is integer/),
      expect.stringMatching(/^rules\[0\]\.conditions\.all\[5\]\.path: only plain paths/),
      expect.stringMatching(/^rules\[0\]\.conditions\.all\[6\]\.params: unknown key "params" in a condition: fact params are not supported/),
    ]);
  });

  it('parsePolicyText gives the line and column of broken JSON', () => {
    const r = parsePolicyText('{\n  "name": "x",\n  "rules": [,]\n}');
    expect(r).toMatchObject({ ok: false, line: 3, column: 13 });
    expect(!r.ok && r.error).toMatch(/^not valid JSON at line 3, column 13: Unexpected token ','\n {4}"rules": \[,\]$/);
    expect(parsePolicyText('{"name": "x", "rules": []}')).toEqual({ ok: true, value: { name: 'x', rules: [] } });
    expect(parsePolicyText('  ')).toMatchObject({ ok: false, error: expect.stringContaining('empty') as unknown });
  });
});

describe('hostile policies are refused, cheaply', () => {
  const nested = (depth: number): unknown => (depth === 0 ? leaf() : { all: [nested(depth - 1)] });

  it('nesting deeper than 8 groups', () => {
    expect(problems({ name: 'p', rules: [rule(nested(8))] })).toEqual([]);
    expect(problems({ name: 'p', rules: [rule(nested(9))] })).toEqual([expect.stringMatching(/^rules\[0\]\.conditions(\.all\[0\]){8}: conditions are nested more than 8 groups deep$/)]);
  });

  it('nesting so deep that serializing it would overflow the stack', () => {
    let doc: unknown = leaf();
    for (let i = 0; i < 200_000; i++) doc = { all: [doc] };
    const started = performance.now();
    expect(problems({ name: 'p', rules: [rule(doc)] })).toEqual([expect.stringMatching(/not plain JSON|characters long/)]);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('10,000 rules', () => {
    const rules = Array.from({ length: 10_000 }, (_, i) => rule({ all: [leaf()] }, { name: `r${i}` }));
    // Refused by size before anything walks the rules; a compact 10,000-rule document is refused by count.
    expect(problems({ name: 'p', rules })).toEqual([expect.stringMatching(/^the policy is \d+ characters long once serialized/)]);
    expect(problems({ name: 'p', rules: Array.from({ length: 10_000 }, () => 0) })).toEqual(['rules: has 10000 rules; at most 500 are allowed']);
    const fewer = Array.from({ length: 501 }, (_, i) => ({ name: `${i}`, description: 'd', conditions: { all: [{ fact: 'team', operator: 'equal', value: 1 }] }, event: { type: 'approve' } }));
    expect(problems({ name: 'p', rules: fewer })).toEqual(['rules: has 501 rules; at most 500 are allowed']);
  });

  it('more than 5000 conditions', () => {
    // The shortest leaves there are, so that 5001 of them fit within the size bound (each is also wrong: team is an object).
    const c = { fact: 'team', operator: 'equal', value: 0 };
    const rules = Array.from({ length: 11 }, (_, i) => ({ name: `${i}`, description: 'd', conditions: { any: Array.from({ length: 455 }, () => c) }, event: { type: 'escalate' } }));
    const found = problems({ name: 'p', rules });
    // 10 rules x 455 = 4550 leaves, so the 5001st is rules[10].conditions.any[450].
    expect(found).toContain('rules[10].conditions.any[450]: the policy has more than 5000 conditions');
    // Conditions past the bound are not examined at all.
    expect(found.filter((p) => p.startsWith('rules[10].conditions.any[451]'))).toEqual([]);
  });

  it('a document over 256 KiB', () => {
    expect(problems({ name: 'p', description: 'x'.repeat(300_000), rules: [] })).toEqual([expect.stringMatching(/^the policy is 3\d{5} characters long once serialized; at most 262144/)]);
  });

  it('catastrophic and unsupported regular expressions, and oversized values', () => {
    const pat = (value: unknown) => leaf({ fact: 'miniProgram', path: '$.name', operator: 'matchesPattern', value });
    const found = problems({ name: 'p', rules: [rule({ any: [pat('(a+)+$'), pat('(x*)*y'), pat('(a)\\1'), pat('(?=a)'), pat('a{1,5000}'), pat('x'.repeat(1001)), pat('^beta-\\d+$')] })] });
    expect(found).toEqual([
      expect.stringMatching(/any\[0\]\.value: nested repetition such as \(a\+\)\+ is refused/),
      expect.stringMatching(/any\[1\]\.value: nested repetition/),
      expect.stringMatching(/any\[2\]\.value: invalid pattern at character 4: backreferences are not supported/),
      expect.stringMatching(/any\[3\]\.value: invalid pattern at character 1: lookahead and lookbehind are not supported/),
      expect.stringMatching(/any\[4\]\.value: invalid pattern .*repetition bounds above 1000/),
      expect.stringMatching(/any\[5\]\.value: is 1001 characters long; values may be at most 1000/),
    ]);
  });

  it('and even a pattern that backtracks in ordinary engines runs in linear time in evaluate', async () => {
    // (a|a)*b is ambiguous but has no nested repetition, so it validates; the NFA still matches it in linear time.
    const facts = structuredClone(baseCase.facts);
    facts.miniProgram.name = `${'a'.repeat(1000)}!`;
    const policy = { name: 'p', rules: [rule({ all: [leaf({ fact: 'miniProgram', path: '$.name', operator: 'matchesPattern', value: '^(a|a)*b$' })] })] };
    const started = performance.now();
    const d = await evaluate(policy, facts, { noteMaxLength: 500, policyHash: 'h' });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(d).toMatchObject({ outcome: 'escalate', failSafe: false, firedRules: [] });
  });
});
