// Checks one rule's condition tree: its shape, every fact and path against the fact catalog, every operator and
// value against the fact's type, and the bounds (depth, count) that keep a hostile policy cheap to refuse.
import { typeName, withNullable, type FieldType } from './fact-types.js';
import { factCatalog, factNames } from './fact-catalog.js';
import { describeType, formatPath, isPlainObject, preview } from './json.js';
import { parseJsonPath, type PathSegment } from './json-path.js';
import { checkOperatorFact, checkOperatorFactValue, checkOperatorValue, resolveOperator } from './operators/index.js';
import { groupKeys, leafKeys, policyLimits } from './policy.js';
import { didYouMean } from './suggest.js';

export interface PolicyProblem {
  /** Where in the document, e.g. `rules[3].conditions.all[1].operator`. */
  path: string;
  message: string;
}

export interface ConditionCheck {
  problems: PolicyProblem[];
  /** Leaf conditions seen so far, across all rules (the bound is for the whole document). */
  conditionCount: number;
}

type Path = (string | number)[];

/** The catalog type at fact + path, or why the path does not exist there. */
export function factPathType(fact: string, segments: readonly PathSegment[]): { type: FieldType } | { error: string } {
  if (!Object.hasOwn(factCatalog, fact)) return { error: `unknown fact ${JSON.stringify(fact)}${didYouMean(fact, factNames)}; facts are ${factNames.join(', ')}` };
  let type = factCatalog[fact as keyof typeof factCatalog].type;
  let where = fact;
  for (const s of segments) {
    if (typeof s === 'number') {
      if (type.kind !== 'array') return { error: `${where} is ${typeName(type)}, not a list: [${s}] does not apply` };
      // An index past the end gives nothing, so the element may be missing.
      type = withNullable(type.items, true);
    } else {
      if (type.kind !== 'object') return { error: `${where} is ${typeName(type)} and has no field ${JSON.stringify(s)}` };
      const known = Object.keys(type.fields);
      if (!Object.hasOwn(type.fields, s)) return { error: `unknown field ${JSON.stringify(s)} in ${where}${didYouMean(s, known)}; its fields are ${known.join(', ')}` };
      type = type.fields[s]!.type;
    }
    where = typeof s === 'number' ? `${where}[${s}]` : `${where}.${s}`;
  }
  return { type };
}

const noSegments: readonly PathSegment[] = Object.freeze([]);

/** The segments of a condition's or reference's optional `path`, or why it is not a usable path. */
function pathSegments(path: unknown): readonly PathSegment[] | string {
  if (path === undefined) return noSegments;
  return typeof path === 'string' ? parseJsonPath(path) : `must be a string such as "$.bump" (got ${describeType(path)})`;
}

/** Why a rule's or condition's `priority` is unusable, or null (json-rules-engine wants a whole number >= 1). */
export function priorityProblem(priority: unknown): string | null {
  return priority === undefined || (Number.isInteger(priority) && (priority as number) >= 1) ? null : `must be a whole number of at least 1 (got ${preview(priority, 40)})`;
}

/** The type a `{ fact, path }` reference points at, reporting problems under `at`. */
function referenceType(ref: Record<string, unknown>, at: Path, problems: PolicyProblem[]): FieldType | null {
  const extra = Object.keys(ref).filter((k) => k !== 'fact' && k !== 'path');
  for (const k of extra) problems.push({ path: formatPath([...at, k]), message: `unknown key ${JSON.stringify(k)}: a fact reference has only "fact" and "path"` });
  if (typeof ref.fact !== 'string') {
    problems.push({ path: formatPath([...at, 'fact']), message: `must be a fact name (got ${describeType(ref.fact)})` });
    return null;
  }
  const segments = pathSegments(ref.path);
  if (typeof segments === 'string') {
    problems.push({ path: formatPath([...at, 'path']), message: segments });
    return null;
  }
  const found = factPathType(ref.fact, segments);
  if ('error' in found) {
    problems.push({ path: formatPath([...at, segments.length ? 'path' : 'fact']), message: found.error });
    return null;
  }
  return found.type;
}

function checkValueSize(value: unknown, at: Path, problems: PolicyProblem[]): boolean {
  let ok = true;
  const walk = (v: unknown, p: Path) => {
    if (!ok) return;
    if (typeof v === 'string' && v.length > policyLimits.maxStringValueLength) {
      problems.push({ path: formatPath(p), message: `is ${v.length} characters long; values may be at most ${policyLimits.maxStringValueLength}` });
      ok = false;
    } else if (Array.isArray(v)) {
      if (v.length > policyLimits.maxListValueItems) {
        problems.push({ path: formatPath(p), message: `has ${v.length} items; lists may have at most ${policyLimits.maxListValueItems}` });
        ok = false;
      } else v.forEach((x, i) => walk(x, [...p, i]));
    } else if (isPlainObject(v)) for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(value, at);
  return ok;
}

function checkLeaf(c: Record<string, unknown>, at: Path, problems: PolicyProblem[]): void {
  const here = (key: string) => formatPath([...at, key]);
  for (const k of Object.keys(c)) {
    if (!(leafKeys as readonly string[]).includes(k)) {
      const hint = k === 'params' ? ': fact params are not supported' : k === 'condition' ? ': shared condition references are not supported' : didYouMean(k, leafKeys);
      problems.push({ path: here(k), message: `unknown key ${JSON.stringify(k)} in a condition${hint}` });
    }
  }
  const priority = priorityProblem(c.priority);
  if (priority) problems.push({ path: here('priority'), message: priority });
  if (c.name !== undefined && typeof c.name !== 'string') problems.push({ path: here('name'), message: `must be a string (got ${describeType(c.name)})` });
  if (typeof c.fact !== 'string') problems.push({ path: here('fact'), message: `must be a fact name such as "release" (got ${describeType(c.fact)})` });
  if (typeof c.operator !== 'string') problems.push({ path: here('operator'), message: `must be an operator name such as "equal" (got ${describeType(c.operator)})` });
  if (!Object.hasOwn(c, 'value')) problems.push({ path: formatPath(at), message: 'a condition needs a "value" to compare the fact with' });
  const segments = pathSegments(c.path);
  if (typeof segments === 'string') return void problems.push({ path: here('path'), message: segments });
  if (typeof c.fact !== 'string') return;
  const found = factPathType(c.fact, segments);
  if ('error' in found) return void problems.push({ path: here(segments.length && Object.hasOwn(factCatalog, c.fact) ? 'path' : 'fact'), message: found.error });
  if (typeof c.operator !== 'string') return;
  const op = resolveOperator(c.operator);
  if ('error' in op) return void problems.push({ path: here('operator'), message: op.error });
  const factProblem = checkOperatorFact(op, found.type);
  if (factProblem) return void problems.push({ path: here('operator'), message: `${c.operator}: ${factProblem}` });
  if (!Object.hasOwn(c, 'value')) return;
  if (!checkValueSize(c.value, [...at, 'value'], problems)) return;
  if (isPlainObject(c.value) && Object.hasOwn(c.value, 'fact')) {
    const ref = referenceType(c.value, [...at, 'value'], problems);
    const p = ref && checkOperatorFactValue(op, found.type, ref);
    if (p) problems.push({ path: here('value'), message: p });
    return;
  }
  const valueProblem = checkOperatorValue(op, found.type, c.value);
  if (valueProblem) problems.push({ path: here('value'), message: `${valueProblem} (for ${c.operator} on ${formatPath([c.fact, ...segments])}, ${typeName(found.type)})` });
}

/** Checks a condition (group or leaf) at `at`, `depth` groups deep. */
export function checkCondition(c: unknown, at: Path, depth: number, check: ConditionCheck, topLevel = false): void {
  const { problems } = check;
  if (!isPlainObject(c)) return void problems.push({ path: formatPath(at), message: `must be a condition object (got ${describeType(c)})` });
  const bools = ['all', 'any', 'not'].filter((k) => Object.hasOwn(c, k));
  if (bools.length === 0) {
    if (topLevel) return void problems.push({ path: formatPath(at), message: 'must be a group: { "all": [...] }, { "any": [...] } or { "not": {...} }' });
    check.conditionCount++;
    if (check.conditionCount === policyLimits.maxConditions + 1) problems.push({ path: formatPath(at), message: `the policy has more than ${policyLimits.maxConditions} conditions` });
    if (check.conditionCount > policyLimits.maxConditions) return;
    return checkLeaf(c, at, problems);
  }
  if (bools.length > 1) return void problems.push({ path: formatPath(at), message: `a group has exactly one of all, any, not (got ${bools.join(' and ')})` });
  if (depth > policyLimits.maxDepth) return void problems.push({ path: formatPath(at), message: `conditions are nested more than ${policyLimits.maxDepth} groups deep` });
  for (const k of Object.keys(c)) {
    if (!(groupKeys as readonly string[]).includes(k)) problems.push({ path: formatPath([...at, k]), message: `unknown key ${JSON.stringify(k)} in a ${bools[0]} group${Object.hasOwn(c, 'fact') ? ' (a condition is either a group or a fact comparison, not both)' : ''}` });
  }
  const priority = priorityProblem(c.priority);
  if (priority) problems.push({ path: formatPath([...at, 'priority']), message: priority });
  const kind = bools[0]!;
  const children = c[kind];
  if (kind === 'not') return checkCondition(children, [...at, 'not'], depth + 1, check);
  if (!Array.isArray(children)) return void problems.push({ path: formatPath([...at, kind]), message: `must be a list of conditions (got ${describeType(children)})` });
  // json-rules-engine treats an empty "any" as true: refuse it rather than let it approve by accident.
  if (children.length === 0) return void problems.push({ path: formatPath([...at, kind]), message: 'must list at least one condition' });
  children.forEach((child, i) => checkCondition(child, [...at, kind, i], depth + 1, check));
}
