// A reviewer's decision on an escalated approval, sent as the workflow's `decide` Update. The workflow's
// validator is the authority (it refuses an over-long note, a second decision by one reviewer, a workflow not
// waiting); the shape of the input is checked here first, by the validator's own shape check, so a typo gets a
// precise message without a round trip.
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { approvalWorkflowId } from '../workflows/approval/ids.js';
import { decideUpdate, type DecideResult } from '../workflows/approval/messages.js';
import { reviewerDecisionShapeProblem, type ReviewerDecisionInput } from '../workflows/approval/reviews.js';
import { ApprovalNotFoundError, ApprovalStateError, InvalidInputError } from './errors.js';

const decisionFields = ['reviewer', 'outcome', 'note'];

export function parseReviewerDecision(body: unknown): ReviewerDecisionInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidInputError('the decision must be a JSON object: {"reviewer": "...", "outcome": "approve" | "reject", "note": "..."}');
  }
  const unknown = Object.keys(body).filter((key) => !decisionFields.includes(key));
  if (unknown.length > 0) throw new InvalidInputError(`unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (expected ${decisionFields.join(', ')})`);
  const shapeProblem = reviewerDecisionShapeProblem(body);
  if (shapeProblem) throw new InvalidInputError(shapeProblem);
  const { reviewer, outcome, note } = body as ReviewerDecisionInput;
  return { reviewer: reviewer.trim(), outcome, ...(note !== undefined ? { note } : {}) };
}

export async function decideApproval(client: Client, platformId: string, approvalNo: string, decision: ReviewerDecisionInput): Promise<DecideResult> {
  const handle = client.workflow.getHandle(approvalWorkflowId(platformId, approvalNo));
  try {
    return await handle.executeUpdate(decideUpdate, { args: [decision] });
  } catch (err) {
    // The server answers NOT_FOUND for a finished workflow too, with a message saying so.
    if (err instanceof Error && /already completed/i.test(err.message)) {
      throw new ApprovalStateError(`decision refused: approval ${approvalNo} is no longer waiting for a decision, its workflow has finished (release-gate show ${approvalNo} --platform ${platformId})`);
    }
    if (err instanceof WorkflowNotFoundError) throw new ApprovalNotFoundError(platformId, approvalNo, `no approval workflow for ${approvalNo} on platform ${platformId}: it was never picked up (release-gate submit) or has been cleaned up`);
    // The validator's refusal (or the workflow having finished) arrives as a failed Update.
    if (err instanceof WorkflowUpdateFailedError) {
      const why = err.cause?.message ?? err.message;
      // The validator names the field when the input is at fault (an over-long note); anything else is the
      // approval's state (not waiting for a reviewer, this reviewer already decided).
      throw /^(note|reviewer|outcome):/.test(why) ? new InvalidInputError(`decision refused: ${why}`) : new ApprovalStateError(`decision refused: ${why}`);
    }
    throw err;
  }
}
