// Builds the ledger rows the workflow writes (through the recordDecision activity) from its own state, so
// the row always says what the workflow decided and nothing the activity made up.
import type { LedgerEntry } from '../../ledger/types.js';
import type { ApprovalRequest, ApprovalState, FinalDecision, SubmissionSummary } from './types.js';

export interface RunIdentity {
  workflowId: string;
  runId: string;
}

export function pendingEntry(request: ApprovalRequest, state: ApprovalState, run: RunIdentity, now: string): LedgerEntry {
  return { ...common(request, state, run), state: 'pending', escalatedAt: state.escalatedAt ?? now, attempts: 0 };
}

export function finishedEntry(
  request: ApprovalRequest,
  state: ApprovalState,
  run: RunIdentity,
  final: FinalDecision,
  submission: SubmissionSummary,
  now: string,
): LedgerEntry {
  const ledgerState = submission.status === 'conflict' ? 'conflict' : submission.status === 'failed' ? 'failed' : 'decided';
  return {
    ...common(request, state, run),
    state: ledgerState,
    outcome: final.outcome,
    source: ledgerState === 'conflict' ? 'conflict' : final.source,
    decidedBy: final.decidedBy.join(', '),
    note: final.note,
    tcmppRequestId: submission.requestId,
    tcmppErrorCode: submission.errorCode,
    tcmppError: submission.error,
    conflict: submission.conflict,
    attempts: submission.attempts,
    escalatedAt: state.escalatedAt,
    decidedAt: now,
  };
}

function common(request: ApprovalRequest, state: ApprovalState, run: RunIdentity) {
  const decision = state.decision!;
  const a = request.approval;
  return {
    platformId: request.platformId,
    approvalNo: a.ApprovalNo,
    applicationIds: applicationIds(request),
    miniProgramId: a.MNPId,
    miniProgramName: a.MNPName,
    version: a.MNPVersion,
    applicant: a.ApplyUser,
    policyOutcome: decision.outcome,
    firedRules: decision.firedRules,
    explanation: decision.explanation,
    reasons: state.factsError ? [`facts incomplete: ${state.factsError}`, ...decision.reasons] : decision.reasons,
    escalation: decision.escalation ?? undefined,
    reviewerDecisions: state.reviewerDecisions,
    policyName: decision.policy.name,
    policyVersion: decision.policy.version,
    policyHash: decision.policy.hash,
    facts: state.facts ?? null,
    workflowId: run.workflowId,
    runId: run.runId,
  };
}

/** One ApprovalItem per application of the approval (TCMPP lists one ApplicationId per approval today). */
export function applicationIds(request: ApprovalRequest): string[] {
  return request.approval.ApplicationId ? [request.approval.ApplicationId] : [];
}
