// The shape of a ledger row as the rest of the code sees it (camelCase; db columns are snake_case).
export type LedgerState = 'pending' | 'decided' | 'conflict' | 'failed';
export type DecisionSource = 'rule' | 'default' | 'fail-safe' | 'reviewer' | 'deadline' | 'conflict';

export interface LedgerEntry {
  platformId: string;
  approvalNo: string;
  applicationIds: string[];
  miniProgramId?: string | undefined;
  miniProgramName?: string | undefined;
  version?: string | undefined;
  applicant?: string | undefined;
  state: LedgerState;
  policyOutcome: 'approve' | 'reject' | 'escalate';
  outcome?: 'approve' | 'reject' | undefined;
  source?: DecisionSource | undefined;
  decidedBy?: string | undefined;
  note?: string | undefined;
  firedRules: unknown[];
  explanation: unknown[];
  reasons: string[];
  escalation?: unknown;
  reviewerDecisions: unknown[];
  policyName: string;
  policyVersion?: number | undefined;
  policyHash: string;
  facts: unknown;
  workflowId: string;
  runId: string;
  tcmppRequestId?: string | undefined;
  tcmppErrorCode?: string | undefined;
  tcmppError?: string | undefined;
  conflict?: unknown;
  attempts: number;
  escalatedAt?: string | undefined;
  decidedAt?: string | undefined;
}

export interface LedgerRow extends LedgerEntry {
  createdAt: string;
  updatedAt: string;
}

export interface LedgerFilter {
  since?: Date;
  until?: Date;
  state?: LedgerState;
  outcome?: 'approve' | 'reject' | 'pending';
  platformId?: string;
  limit?: number;
}

/** Recent decisions of one mini program and of one applicant: what the policy's `history` facts are made of. */
export interface HistoryCounts {
  approved: number;
  rejected: number;
  escalated: number;
  lastOutcome: 'approve' | 'reject' | null;
  lastDecidedAt: string | null;
}
