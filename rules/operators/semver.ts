// Version comparisons: "is this release newer than 2.0.0?". Versions are ordered by semver precedence
// (rules/semver.ts), never as strings, where "10.0.0" < "9.0.0".
import { typeName, type FieldType } from '../fact-types.js';
import { compareSemver, parseSemver } from '../semver.js';
import { OperatorError, describeValue, type OperatorSpec } from './types.js';

const version: FieldType = { kind: 'string', format: 'version' };

const semverOperator = (name: string, symbol: string, test: (order: number) => boolean): OperatorSpec => ({
  name,
  builtin: false,
  summary: `fact ${symbol} value, by semver precedence (1.10.0 > 1.9.0; 2.0.0-rc.1 < 2.0.0); null never matches`,
  factKinds: 'a version string (release.version, release.previousVersion)',
  checkFact: (fact) => (fact.kind === 'string' ? null : `compares versions; ${typeName(fact)} is not a version string`),
  checkValue: (value) => (typeof value === 'string' && parseSemver(value) ? null : `must be a version such as "2.0.0" (got ${describeValue(value)})`),
  valueType: () => version,
  evaluate(factValue, value) {
    if (factValue === null) return false;
    const a = parseSemver(factValue);
    // A version that cannot be ordered is doubt, not "false": the decision fails safe instead of guessing.
    if (!a) throw new OperatorError(name, `the fact ${describeValue(factValue)} is not a version that can be compared`);
    const b = parseSemver(value);
    if (!b) throw new OperatorError(name, `the value ${describeValue(value)} is not a version`);
    return test(compareSemver(a, b));
  },
});

export const semverOperators: OperatorSpec[] = [
  semverOperator('semverEqual', '==', (o) => o === 0),
  semverOperator('semverGreaterThan', '>', (o) => o > 0),
  semverOperator('semverGreaterThanInclusive', '>=', (o) => o >= 0),
  semverOperator('semverLessThan', '<', (o) => o < 0),
  semverOperator('semverLessThanInclusive', '<=', (o) => o <= 0),
];
