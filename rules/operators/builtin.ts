// json-rules-engine's own operators, described for the validator. They run as the engine defines them; these
// specs only say which facts and values make sense with each.
import { typeName, withNullable, type FieldType } from '../fact-types.js';
import { describeType } from '../json.js';
import { arrayOf, literalProblem, needScalar, needScalarArray, type OperatorSpec } from './types.js';

const number: FieldType = { kind: 'number' };

const same = (name: string, summary: string): OperatorSpec => ({
  name, builtin: true, summary, factKinds: 'a single value (string, number, boolean, enum)',
  checkFact: needScalar,
  checkValue: (value, fact) => literalProblem(fact, value),
  valueType: (fact) => fact,
});

const membership = (name: string, summary: string): OperatorSpec => ({
  name, builtin: true, summary, factKinds: 'a single value',
  checkFact: needScalar,
  checkValue: (value, fact) => (Array.isArray(value) ? literalProblem(arrayOf(fact), value) : `takes a list of values such as ["a", "b"] (got ${describeType(value)})`),
  valueType: (fact) => arrayOf(fact),
});

const element = (name: string, summary: string): OperatorSpec => ({
  name, builtin: true, summary, factKinds: 'a list of values',
  checkFact: needScalarArray,
  checkValue: (value, fact) => (fact.kind === 'array' ? literalProblem(withNullable(fact.items, false), value) : null),
  valueType: (fact) => (fact.kind === 'array' ? fact.items : null),
});

const numeric = (name: string, summary: string): OperatorSpec => ({
  name, builtin: true, summary, factKinds: 'a number',
  checkFact: (fact) => (fact.kind === 'number' ? null : `compares numbers; ${typeName(fact)} is not a number`),
  checkValue: (value) => literalProblem(number, value),
  valueType: () => number,
});

export const builtinOperators: OperatorSpec[] = [
  same('equal', 'the fact equals the value (===); null matches only null'),
  same('notEqual', 'the fact differs from the value (!==)'),
  membership('in', 'the fact is one of the values in the list'),
  membership('notIn', 'the fact is none of the values in the list'),
  element('contains', 'the list fact contains the value'),
  element('doesNotContain', 'the list fact does not contain the value'),
  numeric('lessThan', 'fact < value (null never matches)'),
  numeric('lessThanInclusive', 'fact <= value (null never matches)'),
  numeric('greaterThan', 'fact > value (null never matches)'),
  numeric('greaterThanInclusive', 'fact >= value (null never matches)'),
];
