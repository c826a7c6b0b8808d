// Content hashes: sha256 of canonical JSON (a policy version's name, a ledger row's chained content). Keys are
// sorted at every level, so the same content hashes the same however an editor (or PostgreSQL's jsonb) ordered
// its keys.
import { createHash } from 'node:crypto';

/** JSON with object keys sorted and no whitespace; undefined members are dropped as JSON.stringify drops them. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** The same canonical order, indented for people (diffs, `policy show`). */
export function canonicalJsonPretty(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2);
}

/** sha256 of a value's canonical JSON: the same content hashes the same whoever wrote it (policies, ledger rows, facts). */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** The hash that names a policy version. */
export const policyContentHash: (document: unknown) => string = contentHash;

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}
