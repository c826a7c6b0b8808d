// The approval's final decision, by whichever way it was reached: the policy alone, the reviewers, or the
// review deadline. The workflow decides with these, and the audit (audit/timeline.ts) reads a recorded history
// with the same ones, so the two cannot drift apart. Pure and deterministic: it runs in the workflow sandbox.
import type { PolicyDecision } from '../../rules/evaluate.js';
import type { ReviewOutcome } from './reviews.js';
import type { FinalDecision } from './types.js';

/**
 * The policy decided `outcome` (its own, approve or reject) alone: by the fired rules of that outcome, or by
 * its default outcome when none fired.
 */
export function ruleFinalDecision(decision: Pick<PolicyDecision, 'firedRules' | 'note'>, outcome: 'approve' | 'reject'): FinalDecision {
  const rules = decision.firedRules.filter((r) => r.type === outcome).map((r) => r.name);
  return { outcome, note: decision.note, source: rules.length > 0 ? 'rule' : 'default', decidedBy: rules.length > 0 ? rules : ['default outcome'] };
}

/** No reviewer decided within the policy's deadline, and the policy rejects then. */
export function deadlineFinalDecision(deadlineHours: number, noteMaxLength: number): FinalDecision {
  const note = `No reviewer decided within ${deadlineHours} hours of escalation; rejected by the review deadline. Resubmit to try again.`;
  return { outcome: 'reject', note: note.slice(0, noteMaxLength), source: 'deadline', decidedBy: ['deadline'] };
}

/** The reviewers' tally decided (tallyReviews). */
export function reviewerFinalDecision(tally: ReviewOutcome, noteMaxLength: number): FinalDecision {
  return { outcome: tally.outcome, note: tally.note.slice(0, noteMaxLength), source: 'reviewer', decidedBy: tally.decidedBy };
}
