// The explanation of every rule: the policy's condition tree, walked beside json-rules-engine's result tree.
// Leaves the engine evaluated carry its result; leaves it skipped (an `any` already true, an `all` already false,
// or a run that stopped) are marked skipped, with the fact's value computed here so a reader still sees it.
import type { RuleResult } from 'json-rules-engine';
import type { ConditionExplanation, ConditionNode, GroupExplanation, RuleExplanation } from './decision.js';
import { formatPath, isPlainObject, preview, type JsonValue } from './json.js';
import { parseJsonPath, resolveSegments } from './json-path.js';
import type { OperatorFailure } from './operators/index.js';
import { groupChildren, isLeaf, type Condition, type LeafCondition, type PolicyDocument } from './policy.js';

type Facts = Record<string, JsonValue>;

/** What the engine recorded on a condition it evaluated (json-rules-engine sets these on its cloned tree). */
interface ResultNode {
  result?: boolean;
  factResult?: unknown;
  valueResult?: unknown;
  all?: ResultNode[];
  any?: ResultNode[];
  not?: ResultNode;
}

export function explainRules(policy: PolicyDocument, facts: Facts | null, results: Map<string, RuleResult>, failures: OperatorFailure[], runError: string | null): RuleExplanation[] {
  return policy.rules.map((rule, i) => {
    const r = results.get(rule.name);
    const fired = r?.result === true;
    const tree = explainNode(rule.conditions, r ? (r.conditions as unknown as ResultNode) : undefined, formatPath(['rules', i, 'conditions']), facts, failures, true);
    // The engine does not record a result on the top-level group; the rule's own result is it.
    if (r && tree.kind !== 'condition') {
      tree.result = r.result === true;
      tree.skipped = false;
    }
    return {
      name: rule.name,
      type: rule.event.type,
      description: rule.description,
      fired,
      conditions: tree,
      ...(r ? {} : { error: runError ? `not evaluated: ${runError}` : 'not evaluated' }),
    };
  });
}

function explainNode(c: Condition, r: ResultNode | undefined, at: string, facts: Facts | null, failures: OperatorFailure[], top = false): ConditionNode {
  if (isLeaf(c)) return explainLeaf(c, r, at, facts, failures);
  const { kind, children } = groupChildren(c);
  const resultChildren: (ResultNode | undefined)[] = kind === 'not' ? [r?.not] : (r?.[kind] ?? []);
  const group: GroupExplanation = {
    kind,
    at,
    result: typeof r?.result === 'boolean' && !top ? r.result : null,
    skipped: typeof r?.result !== 'boolean',
    children: children.map((child, i) => explainNode(child, resultChildren[i], kind === 'not' ? `${at}.not` : `${at}.${kind}[${i}]`, facts, failures)),
  };
  return group;
}

function explainLeaf(c: LeafCondition, r: ResultNode | undefined, at: string, facts: Facts | null, failures: OperatorFailure[]): ConditionExplanation {
  const evaluated = typeof r?.result === 'boolean';
  const factValue = evaluated ? r.factResult : lookup(facts, c.fact, c.path);
  const expected = evaluated && r.valueResult !== undefined ? r.valueResult : resolveExpected(c.value, facts);
  const node: ConditionExplanation = {
    kind: 'condition',
    at,
    fact: c.fact,
    ...(c.path !== undefined ? { path: c.path } : {}),
    operator: c.operator,
    expected,
    ...(factValue !== undefined ? { factValue } : {}),
    result: evaluated ? r.result! : null,
    skipped: !evaluated,
  };
  const base = c.operator.split(':').pop()!;
  const failure = failures.find((f) => f.operator === base && same(f.factValue, factValue) && same(f.value, expected));
  if (failure) node.error = failure.message;
  else if (evaluated && factValue === undefined) node.error = 'the fact has no value at this path';
  return node;
}

/** A fact's value at a condition's path, read from the checked facts (undefined when absent). */
export function lookup(facts: Facts | null, fact: string, path: string | undefined): unknown {
  if (!facts || !Object.hasOwn(facts, fact)) return undefined;
  const value = facts[fact];
  if (path === undefined) return value;
  const segments = parseJsonPath(path);
  return typeof segments === 'string' ? undefined : resolveSegments(value, segments);
}

function resolveExpected(value: unknown, facts: Facts | null): unknown {
  if (isPlainObject(value) && typeof value.fact === 'string') {
    const v = lookup(facts, value.fact, typeof value.path === 'string' ? value.path : undefined);
    return v === undefined ? value : v;
  }
  return value;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || preview(a, 10_000) === preview(b, 10_000);
}
