// approvalWorkflow: one per TCMPP approval (id approval:<platformId>:<approvalNo>).
//   gatherFacts -> loadPolicy -> evaluate (here, deterministic) -> [escalate: wait for reviewers' `decide`]
//   -> submitDecision (rate limited, idempotent) -> recordDecision (ledger).
// Deterministic code only: activities do every side effect, the clock is Temporal's.
import { ActivityFailure, ApplicationFailure, log, setHandler, workflowInfo } from '@temporalio/workflow';
import { evaluate } from '../../rules/evaluate.js';
import { FailureType } from '../../failures/types.js';
import { gatherFacts, loadPolicy, recordDecision, submitActivities } from './activities.js';
import { ruleFinalDecision } from './final-decision.js';
import { finishedEntry, pendingEntry, applicationIds } from './ledger-entry.js';
import { decideUpdate, stateQuery, type DecideResult } from './messages.js';
import { awaitReview } from './review-wait.js';
import { refuseReviewerDecision, tallyReviews } from './reviews.js';
import type { ApprovalRequest, ApprovalState, DecisionRecord, FinalDecision, SubmissionSummary } from './types.js';

export async function approvalWorkflow(request: ApprovalRequest): Promise<DecisionRecord> {
  const { workflowId, runId } = workflowInfo();
  const run = { workflowId, runId };
  const { platformId } = request;
  const approvalNo = request.approval.ApprovalNo;
  const noteMaxLength = request.settings.noteMaxLength;
  const state: ApprovalState = { stage: 'gathering-facts', platformId, approvalNo, reviewerDecisions: [] };
  const now = () => new Date().toISOString(); // Temporal's deterministic clock inside a workflow

  setHandler(stateQuery, () => state);
  setHandler(
    decideUpdate,
    (input): DecideResult => {
      state.reviewerDecisions.push({ reviewer: input.reviewer.trim(), outcome: input.outcome, note: (input.note ?? '').trim(), at: now() });
      const done = tallyReviews(state.reviewerDecisions, state.requiredApprovals ?? 1);
      const approvals = state.reviewerDecisions.filter((d) => d.outcome === 'approve').length;
      log.info('reviewer decision accepted', { approvalNo, reviewer: input.reviewer, outcome: input.outcome });
      return {
        accepted: true,
        ...(done ? { finalOutcome: done.outcome } : {}),
        approvalsStillNeeded: done ? 0 : Math.max(0, (state.requiredApprovals ?? 1) - approvals),
      };
    },
    {
      validator: (input) => {
        const why = refuseReviewerDecision(input, { awaitingReview: state.stage === 'awaiting-review', noteMaxLength, decisions: state.reviewerDecisions });
        if (why) throw new Error(why);
      },
    },
  );

  try {
    state.facts = await gatherFacts({ platformId, approval: request.approval });
  } catch (err) {
    // Without facts the policy cannot approve anything: evaluate fails safe to escalate, and a human decides.
    state.factsError = failureMessage(err);
    log.warn('facts could not be gathered; the decision fails safe to a reviewer', { approvalNo, error: state.factsError });
  }

  state.stage = 'loading-policy';
  let policyDocument: unknown = null;
  try {
    const policy = await loadPolicy();
    policyDocument = policy.document;
    state.policy = { name: policy.name, version: policy.version, hash: policy.hash };
  } catch (err) {
    log.warn('no policy could be loaded; the decision fails safe to a reviewer', { approvalNo, error: failureMessage(err) });
  }

  state.stage = 'evaluating';
  const decision = await evaluate(policyDocument, state.facts ?? null, {
    noteMaxLength,
    ...(state.policy?.version !== undefined ? { policyVersion: state.policy.version } : {}),
    policyHash: state.policy?.hash ?? 'none',
  });
  state.decision = decision;
  log.info('policy decided', { approvalNo, outcome: decision.outcome, firedRules: decision.firedRules.map((r) => r.name), failSafe: decision.failSafe });

  let final: FinalDecision;
  if (decision.outcome === 'escalate') {
    state.stage = 'awaiting-review';
    state.escalatedAt = now();
    state.requiredApprovals = decision.escalation?.requiredApprovals ?? 1;
    await recordDecision(pendingEntry(request, state, run, now()));
    final = await awaitReview(state, decision, noteMaxLength);
  } else {
    final = ruleFinalDecision(decision, decision.outcome);
  }
  state.final = final;

  state.stage = 'submitting';
  const submission = await submit(request, final);
  state.submission = submission;

  state.stage = 'recording';
  await recordDecision(finishedEntry(request, state, run, final, submission, now()));

  if (submission.status === 'failed') {
    state.stage = 'failed';
    throw ApplicationFailure.create({
      type: FailureType.tcmppRejected,
      message: `TCMPP refused the ${final.outcome} of ${approvalNo}: ${submission.error ?? submission.errorCode}`,
      nonRetryable: true,
      details: [{ code: submission.errorCode, requestId: submission.requestId }],
    });
  }
  state.stage = 'done';
  return {
    platformId, approvalNo, workflowId, runId,
    outcome: submission.status === 'conflict' ? 'conflict' : final.outcome,
    note: final.note,
    source: submission.status === 'conflict' ? 'conflict' : final.source,
    decidedBy: final.decidedBy,
    policyDecision: decision,
    reviewerDecisions: state.reviewerDecisions,
    submission,
  };
}

async function submit(request: ApprovalRequest, final: FinalDecision): Promise<SubmissionSummary> {
  const { submitDecision } = submitActivities(request.settings);
  try {
    const result = await submitDecision({
      platformId: request.platformId,
      approvalNo: request.approval.ApprovalNo,
      applicationIds: applicationIds(request),
      outcome: final.outcome,
      note: final.note.slice(0, request.settings.noteMaxLength),
      ...(request.approval.MNPName ? { mnpName: request.approval.MNPName } : {}),
    });
    return { status: result.status, requestId: result.requestId, attempts: result.attempt, ...(result.conflict ? { conflict: result.conflict } : {}) };
  } catch (err) {
    // Only a non-retryable failure (or a day of transient ones) reaches here: record it, then fail the workflow.
    const cause = err instanceof ActivityFailure ? err.cause : err;
    const details = cause instanceof ApplicationFailure ? (cause.details?.[0] as { code?: string; requestId?: string } | undefined) : undefined;
    return {
      status: 'failed',
      attempts: 0,
      ...(details?.code ? { errorCode: details.code } : {}),
      ...(details?.requestId ? { requestId: details.requestId } : {}),
      error: failureMessage(err),
    };
  }
}

function failureMessage(err: unknown): string {
  if (err instanceof ActivityFailure && err.cause) return err.cause.message;
  return err instanceof Error ? err.message : String(err);
}
