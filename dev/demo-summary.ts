// What `make dev` prints once the first intake has run: how each picked-up approval was decided, by which
// rules, and the commands that decide the escalated ones. Read from the ledger, the record of what happened.
import type { Ledger } from '../ledger/ledger-store.js';
import type { LedgerRow } from '../ledger/types.js';

export interface SummaryOptions {
  ledger: Ledger;
  platformIds: readonly string[];
  /** How many processing approvals the platforms listed at start (the summary waits for them). */
  expected: number;
  timeoutMs: number;
  write: (text: string) => void;
  signal?: AbortSignal;
}

/** Waits until `expected` approvals have a ledger row (or the timeout), then prints the summary. */
export async function printDecisionSummary(opts: SummaryOptions): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  let rows: LedgerRow[] = [];
  while (!opts.signal?.aborted) {
    rows = (await opts.ledger.list({ limit: 1000 })).filter((r) => opts.platformIds.includes(r.platformId));
    if (rows.length >= opts.expected || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  if (opts.signal?.aborted) return;
  opts.write(formatSummary(rows, opts.expected));
}

export function formatSummary(rows: readonly LedgerRow[], expected: number): string {
  const by = (pred: (r: LedgerRow) => boolean) => rows.filter(pred);
  const approved = by((r) => r.state === 'decided' && r.outcome === 'approve');
  const rejected = by((r) => r.state === 'decided' && r.outcome === 'reject');
  const pending = by((r) => r.state === 'pending');
  const other = by((r) => r.state === 'failed' || r.state === 'conflict');
  const rules = (r: LedgerRow) => {
    const fired = (r.firedRules as { name?: string; type?: string }[]).filter((f) => f.type === r.policyOutcome).map((f) => f.name);
    return fired.length > 0 ? fired.join(', ') : (r.reasons[0] ?? 'policy default');
  };
  const line = (r: LedgerRow) => `    ${r.approvalNo}  ${r.miniProgramName ?? r.miniProgramId ?? '?'} ${r.version ?? ''}  <- ${rules(r)}`;
  const out = ['', `release-gate decided ${rows.length - pending.length} of ${expected} demo approvals; ${pending.length} wait for a reviewer`];
  const section = (title: string, list: LedgerRow[], extra?: (r: LedgerRow) => string) => {
    if (list.length === 0) return;
    out.push(`  ${title} (${list.length}):`);
    for (const r of list) out.push(line(r) + (extra ? extra(r) : ''));
  };
  section('approved', approved);
  section('rejected', rejected, (r) => (r.note ? `\n        note: ${r.note}` : ''));
  section('escalated, pending a reviewer', pending);
  section('failed or in conflict', other, (r) => `\n        ${r.state}: ${r.tcmppErrorCode ?? ''} ${r.tcmppError ?? ''}`);
  if (pending.length > 0) {
    out.push('  Decide the escalated ones with, for example:');
    for (const r of pending) {
      out.push(`    npx release-gate decide ${r.approvalNo} --platform ${r.platformId} --reviewer you --approve --note "looks good"`);
    }
    out.push('  (or --reject --note "why"; `npx release-gate pending` lists them again)');
  }
  out.push('  `npx release-gate decisions` lists the ledger; the Temporal UI shows every workflow.', '');
  return out.join('\n');
}
