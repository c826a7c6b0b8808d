// matchesPattern: a regular-expression test that cannot hang the worker. Patterns run on the linear-time NFA of
// rules/regex/, and every evaluation has a budget of NFA steps, so neither a hostile pattern nor a hostile
// fact value (nor many of both) can exhaust it.
import { typeName } from '../fact-types.js';
import { describeType, isPlainObject } from '../json.js';
import { compilePattern, type CompiledPattern } from '../regex/nfa.js';
import { parsePattern, type PatternNode } from '../regex/parse.js';
import { OperatorError, type OperatorSpec } from './types.js';

/** The longest fact value a pattern is run against; longer values fail safe. */
export const maxPatternInput = 1024;
/** NFA steps (input characters x pattern states) one evaluation may spend on pattern matching. */
export const patternBudgetPerEvaluation = 5_000_000;

export interface PatternValue {
  pattern: string;
  ignoreCase: boolean;
}

/** The pattern a condition's value names: "^beta-" or { "pattern": "^beta-", "ignoreCase": true }. */
export function patternValue(value: unknown): PatternValue | string {
  if (typeof value === 'string') return { pattern: value, ignoreCase: false };
  if (isPlainObject(value)) {
    const extra = Object.keys(value).filter((k) => k !== 'pattern' && k !== 'ignoreCase');
    if (extra.length > 0) return `unknown key "${extra[0]}": a pattern value has only "pattern" and "ignoreCase"`;
    if (typeof value.pattern !== 'string') return '"pattern" must be a string';
    if (value.ignoreCase !== undefined && typeof value.ignoreCase !== 'boolean') return '"ignoreCase" must be true or false';
    return { pattern: value.pattern, ignoreCase: value.ignoreCase === true };
  }
  return `must be a pattern string, or { "pattern": "...", "ignoreCase": true } (got ${describeType(value)})`;
}

interface CachedPattern {
  compiled: CompiledPattern;
  nestedRepetition: boolean;
}

// Compiled patterns are pure functions of (ignoreCase, pattern), so one cache serves every evaluation: the validator
// and the operator of each evaluate() call otherwise parse and compile the same few patterns again. Bounded, so a
// stream of distinct policies cannot grow it without limit; the oldest entry goes first.
const maxCachedPatterns = 256;
const patternCache = new Map<string, CachedPattern>();

/** The compiled pattern and what the validator needs to know of it; throws PatternSyntaxError when it is invalid. */
function cachedPattern(p: PatternValue): CachedPattern {
  const key = `${p.ignoreCase ? 'i' : '-'}${p.pattern}`;
  let c = patternCache.get(key);
  if (!c) {
    const tree = parsePattern(p.pattern, p.ignoreCase);
    c = { compiled: compilePattern(p.pattern, p.ignoreCase, tree), nestedRepetition: nestedRepetition(tree) };
    if (patternCache.size >= maxCachedPatterns) patternCache.delete(patternCache.keys().next().value!);
    patternCache.set(key, c);
  }
  return c;
}

export const patternOperators: OperatorSpec[] = [{
  name: 'matchesPattern',
  builtin: false,
  summary: 'the string fact matches the regular expression anywhere (anchor with ^ and $); null never matches',
  factKinds: 'a string',
  checkFact: (fact) => (fact.kind === 'string' || fact.kind === 'enum' ? null : `matches strings; ${typeName(fact)} is not a string`),
  checkValue(value) {
    const p = patternValue(value);
    if (typeof p === 'string') return p;
    try {
      return cachedPattern(p).nestedRepetition
        ? 'nested repetition such as (a+)+ is refused: it matches nothing a+ does not, and in ordinary regex engines it backtracks catastrophically; write the repetition once'
        : null;
    } catch (err) {
      return (err as Error).message;
    }
  },
  valueType: () => null,
  evaluate(factValue, value, ctx) {
    if (factValue === null) return false;
    if (typeof factValue !== 'string') throw new OperatorError('matchesPattern', `the fact is ${describeType(factValue)}, not a string`);
    if (factValue.length > maxPatternInput) throw new OperatorError('matchesPattern', `the fact is ${factValue.length} characters long; patterns run on at most ${maxPatternInput}`);
    const p = patternValue(value);
    if (typeof p === 'string') throw new OperatorError('matchesPattern', p);
    const c = cachedPattern(p).compiled;
    ctx.patternBudget -= (factValue.length + 1) * c.states;
    if (ctx.patternBudget < 0) throw new OperatorError('matchesPattern', `this evaluation spent its pattern-matching budget (${patternBudgetPerEvaluation} steps)`);
    return c.test(factValue);
  },
}];

/** Whether a repeated group itself contains an unbounded repetition: (a+)+, (a*)*, (\w+\s?)+. */
function nestedRepetition(node: PatternNode, insideRepeat = false): boolean {
  switch (node.type) {
    case 'seq': return node.items.some((n) => nestedRepetition(n, insideRepeat));
    case 'alt': return node.options.some((n) => nestedRepetition(n, insideRepeat));
    case 'repeat':
      if (insideRepeat && node.max === Infinity) return true;
      return nestedRepetition(node.node, insideRepeat || node.max > 1);
    default: return false;
  }
}
