// One json-rules-engine run over a validated policy and checked facts. A new Engine each time (DESIGN.md: a
// shared engine is not safe under concurrent runs), undefined facts refused, paths resolved by our own walker,
// custom operators wrapped so a throw is recorded instead of deciding anything.
import { Engine, type RuleResult } from 'json-rules-engine';
import type { JsonValue } from './json.js';
import { resolveJsonPath } from './json-path.js';
import { registerCustomOperators, type OperatorFailure } from './operators/index.js';
import { patternBudgetPerEvaluation } from './operators/pattern.js';
import type { EvalContext } from './operators/types.js';
import { groupChildren, isLeaf, type Condition, type PolicyDocument } from './policy.js';

export interface EngineRun {
  /** Each rule's result by name; empty when the run failed as a whole. */
  results: Map<string, RuleResult>;
  operatorFailures: OperatorFailure[];
  /** Why the whole run failed (an undefined fact, an engine error), or null. */
  error: string | null;
}

export async function runEngine(policy: PolicyDocument, facts: Record<string, JsonValue>): Promise<EngineRun> {
  const operatorFailures: OperatorFailure[] = [];
  const results = new Map<string, RuleResult>();
  try {
    const engine = new Engine([], { allowUndefinedFacts: false, allowUndefinedConditions: false, replaceFactsInEventParams: false, pathResolver: resolveJsonPath });
    const ctx: EvalContext = { patternBudget: patternBudgetPerEvaluation };
    registerCustomOperators(engine, ctx, operatorFailures);
    for (const [name, value] of Object.entries(facts)) engine.addFact(name, value);
    for (const rule of policy.rules) {
      engine.addRule({
        name: rule.name,
        // Rule priority only orders evaluation; every rule is still evaluated, and precedence decides.
        ...(rule.priority !== undefined ? { priority: rule.priority } : {}),
        conditions: (hasLeafPriority(rule.conditions) ? structuredCloneJson(rule.conditions) : rule.conditions) as never,
        event: { type: rule.event.type },
      });
    }
    const run = await engine.run();
    for (const r of [...run.results, ...run.failureResults]) results.set(r.name, r);
    return { results, operatorFailures, error: null };
  } catch (err) {
    return { results: new Map(), operatorFailures, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
}

/**
 * json-rules-engine 7 wraps the conditions it is given in its own Condition objects and records results on clones
 * of those, so a policy can be handed over as it is. Its one write to the input is a leaf's `priority`, replaced by
 * parseInt(priority): that changes a valid 1e21 to 1, and throws on a frozen document. Rules with leaf priorities
 * (rare) therefore get a copy, so the caller's document never changes.
 */
function hasLeafPriority(c: Condition): boolean {
  return isLeaf(c) ? c.priority !== undefined : groupChildren(c).children.some(hasLeafPriority);
}

function structuredCloneJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}
