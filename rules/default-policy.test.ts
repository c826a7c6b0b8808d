import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPolicyCase, validateCaseDocument } from './cases.js';
import type { ConditionNode } from './decision.js';
import { evaluate } from './evaluate.js';
import { formatDecision } from './explain-text.js';
import { groupChildren, isLeaf, type Condition, type PolicyDocument } from './policy.js';
import { validatePolicy } from './validate.js';

const dir = new URL('.', import.meta.url).pathname;
const policy = JSON.parse(readFileSync(join(dir, 'default.policy.json'), 'utf8')) as PolicyDocument;
const caseFiles = readdirSync(join(dir, 'cases')).filter((f) => f.endsWith('.json')).sort();
const readCase = (f: string) => JSON.parse(readFileSync(join(dir, 'cases', f), 'utf8')) as { facts: unknown; expect: { outcome: string } };
const policyLeaves = (c: Condition): number => (isLeaf(c) ? 1 : groupChildren(c).children.reduce((n, child) => n + policyLeaves(child), 0));
const explainedLeaves = (n: ConditionNode): number => (n.kind === 'condition' ? 1 : n.children.reduce((s, c) => s + explainedLeaves(c), 0));

describe('the default policy', () => {
  it('is valid, and every rule has a description', () => {
    expect(validatePolicy(policy)).toMatchObject({ ok: true, warnings: [] });
    for (const rule of policy.rules) expect(rule.description.length).toBeGreaterThan(20);
  });

  it('has at least 15 cases covering approve, reject and escalate', () => {
    expect(caseFiles.length).toBeGreaterThanOrEqual(15);
    const outcomes = new Set(caseFiles.map((f) => readCase(f).expect.outcome));
    expect([...outcomes].sort()).toEqual(['approve', 'escalate', 'reject']);
  });

  it.each(caseFiles)('passes case %s, explaining every rule and condition', async (file) => {
    const doc = readCase(file);
    expect(validateCaseDocument(doc)).toMatchObject({ ok: true });
    const result = await runPolicyCase(policy, doc, { name: file });
    expect(result, result.message).toMatchObject({ name: file, passed: true });
    const decision = await evaluate(policy, doc.facts, { noteMaxLength: 500, policyHash: 'h' });
    expect(decision.failSafe).toBe(false);
    expect(decision.explanation.map((r) => r.name)).toEqual(policy.rules.map((r) => r.name));
    decision.explanation.forEach((r, i) => expect(explainedLeaves(r.conditions)).toBe(policyLeaves(policy.rules[i]!.conditions)));
    if (decision.outcome === 'escalate') expect(decision.escalation?.reviewers).toEqual(['platform_reviewer_li', 'platform_reviewer_ng']);
    const text = formatDecision(decision);
    expect(text).toContain(`outcome: ${decision.outcome}`);
    for (const rule of policy.rules) expect(text).toContain(rule.name);
  });

  it('needs two approvals for a major version', async () => {
    const d = await evaluate(policy, readCase('escalate-major-version.json').facts, { noteMaxLength: 500, policyHash: 'h' });
    expect(d.escalation).toEqual({ reviewers: ['platform_reviewer_li', 'platform_reviewer_ng'], requiredApprovals: 2, deadlineHours: 72, onDeadline: 'remain-pending' });
  });

  it('renders a condition tree for policy explain', async () => {
    const d = await evaluate(policy, readCase('approve-minor-merchant-services.json').facts, { noteMaxLength: 500, policyHash: 'abcdef0123456789' });
    const text = formatDecision(d);
    expect(text).toContain('✓ release.bump in ["patch","minor"] (fact: "minor")');
    expect(text).toContain('✗ release.bump equal "major" (fact: "minor")');
    expect(text).toMatch(/policy: {2}superapp-default \(hash abcdef012345\)/);
  });
});

describe('policy test cases', () => {
  it('refuse a malformed case document with every problem', () => {
    expect(validateCaseDocument({ descripton: 'x', facts: [], expect: { outcome: 'aprove', firedRules: 'r' } })).toEqual({
      ok: false,
      errors: [
        'descripton: unknown key (did you mean "description"?); a case has description, facts, expect',
        'description: must be a non-empty string saying what the case is about',
        'facts: must be the facts of one approval, an object with approval, miniProgram, release... (got an array)',
        'expect.outcome: must be one of "approve", "reject", "escalate" (got "aprove") (did you mean "approve"?)',
        'expect.firedRules: must be a list of rule names (got "r")',
      ],
    });
  });

  it('report a wrong outcome and wrong fired rules as a failure with a message', async () => {
    const doc = readCase('escalate-major-version.json');
    const r = await runPolicyCase(policy, { ...doc, expect: { outcome: 'approve', firedRules: ['trusted-routine-release'] } });
    expect(r).toMatchObject({ passed: false, actual: 'escalate', firedRules: ['major-version'] });
    expect(r.message).toBe('expected approve, got escalate; expected rule "trusted-routine-release" to fire; rule "major-version" fired unexpectedly');
    const invalid = await runPolicyCase(policy, { description: 'x' }, { name: 'broken.json' });
    expect(invalid).toMatchObject({ name: 'broken.json', passed: false, message: expect.stringMatching(/^invalid case: facts: must be/) as unknown });
  });
});
