// Set operations between a list fact and a list in the policy: "does the mini program carry any of these tags?",
// "are all pending sensitive APIs on the allow list?". Order and duplicates do not matter.
import { withNullable } from '../fact-types.js';
import { arrayOf, describeValue, literalProblem, needScalarArray, OperatorError, type OperatorSpec } from './types.js';

const setOperator = (name: string, summary: string, test: (fact: unknown[], value: Set<unknown>) => boolean): OperatorSpec => ({
  name,
  builtin: false,
  summary,
  factKinds: 'a list of values',
  checkFact: needScalarArray,
  checkValue: (value, fact) => (Array.isArray(value) ? (fact.kind === 'array' ? literalProblem(arrayOf(withNullable(fact.items, false)), value) : null) : `takes a list of values such as ["a", "b"] (got ${describeValue(value)})`),
  valueType: (fact) => (fact.kind === 'array' ? fact : null),
  evaluate(factValue, value) {
    if (!Array.isArray(factValue)) throw new OperatorError(name, `the fact ${describeValue(factValue)} is not a list`);
    if (!Array.isArray(value)) throw new OperatorError(name, `the value ${describeValue(value)} is not a list`);
    return test(factValue, new Set(value));
  },
});

export const setOperators: OperatorSpec[] = [
  setOperator('intersects', 'the list fact and the value share at least one element', (f, v) => f.some((x) => v.has(x))),
  setOperator('disjointFrom', 'the list fact and the value share no element', (f, v) => !f.some((x) => v.has(x))),
  setOperator('subsetOf', 'every element of the list fact is in the value (true for an empty fact)', (f, v) => f.every((x) => v.has(x))),
  setOperator('supersetOf', 'the list fact contains every element of the value', (f, v) => {
    const have = new Set(f);
    for (const x of v) if (!have.has(x)) return false;
    return true;
  }),
];
