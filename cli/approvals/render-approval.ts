// How `release-gate show`, `submit` and `decide` print one approval for people.
import type { PushResult } from '../../intake/push.js';
import type { LedgerRow } from '../../ledger/types.js';
import type { ApprovalView } from '../../reviews/inspect.js';
import type { EscalationSettings } from '../../rules/decision.js';
import type { DecideResult } from '../../workflows/approval/messages.js';
import type { ReviewerDecision, ReviewerDecisionInput } from '../../workflows/approval/reviews.js';
import { decideCommands, outcomeOf } from './render-list.js';
import { shortTime } from '../table.js';

export function renderPushResult(platformId: string, approvalNo: string, pushed: PushResult): string {
  const what = {
    'started': 'started',
    'already-running': 'already running (nothing new started)',
    'already-finished': 'already decided (its workflow has finished; nothing new started)',
  }[pushed.result];
  return `${approvalNo} on ${platformId}: ${what}\n  workflow: ${pushed.workflowId}\n  follow it: release-gate show ${approvalNo} --platform ${platformId}\n`;
}

export function renderDecideResult(approvalNo: string, decision: ReviewerDecisionInput, result: DecideResult): string {
  const lines = [`accepted: ${decision.reviewer} ${decision.outcome === 'approve' ? 'approves' : 'rejects'} ${approvalNo}`];
  if (result.finalOutcome) lines.push(`final outcome: ${result.finalOutcome} (being submitted to TCMPP; the ledger records it when done)`);
  else lines.push(`approvals still needed: ${result.approvalsStillNeeded} (from other reviewers)`);
  return lines.join('\n') + '\n';
}

export function renderApprovalView(platformId: string, approvalNo: string, view: ApprovalView): string {
  const { state, ledger } = view;
  const decision = state?.decision;
  const out: string[] = [`${approvalNo} on platform ${platformId}`];
  const field = (name: string, value: string | undefined) => { if (value) out.push(`  ${`${name}:`.padEnd(20)}${value}`); };

  field('workflow', `${view.workflowId}${view.workflowStatus ? ` (${view.workflowStatus.toLowerCase()})` : ' (not in Temporal: closed and cleaned up)'}`);
  if (ledger) field('mini program', `${ledger.miniProgramName ?? ''} ${ledger.miniProgramId ? `(${ledger.miniProgramId})` : ''} ${ledger.version ?? ''}`.replace(/\s+/g, ' ').trim());
  if (ledger?.applicant) field('applicant', ledger.applicant);
  field('stage', state?.stage);
  field('live state', view.stateUnavailable);

  const policyOutcome = decision?.outcome ?? ledger?.policyOutcome;
  const policy = decision?.policy ?? (ledger ? { name: ledger.policyName, version: ledger.policyVersion, hash: ledger.policyHash } : undefined);
  if (policyOutcome) {
    const failSafe = decision?.failSafe ? ' (fail-safe)' : '';
    const policyText = policy ? ` by policy ${policy.name}${policy.version !== undefined ? ` v${policy.version}` : ''} #${policy.hash.slice(0, 12)}` : '';
    field('policy decision', `${policyOutcome}${failSafe}${policyText}`);
  }
  if (state?.factsError) field('facts', `incomplete: ${state.factsError}`);

  const reasons = decision?.reasons ?? ledger?.reasons ?? [];
  if (reasons.length > 0) out.push('  reasons:', ...reasons.map((r) => `    - ${r}`));
  const fired = (decision?.firedRules ?? ledger?.firedRules ?? []) as { name: string; type: string; note?: string }[];
  out.push(fired.length > 0 ? '  fired rules:' : '  fired rules:       none');
  for (const rule of fired) out.push(`    - ${rule.name} (${rule.type})${rule.note ? `: ${rule.note}` : ''}`);

  const escalation = (decision?.escalation ?? ledger?.escalation) as Partial<EscalationSettings> | null | undefined;
  if (policyOutcome === 'escalate' && escalation) {
    const needs = state?.requiredApprovals ?? escalation.requiredApprovals ?? 1;
    field('review', `needs ${needs} approval${needs === 1 ? '' : 's'}${escalation.reviewers?.length ? ` from ${escalation.reviewers.join(', ')}` : ''}${state?.reviewDeadline ? `, deadline ${shortTime(state.reviewDeadline)} UTC` : ''}`);
  }
  const reviews = (state?.reviewerDecisions ?? ledger?.reviewerDecisions ?? []) as ReviewerDecision[];
  if (reviews.length > 0) out.push('  reviewer decisions:', ...reviews.map((d) => `    - ${shortTime(d.at)} UTC ${d.reviewer}: ${d.outcome}${d.note ? ` (${d.note})` : ''}`));

  if (state?.final) field('final decision', `${state.final.outcome} by ${state.final.source} (${state.final.decidedBy.join(', ')})${state.final.note ? `: ${state.final.note}` : ''}`);
  if (state?.submission) {
    const s = state.submission;
    field('submission', `${s.status}${s.requestId ? `, RequestId ${s.requestId}` : ''}${s.attempts ? `, ${s.attempts} attempt${s.attempts === 1 ? '' : 's'}` : ''}${s.errorCode ? `, ${s.errorCode}` : ''}`);
  }
  field('ledger', ledger ? ledgerSummary(ledger) : 'no row yet (the workflow writes one when it escalates or decides)');
  if (state?.stage === 'awaiting-review') {
    const commands = decideCommands(platformId, approvalNo);
    out.push('  to decide:', `    ${commands.approve}`, `    ${commands.reject}`);
  }
  return out.join('\n') + '\n';
}

function ledgerSummary(row: LedgerRow): string {
  const parts = [row.state === 'pending' ? `pending since ${shortTime(row.escalatedAt ?? row.updatedAt)} UTC` : outcomeOf(row)];
  if (row.decidedBy) parts.push(`by ${row.decidedBy}${row.source ? ` (${row.source})` : ''}`);
  if (row.decidedAt) parts.push(`at ${shortTime(row.decidedAt)} UTC`);
  if (row.note) parts.push(`note "${row.note}"`);
  if (row.tcmppRequestId) parts.push(`TCMPP RequestId ${row.tcmppRequestId}`);
  if (row.tcmppErrorCode) parts.push(`TCMPP error ${row.tcmppErrorCode}`);
  return parts.join(', ');
}
