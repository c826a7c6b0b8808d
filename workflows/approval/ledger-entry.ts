// Builds the ledger rows the workflow writes (through the recordDecision activity) from its own state, so
// the row always says what the workflow decided and nothing the activity made up.
import type { LedgerEntry, LedgerState } from '../../ledger/types.js';
import type { ApprovalRequest, ApprovalState, DecisionRecord, FinalDecision, SubmissionSummary } from './types.js';

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
  const ledgerState = ledgerStateFor(submission.status);
  return {
    ...common(request, state, run),
    state: ledgerState,
    outcome: final.outcome,
    ...ledgerDecider(final, ledgerState),
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

/** The finished row's state: how the submission ended (a different decision found in TCMPP is a conflict). */
export function ledgerStateFor(status: SubmissionSummary['status']): Exclude<LedgerState, 'pending'> {
  return status === 'conflict' ? 'conflict' : status === 'failed' ? 'failed' : 'decided';
}

/** The row's source and decidedBy: a conflict is the source whoever decided; the deciders are one string. */
export function ledgerDecider(final: Pick<DecisionRecord, 'source' | 'decidedBy'>, state: LedgerState | undefined): Pick<LedgerEntry, 'source' | 'decidedBy'> {
  return { source: state === 'conflict' ? 'conflict' : final.source, decidedBy: final.decidedBy.join(', ') };
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
