// What changed between two policy versions, for a person deciding whether to activate one: the top-level
// settings, the rules added, removed and changed (matched by name, since names are unique in a valid policy),
// and a line diff of each changed rule's JSON in canonical key order.
import { canonicalJsonPretty } from './canonical-hash.js';
import { formatLineDiff, lineDiff } from './line-diff.js';

export interface PolicyVersionRef {
  version: number;
  hash: string;
  document: unknown;
}

export interface ChangedPart {
  /** A top-level key (`escalation`) or `rules["name"]`. */
  label: string;
  lines: string[];
}

export interface PolicyDiff {
  from: { version: number; hash: string };
  to: { version: number; hash: string };
  identical: boolean;
  settingsChanged: ChangedPart[];
  rulesAdded: string[];
  rulesRemoved: string[];
  rulesChanged: ChangedPart[];
  /** The rules both versions share are listed in a different order. */
  rulesReordered: boolean;
}

export function diffPolicies(a: PolicyVersionRef, b: PolicyVersionRef): PolicyDiff {
  const docA = asRecord(a.document);
  const docB = asRecord(b.document);
  const settingsChanged: ChangedPart[] = [];
  const keys = [...new Set([...Object.keys(docA), ...Object.keys(docB)])].filter((k) => k !== 'rules').sort();
  for (const key of keys) {
    const before = docA[key] === undefined ? '' : canonicalJsonPretty(docA[key]);
    const after = docB[key] === undefined ? '' : canonicalJsonPretty(docB[key]);
    if (before !== after) settingsChanged.push({ label: key, lines: changedLines(before, after) });
  }

  const rulesA = rulesByName(docA.rules);
  const rulesB = rulesByName(docB.rules);
  const rulesAdded = [...rulesB.keys()].filter((n) => !rulesA.has(n));
  const rulesRemoved = [...rulesA.keys()].filter((n) => !rulesB.has(n));
  const rulesChanged: ChangedPart[] = [];
  for (const [name, ruleA] of rulesA) {
    const ruleB = rulesB.get(name);
    if (ruleB === undefined) continue;
    const before = canonicalJsonPretty(ruleA);
    const after = canonicalJsonPretty(ruleB);
    if (before !== after) rulesChanged.push({ label: `rules[${JSON.stringify(name)}]`, lines: changedLines(before, after) });
  }
  const sharedA = [...rulesA.keys()].filter((n) => rulesB.has(n));
  const sharedB = [...rulesB.keys()].filter((n) => rulesA.has(n));

  return {
    from: { version: a.version, hash: a.hash },
    to: { version: b.version, hash: b.hash },
    identical: a.hash === b.hash,
    settingsChanged,
    rulesAdded,
    rulesRemoved,
    rulesChanged,
    rulesReordered: sharedA.some((name, k) => sharedB[k] !== name),
  };
}

export function formatPolicyDiff(d: PolicyDiff): string {
  const out = [`--- version ${d.from.version} (${d.from.hash.slice(0, 12)})`, `+++ version ${d.to.version} (${d.to.hash.slice(0, 12)})`];
  if (d.identical) return [...out, 'identical content'].join('\n');
  const nothing = !d.settingsChanged.length && !d.rulesAdded.length && !d.rulesRemoved.length && !d.rulesChanged.length;
  if (nothing && !d.rulesReordered) out.push('no differences in settings or rules');
  for (const part of d.settingsChanged) out.push('', `changed ${part.label}:`, ...part.lines);
  if (d.rulesAdded.length) out.push('', `rules added (${d.rulesAdded.length}):`, ...d.rulesAdded.map((n) => `+ ${n}`));
  if (d.rulesRemoved.length) out.push('', `rules removed (${d.rulesRemoved.length}):`, ...d.rulesRemoved.map((n) => `- ${n}`));
  for (const part of d.rulesChanged) out.push('', `changed ${part.label}:`, ...part.lines);
  if (d.rulesReordered) out.push('', 'rules reordered (order does not change the outcome; all rules are evaluated)');
  const summary = `${d.rulesAdded.length} added, ${d.rulesRemoved.length} removed, ${d.rulesChanged.length} changed rules; ${d.settingsChanged.length} changed settings`;
  return [...out, '', summary].join('\n');
}

function changedLines(before: string, after: string): string[] {
  if (before === '') return after.split('\n').map((l) => `+ ${l}`);
  if (after === '') return before.split('\n').map((l) => `- ${l}`);
  return formatLineDiff(lineDiff(before, after));
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Unnamed rules (never in a published, validated policy) fall back to their position. */
function rulesByName(rules: unknown): Map<string, unknown> {
  const map = new Map<string, unknown>();
  if (!Array.isArray(rules)) return map;
  rules.forEach((rule, k) => {
    const name = asRecord(rule).name;
    map.set(typeof name === 'string' && !map.has(name) ? name : `#${k}`, rule);
  });
  return map;
}
