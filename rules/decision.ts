// What evaluate() returns: the decision contract of DESIGN.md as plain JSON, because it travels through Temporal
// payloads, the ledger and the audit tools. Types only; rules/evaluate.ts makes them.
import type { Outcome } from './facts.js';

/** A rule whose conditions held. */
export interface FiredRule {
  name: string;
  type: Outcome;
  description?: string;
  /** The rule's event params.note, when it has one. */
  note?: string;
}

/** One leaf condition of a rule, as it was (or was not) evaluated. */
export interface ConditionExplanation {
  kind: 'condition';
  /** Where it sits in the policy, e.g. `rules[3].conditions.all[1]`. */
  at: string;
  fact: string;
  /** The condition's JSONPath into the fact, when it has one (`$.bump`). */
  path?: string;
  operator: string;
  /** The value the condition compares with (a literal, or `{ fact }` resolved to its value). */
  expected: unknown;
  /** The fact's value at `path`; undefined when the fact was missing. */
  factValue?: unknown;
  /** true or false when evaluated; null when json-rules-engine skipped it (an `any` already true, an `all` already false). */
  result: boolean | null;
  skipped: boolean;
  /** Why it could not be evaluated (missing fact, operator error). */
  error?: string;
}

/** A group of conditions (all, any, not) with its result. */
export interface GroupExplanation {
  kind: 'all' | 'any' | 'not';
  at: string;
  result: boolean | null;
  skipped: boolean;
  children: ConditionNode[];
}

export type ConditionNode = ConditionExplanation | GroupExplanation;

/** Every rule of the policy, fired or not, with every condition in it. */
export interface RuleExplanation {
  name: string;
  type: Outcome;
  description?: string;
  fired: boolean;
  conditions: ConditionNode;
  error?: string;
}

/** How an escalation is to be reviewed, merged from the policy's escalation settings and the fired escalate rules. */
export interface EscalationSettings {
  reviewers: string[];
  /** Distinct reviewers who must approve (2 = four eyes). */
  requiredApprovals: number;
  /** Hours reviewers have before onDeadline applies; null for no deadline. */
  deadlineHours: number | null;
  onDeadline: 'reject' | 'remain-pending';
}

export interface PolicyIdentity {
  name: string;
  version?: number;
  hash: string;
}

export interface PolicyDecision {
  outcome: Outcome;
  /** Sent to TCMPP: the note of the deciding rules (always non-empty on reject), cut to noteMaxLength. */
  note: string;
  /** True when the outcome is escalate because something went wrong (bad policy, missing fact, operator error). */
  failSafe: boolean;
  /** Why the outcome is what it is, in sentences a reviewer reads. */
  reasons: string[];
  firedRules: FiredRule[];
  explanation: RuleExplanation[];
  /** Set when the outcome is escalate. */
  escalation: EscalationSettings | null;
  policy: PolicyIdentity;
}

export interface EvaluateOptions {
  noteMaxLength: number;
  policyVersion?: number;
  policyHash: string;
}
