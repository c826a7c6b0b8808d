// Every operator a policy may use: json-rules-engine's own, the custom ones, and the decorators that wrap them
// (not:, someFact:, everyFact:, someValue:, everyValue:). The validator checks each condition's use of them
// against the fact catalog; the engine gets the custom ones wrapped so a throw is recorded, never propagated.
import type { Engine } from 'json-rules-engine';
import { sameShape, typeName, type FieldType } from '../fact-types.js';
import { describeType } from '../json.js';
import { didYouMean } from '../suggest.js';
import { builtinOperators } from './builtin.js';
import { patternOperators } from './pattern.js';
import { semverOperators } from './semver.js';
import { setOperators } from './sets.js';
import { timeOperators } from './time.js';
import type { EvalContext, OperatorSpec } from './types.js';

export { OperatorError, type EvalContext, type OperatorSpec } from './types.js';

export const customOperators: OperatorSpec[] = [...semverOperators, ...patternOperators, ...timeOperators, ...setOperators];
export const allOperators: OperatorSpec[] = [...builtinOperators, ...customOperators];
const byName = new Map(allOperators.map((o) => [o.name, o]));
export const operatorNames = allOperators.map((o) => o.name);

export type Decorator = 'not' | 'someFact' | 'everyFact' | 'someValue' | 'everyValue';
export const decorators: Record<Decorator, string> = {
  not: 'negates the operator',
  someFact: 'the list fact has at least one element for which the operator holds',
  everyFact: 'the operator holds for every element of the list fact',
  someValue: 'the operator holds for at least one element of the value list',
  everyValue: 'the operator holds for every element of the value list',
};
export const decoratorNames = Object.keys(decorators);

const aliases: Record<string, string> = {
  gt: 'greaterThan', gte: 'greaterThanInclusive', ge: 'greaterThanInclusive', lt: 'lessThan', lte: 'lessThanInclusive', le: 'lessThanInclusive',
  eq: 'equal', equals: 'equal', '==': 'equal', '===': 'equal', ne: 'notEqual', neq: 'notEqual', '!=': 'notEqual', notequals: 'notEqual',
  nin: 'notIn', includes: 'contains', regex: 'matchesPattern', matches: 'matchesPattern', match: 'matchesPattern',
  between: 'hourBetween', any: 'intersects', overlaps: 'intersects', none: 'disjointFrom', subset: 'subsetOf', superset: 'supersetOf',
};

export interface ResolvedOperator {
  decorators: Decorator[];
  spec: OperatorSpec;
}

/** The operator a condition names, or why it is unknown. */
export function resolveOperator(name: string): ResolvedOperator | { error: string } {
  const parts = name.split(':');
  const base = parts.pop()!;
  for (const d of parts) {
    if (d === 'swap') return { error: 'the swap decorator is not supported: write the condition the other way round (for example "in" instead of "swap:contains")' };
    if (!decoratorNames.includes(d)) return { error: `unknown operator decorator "${d}"${didYouMean(d, decoratorNames)}; decorators are ${decoratorNames.join(', ')}` };
  }
  const spec = byName.get(base);
  if (!spec) return { error: `unknown operator "${name}"${didYouMean(base, operatorNames, aliases)}` };
  return { decorators: parts as Decorator[], spec };
}

/** Why this fact type cannot be used with the (decorated) operator, or null. */
export function checkOperatorFact(op: ResolvedOperator, fact: FieldType): string | null {
  let t = fact;
  for (const d of op.decorators) {
    if (d === 'someFact' || d === 'everyFact') {
      if (t.kind !== 'array') return `${d}: needs a list fact, and ${typeName(t)} is not one`;
      t = t.items;
    }
  }
  return op.spec.checkFact(t);
}

/** Why this literal value is wrong for the (decorated) operator on this fact, or null. */
export function checkOperatorValue(op: ResolvedOperator, fact: FieldType, value: unknown): string | null {
  const walk = (i: number, t: FieldType, v: unknown): string | null => {
    const d = op.decorators[i];
    if (d === undefined) return op.spec.checkValue(v, t);
    if (d === 'someFact' || d === 'everyFact') return walk(i + 1, t.kind === 'array' ? t.items : t, v);
    if (d === 'someValue' || d === 'everyValue') {
      if (!Array.isArray(v) || v.length === 0) return `${d}: the value must be a non-empty list (got ${describeType(v)})`;
      for (let k = 0; k < v.length; k++) {
        const p = walk(i + 1, t, v[k]);
        if (p) return `item [${k}]: ${p}`;
      }
      return null;
    }
    return walk(i + 1, t, v);
  };
  return walk(0, fact, value);
}

/** Why a `{ "fact": ... }` value of type `ref` cannot be compared by the operator with `fact`, or null. */
export function checkOperatorFactValue(op: ResolvedOperator, fact: FieldType, ref: FieldType): string | null {
  let t = fact;
  let r = ref;
  for (const d of op.decorators) {
    if (d === 'someFact' || d === 'everyFact') t = t.kind === 'array' ? t.items : t;
    if (d === 'someValue' || d === 'everyValue') {
      if (r.kind !== 'array') return `${d}: the value fact must be a list, and ${typeName(r)} is not one`;
      r = r.items;
    }
  }
  const wanted = op.spec.valueType(t);
  if (!wanted) return `${op.spec.name} takes a literal value, not another fact`;
  return sameShape(wanted, r) ? null : `${op.spec.name} needs ${typeName(wanted)} here, and the value fact is ${typeName(r)}`;
}

export interface OperatorFailure {
  operator: string;
  message: string;
  /** What it was asked to compare, so the explanation can point at the condition that failed. */
  factValue?: unknown;
  value?: unknown;
}

/**
 * Adds the custom operators to one engine. A throw inside one is recorded in `failures` and counts as false for
 * the engine; evaluate() then fails safe to escalate, so a thrown error can never turn into an approval.
 */
export function registerCustomOperators(engine: Engine, ctx: EvalContext, failures: OperatorFailure[]): void {
  for (const spec of customOperators) {
    engine.addOperator(spec.name, (factValue: unknown, value: unknown) => {
      try {
        if (!spec.evaluate) throw new Error('has no implementation');
        return spec.evaluate(factValue, value, ctx) === true;
      } catch (err) {
        failures.push({ operator: spec.name, message: err instanceof Error ? err.message : String(err), factValue, value });
        return false;
      }
    });
  }
}
