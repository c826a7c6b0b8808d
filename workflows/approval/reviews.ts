// Reviewer decisions on an escalated approval: validation of each `decide` Update and the tally that ends the
// wait. Pure, so the workflow, its Update validator and the tests share one set of rules.
export interface ReviewerDecisionInput {
  reviewer: string;
  outcome: 'approve' | 'reject';
  note?: string;
}

export interface ReviewerDecision {
  reviewer: string;
  outcome: 'approve' | 'reject';
  note: string;
  /** Workflow time when the Update was accepted. */
  at: string;
}

export interface ReviewContext {
  awaitingReview: boolean;
  noteMaxLength: number;
  decisions: readonly ReviewerDecision[];
}

/**
 * What is wrong with the shape of a reviewer decision, naming the field, or undefined when it is a decision.
 * The one check of its fields: the workflow's Update validator applies it, and the HTTP API applies it first
 * (reviews/decide.ts) so a bad request is refused without a round trip to the workflow.
 */
export function reviewerDecisionShapeProblem(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return 'a decision is an object: { reviewer, outcome, note }';
  const { reviewer, outcome, note } = input as Record<string, unknown>;
  if (typeof reviewer !== 'string' || reviewer.trim() === '') return 'reviewer: required (who decides)';
  if (outcome !== 'approve' && outcome !== 'reject') return `outcome: must be "approve" or "reject" (got ${JSON.stringify(outcome)})`;
  if (note !== undefined && typeof note !== 'string') return 'note: must be a string';
  if (outcome === 'reject' && (note ?? '').trim() === '') return 'note: required when rejecting (TCMPP requires a reason)';
  return undefined;
}

/** Why a reviewer decision is refused, or undefined when it is acceptable. */
export function refuseReviewerDecision(input: unknown, ctx: ReviewContext): string | undefined {
  if (!ctx.awaitingReview) return 'this approval is not waiting for a reviewer decision';
  const shapeProblem = reviewerDecisionShapeProblem(input);
  if (shapeProblem) return shapeProblem;
  const { reviewer, note } = input as ReviewerDecisionInput;
  const text = (note ?? '').trim();
  if (text.length > ctx.noteMaxLength) return `note: ${text.length} characters, over the limit of ${ctx.noteMaxLength}`;
  if (ctx.decisions.some((d) => d.reviewer === reviewer.trim())) return `reviewer ${reviewer.trim()} has already decided this approval`;
  return undefined;
}

export interface ReviewOutcome {
  outcome: 'approve' | 'reject';
  note: string;
  decidedBy: string[];
}

/**
 * One reject ends the review (any reviewer can stop a release); an approval needs `requiredApprovals`
 * different reviewers (four eyes when it is 2).
 */
export function tallyReviews(decisions: readonly ReviewerDecision[], requiredApprovals: number): ReviewOutcome | undefined {
  const reject = decisions.find((d) => d.outcome === 'reject');
  if (reject) return { outcome: 'reject', note: reject.note, decidedBy: [reject.reviewer] };
  const approvals = decisions.filter((d) => d.outcome === 'approve');
  if (approvals.length >= Math.max(1, requiredApprovals)) {
    const notes = approvals.map((d) => d.note).filter((n) => n !== '');
    return { outcome: 'approve', note: notes.join('; '), decidedBy: approvals.map((d) => d.reviewer) };
  }
  return undefined;
}
