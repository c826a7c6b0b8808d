// The approval workflow's input, state and result. Plain JSON, because they travel through Temporal payloads.
import type { ApprovalFacts } from '../../rules/facts.js';
import type { PolicyDecision } from '../../rules/evaluate.js';
import type { DescribeMNPApprovalListData } from '../../tcmpp/types.js';
import type { ReviewerDecision } from './reviews.js';

export interface ApprovalSettings {
  /** APPROVAL_NOTE_MAX_LENGTH at the time the workflow started. */
  noteMaxLength: number;
  submitTaskQueue: string;
  /** Backoff of submitDecision's retries (tests shorten it). */
  submitRetry?: { initialIntervalMs: number; maximumIntervalMs: number };
}

export interface ApprovalRequest {
  platformId: string;
  /** The approval as TCMPP listed it when it was picked up (ApprovalNo, MNPId, MNPVersion, ApplicationId...). */
  approval: DescribeMNPApprovalListData & { ApprovalNo: string };
  receivedVia: 'intake' | 'api' | 'cli';
  settings: ApprovalSettings;
}

export type ApprovalStage =
  | 'gathering-facts'
  | 'loading-policy'
  | 'evaluating'
  | 'awaiting-review'
  | 'submitting'
  | 'recording'
  | 'done'
  | 'failed';

export interface FinalDecision {
  outcome: 'approve' | 'reject';
  note: string;
  source: 'rule' | 'default' | 'reviewer' | 'deadline';
  /** Rule names, reviewer ids, or "deadline". */
  decidedBy: string[];
}

export interface SubmissionSummary {
  status: 'submitted' | 'already-applied' | 'conflict' | 'failed';
  requestId?: string;
  attempts: number;
  errorCode?: string;
  error?: string;
  conflict?: unknown;
}

export interface ApprovalState {
  stage: ApprovalStage;
  platformId: string;
  approvalNo: string;
  facts?: ApprovalFacts;
  /** Why the facts could not be gathered, when they could not (the policy then fails safe to escalate). */
  factsError?: string;
  policy?: { name: string; version?: number; hash: string };
  decision?: PolicyDecision;
  reviewerDecisions: ReviewerDecision[];
  /** Workflow time the approval was escalated to reviewers. */
  escalatedAt?: string;
  requiredApprovals?: number;
  reviewDeadline?: string;
  final?: FinalDecision;
  submission?: SubmissionSummary;
}

/** The workflow's result: what was decided, why, by whom, and what TCMPP said. */
export interface DecisionRecord {
  platformId: string;
  approvalNo: string;
  workflowId: string;
  runId: string;
  outcome: 'approve' | 'reject' | 'conflict';
  note: string;
  source: FinalDecision['source'] | 'conflict';
  decidedBy: string[];
  policyDecision: PolicyDecision;
  reviewerDecisions: ReviewerDecision[];
  submission: SubmissionSummary;
}
