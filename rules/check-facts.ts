// The gathered facts, checked against the catalog before any rule sees them. A problem in a fact the policy reads
// makes the decision fail safe; a problem elsewhere is reported but cannot change what the policy decides.
import { factsType } from './fact-catalog.js';
import { checkValue, type TypeProblem } from './fact-types.js';
import { isPlainObject, type JsonValue } from './json.js';
import { parseJsonPath } from './json-path.js';
import { groupChildren, isLeaf, type Condition, type PolicyDocument } from './policy.js';

export interface FactCheck {
  /** The facts with absent nullable fields filled in as null; wrong values replaced by null. */
  facts: Record<string, JsonValue>;
  /** Problems in facts the policy reads: the decision must fail safe. */
  used: TypeProblem[];
  /** Problems in facts no condition reads. */
  unused: TypeProblem[];
}

export function checkFacts(policy: PolicyDocument, facts: unknown): FactCheck {
  const problems: TypeProblem[] = [];
  const checked = checkValue(factsType, facts, '', problems);
  const reads = factsRead(policy);
  const used: TypeProblem[] = [];
  const unused: TypeProblem[] = [];
  // Facts that are not an object at all (path '') fail safe even for a policy that reads nothing.
  for (const p of problems) (p.path === '' || reads.some((r) => overlaps(p.path, r)) ? used : unused).push(p);
  return { facts: isPlainObject(checked) ? (checked) : {}, used, unused };
}

/** Every fact path the policy's conditions read, as `release.bump`, `sensitiveApis.pending[0]`. */
export function factsRead(policy: PolicyDocument): string[] {
  const out = new Set<string>();
  const add = (fact: string, path: unknown) => {
    const segments = typeof path === 'string' ? parseJsonPath(path) : [];
    if (typeof segments === 'string') return void out.add(fact);
    out.add(fact + segments.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join(''));
  };
  const walk = (c: Condition) => {
    if (isLeaf(c)) {
      add(c.fact, c.path);
      if (isPlainObject(c.value) && typeof c.value.fact === 'string') add(c.value.fact, c.value.path);
      return;
    }
    for (const child of groupChildren(c).children) walk(child);
  };
  for (const rule of policy.rules) walk(rule.conditions);
  return [...out];
}

/** Whether a problem at `problem` affects a read of `read`: one is the other, or inside it. */
function overlaps(problem: string, read: string): boolean {
  const inside = (a: string, b: string) => a === b || b === '' || a.startsWith(`${b}.`) || a.startsWith(`${b}[`);
  return inside(problem, read) || inside(read, problem);
}
