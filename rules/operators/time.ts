// Time windows: "in working hours" as data instead of arithmetic in every rule. Hours are half-open ([9, 18]
// means 09:00 to 17:59) and may wrap midnight ([22, 6]); weekdays are mon..sun in the configured time zone.
import { weekdays, type Weekday } from '../clock.js';
import { typeName } from '../fact-types.js';
import { describeType, isPlainObject } from '../json.js';
import { OperatorError, describeValue, type OperatorSpec } from './types.js';

function hourRangeProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length !== 2) return `must be [start, end] hours such as [9, 18] (got ${describeValue(value)})`;
  const [start, end] = value as unknown[];
  if (!Number.isInteger(start) || (start as number) < 0 || (start as number) > 23) return `the start hour must be a whole number 0 to 23 (got ${describeValue(start)})`;
  if (!Number.isInteger(end) || (end as number) < 0 || (end as number) > 24) return `the end hour must be a whole number 0 to 24 (got ${describeValue(end)})`;
  if (start === end) return 'start and end are the same hour: the window would be empty';
  return null;
}

function inHours(hour: number, [start, end]: [number, number]): boolean {
  return start < end ? hour >= start && hour < end : hour >= start || hour < end;
}

function windowProblem(value: unknown): string | null {
  if (!isPlainObject(value)) return `must be { "weekdays": ["mon", ...], "hours": [9, 18] } (got ${describeType(value)})`;
  const extra = Object.keys(value).filter((k) => k !== 'weekdays' && k !== 'hours');
  if (extra.length > 0) return `unknown key "${extra[0]}": a time window has "weekdays" and "hours"`;
  if (value.weekdays === undefined && value.hours === undefined) return 'a time window needs "weekdays", "hours" or both';
  if (value.weekdays !== undefined) {
    if (!Array.isArray(value.weekdays) || value.weekdays.length === 0) return '"weekdays" must be a non-empty list such as ["mon", "tue"]';
    const bad: unknown = (value.weekdays as unknown[]).find((d) => !weekdays.includes(d as Weekday));
    if (bad !== undefined) return `"weekdays": ${describeValue(bad)} is not one of ${weekdays.join(', ')}`;
  }
  if (value.hours !== undefined) {
    const p = hourRangeProblem(value.hours);
    if (p) return `"hours": ${p}`;
  }
  return null;
}

export const timeOperators: OperatorSpec[] = [
  {
    name: 'hourBetween',
    builtin: false,
    summary: 'start <= hour < end, wrapping midnight when start > end ([22, 6] is the night)',
    factKinds: 'an hour (clock.hour)',
    checkFact: (fact) => (fact.kind === 'number' && fact.integer ? null : `compares an hour; ${typeName(fact)} is not a whole number such as clock.hour`),
    checkValue: hourRangeProblem,
    valueType: () => null,
    evaluate(factValue, value) {
      if (typeof factValue !== 'number') throw new OperatorError('hourBetween', `the fact is ${describeType(factValue)}, not an hour`);
      return inHours(factValue, value as [number, number]);
    },
  },
  {
    name: 'withinTimeWindow',
    builtin: false,
    summary: 'the clock is on one of the weekdays and within the hours given (either may be left out)',
    factKinds: 'the clock fact (no path)',
    checkFact: (fact) => (fact.kind === 'object' && 'weekday' in fact.fields && 'hour' in fact.fields ? null : 'applies to the whole clock fact: use "fact": "clock" with no path'),
    checkValue: windowProblem,
    valueType: () => null,
    evaluate(factValue, value) {
      if (!isPlainObject(factValue) || typeof factValue.hour !== 'number' || typeof factValue.weekday !== 'string') {
        throw new OperatorError('withinTimeWindow', 'the fact is not a clock with weekday and hour');
      }
      const w = value as { weekdays?: string[]; hours?: [number, number] };
      return (w.weekdays === undefined || w.weekdays.includes(factValue.weekday)) && (w.hours === undefined || inHours(factValue.hour, w.hours));
    },
  },
];
