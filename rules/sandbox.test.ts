// evaluate() inside Temporal's workflow sandbox: the test bundle (test/workflows/index.ts, built once with
// bundleWorkflowCode by the global setup) runs it on the real dev server, and the decision must equal the one
// evaluate() gives outside the sandbox, byte for byte.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestStack } from '../test/stack/index.js';
import type { evaluatePolicyWorkflow } from '../test/workflows/evaluate-policy.js';
import { evaluate, type PolicyDecision } from './evaluate.js';

const stack = useTestStack();
const dir = new URL('.', import.meta.url).pathname;
const policy = JSON.parse(readFileSync(join(dir, 'default.policy.json'), 'utf8')) as unknown;
const cases = ['approve-patch-trusted-team.json', 'reject-blocked-applicant.json', 'escalate-major-and-sensitive.json']
  .map((f) => (JSON.parse(readFileSync(join(dir, 'cases', f), 'utf8')) as { facts: Record<string, unknown> }).facts);

describe('evaluate in the workflow sandbox', () => {
  it('decides exactly as outside it: approve, reject, escalate, a fail-safe and a skipped condition', async () => {
    const workers = await stack.startWorkers({});
    const opts = { noteMaxLength: 120, policyHash: 'sandbox', policyVersion: 3 };
    const withSkip = { name: 'skip', rules: [{ name: 's', description: 'd', event: { type: 'approve' }, conditions: { any: [
      { fact: 'release', path: '$.bump', operator: 'equal', value: 'patch', priority: 9 },
      { fact: 'miniProgram', path: '$.name', operator: 'matchesPattern', value: { pattern: '^parcel', ignoreCase: true } },
    ] } }] };
    const runs: [unknown, unknown][] = [
      ...cases.map((facts): [unknown, unknown] => [policy, facts]),
      [policy, { ...cases[0], release: 'not an object' }],
      [withSkip, cases[0]],
      [{ name: 'broken', rules: [{ name: 'x' }] }, cases[0]],
    ];
    const outcomes: string[] = [];
    const decisions: PolicyDecision[] = [];
    for (const [p, facts] of runs) {
      const inside = await stack.client.workflow.execute<typeof evaluatePolicyWorkflow>('evaluatePolicyWorkflow', {
        taskQueue: workers.approvalsTaskQueue,
        workflowId: `evaluate-policy-${randomUUID()}`,
        args: [p, facts, opts],
      });
      const outside = await evaluate(p, facts, opts);
      expect(JSON.stringify(inside)).toBe(JSON.stringify(outside));
      outcomes.push(`${inside.outcome}${inside.failSafe ? '!' : ''}`);
      decisions.push(inside);
    }
    expect(outcomes).toEqual(['approve', 'reject', 'escalate', 'escalate!', 'approve', 'escalate!']);
    // withSkip: the priority-9 condition holds first, so json-rules-engine never runs the pattern condition.
    const skipTree = decisions[4]!.explanation[0]!.conditions;
    expect(skipTree.kind).toBe('any');
    const [first, second] = skipTree.kind === 'condition' ? [] : skipTree.children;
    expect(first).toMatchObject({ kind: 'condition', result: true, skipped: false });
    expect(second).toMatchObject({ kind: 'condition', operator: 'matchesPattern', result: null, skipped: true });
  });
});
