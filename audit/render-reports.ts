// What `audit replay`, `audit verify` and `audit export` print: one line per item, then a summary.
import { relative } from 'node:path';
import type { ChainReport } from '../ledger/ledger-chain.js';
import type { ExportProgress } from './export.js';
import type { RowVerdict, VerifyReport } from './inspect.js';
import type { ReplayOutcome } from './replay.js';
import { renderDisagreements } from './render-timeline.js';

const shown = (source: string) => (source.startsWith('/') ? relative(process.cwd(), source) || source : source);

export function renderReplayOutcome(o: ReplayOutcome): string {
  if (o.ok) return `ok    ${shown(o.source)}  ${o.workflowId}\n`;
  return `FAIL  ${shown(o.source)}  ${o.workflowId}\n      ${o.problem}: ${o.reason}\n`;
}

export function renderReplaySummary(outcomes: readonly ReplayOutcome[], ms: number): string {
  const failed = outcomes.filter((o) => !o.ok);
  const kinds = ['nondeterminism', 'replay-failed', 'unreadable'].map((k) => [k, failed.filter((o) => o.problem === k).length] as const).filter(([, n]) => n > 0);
  return `\n${outcomes.length} histories replayed in ${(ms / 1000).toFixed(1)} s: ${outcomes.length - failed.length} ok, ${failed.length} failed`
    + (kinds.length > 0 ? ` (${kinds.map(([k, n]) => `${n} ${k}`).join(', ')})` : '') + '\n';
}

export function renderVerify(report: VerifyReport): string {
  const lines: string[] = [];
  for (const r of report.rows) lines.push(...verdictLines(r));
  const bad = report.rows.filter((r) => r.error || r.disagreements.length > 0);
  lines.push('', `${report.rows.length} ledger rows checked against their histories: ${report.rows.length - bad.length} agree, ${bad.length} do not`);
  lines.push(...chainLines(report.chain));
  return lines.join('\n') + '\n';
}

function verdictLines(r: RowVerdict): string[] {
  const head = `${r.platformId}/${r.approvalNo} (${r.state}, run ${r.runId})`;
  if (r.error) return [`FAIL  ${head}: ${r.error}`];
  if (r.disagreements.length === 0) return [`ok    ${head}`];
  return [`FAIL  ${head}`, ...renderDisagreements(r.disagreements, true).slice(1).map((l) => `    ${l}`)];
}

function chainLines(c: ChainReport): string[] {
  const lines = [`hash chain: ${c.entries} journal entries, head at entry ${c.head.seq} (sha256 ${c.head.entryHash})`];
  if (c.firstBreak) lines.push(`  BROKEN at ${c.firstBreak.at}: ${c.firstBreak.problem}`);
  for (const p of c.rowProblems) lines.push(`  ✗ ${p.at}: ${p.problem}`);
  if (c.unchainedRows > 0) lines.push(`  note: ${c.unchainedRows} rows were written before the chain existed (migration 004) and are not covered by it`);
  if (c.ok) lines.push('  intact: every entry links to the one before, and every row is as last written');
  return lines;
}

/** A progress line at most once a second (and the last one), so long exports show they are moving. */
export function progressPrinter(write: (line: string) => void): (p: ExportProgress) => void {
  let last = 0;
  let lastDone = -1;
  return (p) => {
    const now = Date.now();
    if (p.done === lastDone || (now - last < 1000 && p.done < p.total)) return;
    last = now;
    lastDone = p.done;
    write(`exported ${p.done}/${p.total} (${p.perSecond.toFixed(1)}/s${p.failed > 0 ? `, ${p.failed} failed` : ''})\n`);
  };
}
