// Where a ledger row and the workflow history it claims to record disagree. The history is what Temporal
// recorded as it happened; the row is what the workflow wrote through recordDecision. Any difference means one
// of them was changed afterwards, or the workflow wrote something it did not do.
import type { LedgerRow, LedgerState } from '../ledger/types.js';
import { canonicalJson } from '../policies/canonical-hash.js';
import { ledgerStateFor } from '../workflows/approval/ledger-entry.js';
import type { DecisionTimeline } from './timeline.js';

export interface Disagreement {
  field: string;
  history: unknown;
  ledger: unknown;
}

export function compareWithLedger(t: DecisionTimeline, row: LedgerRow | undefined): Disagreement[] {
  const out: Disagreement[] = [];
  const differ = (field: string, history: unknown, ledger: unknown) => {
    if (canonicalJson(history ?? null) !== canonicalJson(ledger ?? null)) out.push({ field, history: history ?? null, ledger: ledger ?? null });
  };
  // The history against itself: its recorded decision against its recorded policy and facts, evaluated again.
  for (const why of t.reevaluationDisagrees) out.push({ field: 'decision (history re-evaluated)', history: why, ledger: null });
  const expectedState = ledgerStateOf(t);
  if (!row) {
    if (expectedState) out.push({ field: 'row', history: `a ${expectedState} ledger row (the run wrote ${t.ledgerWrites.length})`, ledger: null });
    return out;
  }
  differ('runId', t.runId, row.runId);
  if (expectedState) differ('state', expectedState, row.state);
  differ('policyOutcome', t.decision?.outcome, row.policyOutcome);
  differ('policyName', t.policy?.name ?? t.decision?.policy.name, row.policyName);
  differ('policyVersion', t.policy?.version, row.policyVersion);
  differ('policyHash', t.policy?.hash ?? 'none', row.policyHash);
  differ('facts', t.facts ?? null, row.facts);
  differ('firedRules', t.decision?.firedRules.map((r) => r.name), (row.firedRules as { name?: string }[]).map((r) => r.name));
  differ('reviewerDecisions', t.reviews.map(reviewKey), (row.reviewerDecisions as { reviewer: string; outcome: string; note: string }[]).map(reviewKey));
  if (t.final && row.state !== 'pending') {
    differ('outcome', t.final.outcome, row.outcome);
    if (t.final.source !== undefined) differ('source', t.final.source, row.source);
    if (t.final.decidedBy !== undefined) differ('decidedBy', t.final.decidedBy, row.decidedBy);
    differ('note', t.final.note, row.note);
    differ('tcmppRequestId', t.final.requestId, row.tcmppRequestId);
    differ('tcmppErrorCode', t.final.errorCode, row.tcmppErrorCode);
    if (t.final.attempts !== undefined) differ('attempts', t.final.attempts, row.attempts);
  }
  return out;
}

const reviewKey = (r: { reviewer: string; outcome: string; note: string }) => `${r.reviewer}: ${r.outcome}${r.note ? ` (${r.note})` : ''}`;

/** The state the run left its ledger row in (by the workflow's own rule), or undefined when it wrote none (yet). */
function ledgerStateOf(t: DecisionTimeline): LedgerState | undefined {
  const finished = t.ledgerWrites.length >= (t.escalated ? 2 : 1);
  if (!finished) return t.ledgerWrites.length > 0 ? 'pending' : undefined;
  return t.submissionStatus ? ledgerStateFor(t.submissionStatus) : 'decided';
}
