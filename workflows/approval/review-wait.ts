// Waiting for reviewers: until the tally decides, or the policy's deadline passes.
import { condition, log } from '@temporalio/workflow';
import type { PolicyDecision } from '../../rules/evaluate.js';
import { deadlineFinalDecision, reviewerFinalDecision } from './final-decision.js';
import { tallyReviews } from './reviews.js';
import type { ApprovalState, FinalDecision } from './types.js';

export async function awaitReview(state: ApprovalState, decision: PolicyDecision, noteMaxLength: number): Promise<FinalDecision> {
  const required = state.requiredApprovals ?? 1;
  const deadlineHours = decision.escalation?.deadlineHours;
  const decided = () => tallyReviews(state.reviewerDecisions, required) !== undefined;
  if (deadlineHours !== undefined && deadlineHours !== null && deadlineHours > 0) {
    state.reviewDeadline = new Date(Date.now() + deadlineHours * 3_600_000).toISOString();
    const inTime = await condition(decided, deadlineHours * 3_600_000);
    if (!inTime && decision.escalation?.onDeadline === 'reject') {
      log.info('review deadline passed: rejecting', { approvalNo: state.approvalNo, deadlineHours });
      return deadlineFinalDecision(deadlineHours, noteMaxLength);
    }
    if (!inTime) log.info('review deadline passed: remains pending for a reviewer', { approvalNo: state.approvalNo });
  }
  await condition(decided);
  return reviewerFinalDecision(tallyReviews(state.reviewerDecisions, required)!, noteMaxLength);
}
