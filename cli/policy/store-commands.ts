// The store commands' actions: publish, activate, list, show, diff, active. Each prints for people, or JSON
// with --json where a script would want it.
import { userInfo } from 'node:os';
import { canonicalJsonPretty } from '../../policies/canonical-hash.js';
import { PolicyInvalidError } from '../../policies/errors.js';
import { readJsonFile } from '../../policies/policy-file.js';
import { formatPolicyDiff } from '../../policies/policy-diff.js';
import { createPolicyStore, type PolicyStore, type PolicyVersionSummary } from '../../policies/policy-store.js';
import { formatProblem } from '../../rules/validate.js';
import { UsageError } from '../context.js';
import { withServices } from '../services.js';
import { renderTable } from '../table.js';

const out = (text: string) => process.stdout.write(`${text}\n`);

/** The policy store in the database every command uses (DATABASE_URL, else the embedded one: cli/services.ts). */
function withPolicyStore<T>(fn: (store: PolicyStore) => Promise<T>): Promise<T> {
  return withServices(['database'], (s) => fn(createPolicyStore(s.pool)));
}

function parseVersion(text: string, what = 'VERSION'): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`${what} must be a version number such as 3 (got ${JSON.stringify(text)}); release-gate policy list shows them`);
  }
  return Number(text);
}

function defaultAuthor(): string {
  try {
    return process.env.USER || userInfo().username;
  } catch {
    return '';
  }
}

export async function publishCommand(file: string, opts: { author?: string; note?: string; activate?: boolean }): Promise<void> {
  const document = readJsonFile(file);
  const author = opts.author ?? defaultAuthor();
  if (!author.trim()) throw new UsageError('no author: pass --author NAME');
  await withPolicyStore(async (store) => {
    let result;
    try {
      result = await store.publish(document, { author, ...(opts.note === undefined ? {} : { note: opts.note }) });
    } catch (err) {
      if (!(err instanceof PolicyInvalidError)) throw err;
      for (const p of err.problems) out(`${file}: ${formatProblem(p)}`);
      process.stderr.write(`release-gate: ${file} was not published: ${err.problems.length} problem(s)\n`);
      process.exitCode = 1;
      return;
    }
    for (const w of result.warnings) out(`${file}: warning: ${formatProblem(w)}`);
    out(result.created
      ? `published ${file} as version ${result.version} (sha256 ${result.hash})`
      : `${file} is already published as version ${result.version} (same content, sha256 ${result.hash}); nothing new stored`);
    if (opts.activate) out(describeActivation(await store.activate(result.version, { activatedBy: author })));
  });
}

export async function activateCommand(versionText: string, opts: { by?: string }): Promise<void> {
  const version = parseVersion(versionText);
  await withPolicyStore(async (store) => {
    out(describeActivation(await store.activate(version, { activatedBy: opts.by ?? (defaultAuthor() || 'unknown') })));
  });
}

function describeActivation(r: { version: number; previous: number | undefined; changed: boolean }): string {
  if (!r.changed) return `version ${r.version} is already the active policy`;
  return `activated version ${r.version}${r.previous === undefined ? '' : ` (was version ${r.previous})`}; workflows that load the policy from now on use it`;
}

export async function listCommand(opts: { json?: boolean }): Promise<void> {
  await withPolicyStore(async (store) => {
    const versions = await store.list();
    if (opts.json) return out(JSON.stringify(versions, null, 2));
    if (versions.length === 0) return out('the policy store is empty: release-gate policy publish FILE adds a version');
    out(renderTable(['VERSION', 'ACTIVE', 'NAME', 'RULES', 'AUTHOR', 'PUBLISHED', 'HASH', 'NOTE'], versions.map(summaryRow)));
  });
}

function summaryRow(v: PolicyVersionSummary): string[] {
  return [String(v.version), v.active ? '*' : '', v.name, String(v.ruleCount), v.author, v.publishedAt.toISOString(), v.hash.slice(0, 12), v.note ?? ''];
}

export async function showCommand(versionText: string, opts: { json?: boolean; document?: boolean }): Promise<void> {
  const version = parseVersion(versionText);
  await withPolicyStore(async (store) => {
    const v = await store.show(version);
    if (opts.document) return out(canonicalJsonPretty(v.document));
    if (opts.json) return out(JSON.stringify(v, null, 2));
    out(`version      ${v.version}${v.active ? ' (active)' : ''}`);
    out(`name         ${v.name}`);
    out(`sha256       ${v.hash}`);
    out(`published    ${v.publishedAt.toISOString()} by ${v.author}`);
    if (v.note) out(`note         ${v.note}`);
    for (const a of v.activations) out(`activated    ${a.activatedAt.toISOString()} by ${a.activatedBy}`);
    out('');
    out(canonicalJsonPretty(v.document));
  });
}

export async function diffCommand(aText: string, bText: string, opts: { json?: boolean }): Promise<void> {
  const a = parseVersion(aText, 'A');
  const b = parseVersion(bText, 'B');
  await withPolicyStore(async (store) => {
    const d = await store.diff(a, b);
    out(opts.json ? JSON.stringify(d, null, 2) : formatPolicyDiff(d));
  });
}

export async function activeCommand(opts: { json?: boolean }): Promise<void> {
  await withPolicyStore(async (store) => {
    const v = await store.showActive();
    if (!v) {
      process.stderr.write('release-gate: no active policy: publish one and activate it (policy publish FILE --activate)\n');
      process.exitCode = 1;
      return;
    }
    const last = v.activations.at(-1);
    if (opts.json) return out(JSON.stringify({ version: v.version, name: v.name, hash: v.hash, activatedAt: last?.activatedAt, activatedBy: last?.activatedBy }, null, 2));
    out(`version ${v.version} "${v.name}" (sha256 ${v.hash}), ${v.ruleCount} rules${last ? `, activated ${last.activatedAt.toISOString()} by ${last.activatedBy}` : ''}`);
  });
}
