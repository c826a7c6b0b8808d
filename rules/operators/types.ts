// What an operator declares about itself, so the validator can check every condition against the fact catalog
// before anything runs, and the docs can list it.
import { checkValue, typeName, type FieldType } from '../fact-types.js';
import { preview } from '../json.js';

/** Per-evaluation state shared by the custom operators of one engine (never across evaluations). */
export interface EvalContext {
  /** NFA steps left for pattern matching in this evaluation; a hostile mix of patterns and facts runs out, not forever. */
  patternBudget: number;
}

export interface OperatorSpec {
  name: string;
  builtin: boolean;
  /** One line for docs: what it tests. */
  summary: string;
  /** Which facts it applies to, for docs and messages. */
  factKinds: string;
  /** Why a fact of this type cannot be used with the operator, or null when it can. */
  checkFact(fact: FieldType): string | null;
  /** Why this literal value is wrong for the operator on this fact, or null when it is fine. */
  checkValue(value: unknown, fact: FieldType): string | null;
  /** The type a `{ "fact": ... }` value must have, or null when only a literal is accepted. */
  valueType(fact: FieldType): FieldType | null;
  /** Custom operators only: the comparison. May throw; the engine records that and the decision fails safe. */
  evaluate?(factValue: unknown, value: unknown, ctx: EvalContext): boolean;
}

/** A thrown operator failure, with what it was asked to compare. */
export class OperatorError extends Error {
  override name = 'OperatorError';
  constructor(readonly operator: string, message: string) {
    super(`operator ${operator}: ${message}`);
  }
}

export const scalarKinds = new Set(['string', 'number', 'boolean', 'enum']);

export function isScalar(t: FieldType): boolean {
  return scalarKinds.has(t.kind);
}

export function needScalar(t: FieldType): string | null {
  return isScalar(t) ? null : `applies to a single value, not ${typeName(t) === 'object' ? 'an object' : `a ${typeName(t)}`}`;
}

export function needScalarArray(t: FieldType): string | null {
  return t.kind === 'array' && isScalar(t.items) ? null : `applies to a list of values (such as miniProgram.tags), not ${typeName(t)}`;
}

/** The problems checkValue finds, as one message (the first is enough to fix the value). */
export function literalProblem(type: FieldType, value: unknown): string | null {
  const problems: { path: string; message: string }[] = [];
  checkValue(type, value, '', problems);
  const first = problems[0];
  if (!first) return null;
  return first.path ? `${first.path.replace(/^\[/, 'item [')}: ${first.message}` : first.message;
}

export function arrayOf(items: FieldType): FieldType {
  return { kind: 'array', items, maxItems: 1000 };
}

export function describeValue(value: unknown): string {
  return preview(value, 60);
}
