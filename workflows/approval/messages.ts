// The approval workflow's messages. Clients (CLI, HTTP API, tests) import these definitions; the workflow sets
// their handlers.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ReviewerDecisionInput } from './reviews.js';
import type { ApprovalState } from './types.js';

export interface DecideResult {
  accepted: true;
  /** Set when this decision completed the review; otherwise more approvals are needed. */
  finalOutcome?: 'approve' | 'reject';
  approvalsStillNeeded: number;
}

/** A reviewer's answer to an escalation. Refused (validator) unless the workflow is waiting for one. */
export const decideUpdate = defineUpdate<DecideResult, [ReviewerDecisionInput]>('decide');

/** Where the approval stands: stage, facts, decision and explanation, reviewer decisions so far. */
export const stateQuery = defineQuery<ApprovalState>('state');
