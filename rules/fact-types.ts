// The small type language of the fact catalog. One description of each fact serves three purposes: checking the
// facts the workflow gathered, checking the literal values policy conditions compare them with, and the docs.
import { describeType, isPlainObject, preview, type JsonValue } from './json.js';

export type FieldType =
  | { kind: 'string'; format?: 'datetime' | 'date' | 'version'; nullable?: boolean; maxLength?: number }
  | { kind: 'number'; integer?: boolean; min?: number; max?: number; nullable?: boolean }
  | { kind: 'boolean'; nullable?: boolean }
  | { kind: 'enum'; values: readonly string[]; nullable?: boolean }
  | { kind: 'array'; items: FieldType; maxItems?: number }
  | { kind: 'object'; fields: Readonly<Record<string, FieldSpec>>; nullable?: boolean };

export interface FieldSpec {
  type: FieldType;
  description: string;
  example: JsonValue;
}

export interface TypeProblem {
  path: string;
  message: string;
}

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const defaultMaxString = 10_000;
const defaultMaxItems = 10_000;

/** How a type reads in docs and messages: `integer`, `string | null`, `"major" | "minor"`, `string[]`. */
export function typeName(type: FieldType): string {
  const base = (() => {
    switch (type.kind) {
      case 'string': return type.format === 'datetime' ? 'string (ISO-8601 time)' : type.format === 'date' ? 'string (YYYY-MM-DD)' : type.format === 'version' ? 'string (version)' : 'string';
      case 'number': return type.integer ? 'integer' : 'number';
      case 'boolean': return 'boolean';
      case 'enum': return type.values.map((v) => JSON.stringify(v)).join(' | ');
      case 'array': return type.items.kind === 'object' ? 'array of objects' : `${typeName(type.items)}[]`;
      case 'object': return 'object';
    }
  })();
  return isNullable(type) ? `${base} | null` : base;
}

export function isNullable(type: FieldType): boolean {
  return 'nullable' in type && type.nullable === true;
}

/**
 * Checks `value` against `type`, collecting every problem with its path. Returns the value with absent nullable
 * fields filled in as null (JSON payloads drop undefined keys, and null is how the catalog says "not known").
 */
export function checkValue(type: FieldType, value: unknown, path: string, problems: TypeProblem[]): JsonValue {
  const fail = (message: string): JsonValue => {
    problems.push({ path, message: `${message} (got ${describe(value)})` });
    return null;
  };
  if (value === null || value === undefined) {
    if (isNullable(type)) return null;
    return value === undefined ? (problems.push({ path, message: `missing: ${typeName(type)} required` }), null) : fail(`must be ${article(typeName(type))}`);
  }
  switch (type.kind) {
    case 'string': {
      if (typeof value !== 'string') return fail(`must be ${article(typeName(type))}`);
      if (value.length > (type.maxLength ?? defaultMaxString)) return fail(`must be at most ${type.maxLength ?? defaultMaxString} characters`);
      if (type.format === 'datetime' && (!isoDateTime.test(value) || Number.isNaN(Date.parse(value)))) return fail('must be an ISO-8601 time such as 2025-03-01T09:30:00Z');
      if (type.format === 'date' && !isoDate.test(value)) return fail('must be a date such as 2025-03-01');
      return value;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(`must be ${article(typeName(type))}`);
      if (type.integer && !Number.isInteger(value)) return fail('must be a whole number');
      if (type.min !== undefined && value < type.min) return fail(`must be at least ${type.min}`);
      if (type.max !== undefined && value > type.max) return fail(`must be at most ${type.max}`);
      return value;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : fail('must be true or false');
    case 'enum':
      return typeof value === 'string' && type.values.includes(value) ? value : fail(`must be one of ${type.values.map((v) => JSON.stringify(v)).join(', ')}`);
    case 'array': {
      if (!Array.isArray(value)) return fail(`must be ${article(typeName(type))}`);
      if (value.length > (type.maxItems ?? defaultMaxItems)) return fail(`must have at most ${type.maxItems ?? defaultMaxItems} items`);
      return value.map((item, i) => checkValue(type.items, item, `${path}[${i}]`, problems));
    }
    case 'object': {
      if (!isPlainObject(value)) return fail('must be an object');
      const out: Record<string, JsonValue> = {};
      for (const [key, spec] of Object.entries(type.fields)) out[key] = checkValue(spec.type, value[key], path ? `${path}.${key}` : key, problems);
      return out;
    }
  }
}

/** Whether a value of type `a` can be compared with one of type `b` (for conditions whose value is another fact). */
export function sameShape(a: FieldType, b: FieldType): boolean {
  const stringy = (t: FieldType) => t.kind === 'string' || t.kind === 'enum';
  if (stringy(a) && stringy(b)) return true;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'array' && b.kind === 'array') return sameShape(a.items, b.items);
  return a.kind !== 'object';
}

export function withNullable(type: FieldType, nullable: boolean): FieldType {
  return type.kind === 'array' ? type : ({ ...type, nullable });
}

function describe(value: unknown): string {
  return value === null || typeof value === 'object' ? describeType(value) : preview(value, 60);
}

function article(name: string): string {
  return /^[aeiou]/i.test(name) ? `an ${name}` : /^"/.test(name) ? `one of ${name}` : `a ${name}`;
}
