// The policy document: what authors write, what the store keeps and what evaluate() runs. Conditions are
// json-rules-engine's own format, so its docs apply; the rest (outcomes, escalation) is this project's contract
// (DESIGN.md "Decision semantics").
import type { Outcome } from './facts.js';

export type { Outcome } from './facts.js';

export const outcomes: readonly Outcome[] = ['approve', 'reject', 'escalate'];
export const onDeadlineChoices = ['reject', 'remain-pending'] as const;
export type OnDeadline = (typeof onDeadlineChoices)[number];

/** A leaf: compare a fact (at an optional JSONPath) with a value, or with another fact (`{ "fact": ... }`). */
export interface LeafCondition {
  fact: string;
  operator: string;
  value: unknown;
  path?: string;
  /** json-rules-engine evaluates higher priorities first and may skip the rest of an all/any. */
  priority?: number;
  name?: string;
}

export interface AllCondition { all: Condition[]; priority?: number; name?: string }
export interface AnyCondition { any: Condition[]; priority?: number; name?: string }
export interface NotCondition { not: Condition; priority?: number; name?: string }

export type TopLevelCondition = AllCondition | AnyCondition | NotCondition;
export type Condition = TopLevelCondition | LeafCondition;

export interface RuleEventParams {
  /** Sent to TCMPP with the decision; required on reject rules. */
  note?: string;
  /** Escalate rules: who reviews (merged with policy.escalation.reviewers). */
  reviewers?: string[];
  /** Escalate rules: how many distinct reviewers must approve (the highest of all fired rules wins). */
  requiredApprovals?: number;
}

export interface PolicyRule {
  name: string;
  description: string;
  priority?: number;
  conditions: TopLevelCondition;
  event: { type: Outcome; params?: RuleEventParams };
}

export interface EscalationPolicy {
  reviewers?: string[];
  requiredApprovals?: number;
  deadlineHours?: number | null;
  onDeadline?: OnDeadline;
}

export interface PolicyDocument {
  $schema?: string;
  name: string;
  description?: string;
  /** What happens when no rule fires; escalate unless the policy says otherwise. */
  defaultOutcome?: Outcome;
  escalation?: EscalationPolicy;
  rules: PolicyRule[];
}

/** Bounds that keep a hostile or runaway policy from exhausting the worker that evaluates it. */
export const policyLimits = {
  /** Serialized size of the whole document, in UTF-16 code units (JSON.stringify length). */
  maxDocumentChars: 256 * 1024,
  maxRules: 500,
  maxConditions: 5000,
  /** all/any/not groups nested inside each other, counting the rule's top-level group as 1. */
  maxDepth: 8,
  maxNameLength: 128,
  maxDescriptionLength: 2000,
  maxNoteLength: 1000,
  maxReviewers: 100,
  maxListValueItems: 1000,
  maxStringValueLength: 1000,
  maxRequiredApprovals: 20,
  maxDeadlineHours: 24 * 90,
} as const;

export const policyKeys = ['$schema', 'name', 'description', 'defaultOutcome', 'escalation', 'rules'] as const;
export const escalationKeys = ['reviewers', 'requiredApprovals', 'deadlineHours', 'onDeadline'] as const;
export const ruleKeys = ['name', 'description', 'priority', 'conditions', 'event'] as const;
export const eventKeys = ['type', 'params'] as const;
export const paramKeys = ['note', 'reviewers', 'requiredApprovals'] as const;
export const leafKeys = ['fact', 'operator', 'value', 'path', 'priority', 'name'] as const;
export const groupKeys = ['all', 'any', 'not', 'priority', 'name'] as const;

export const defaultEscalation = { requiredApprovals: 1, deadlineHours: null, onDeadline: 'remain-pending' } as const;

export function isLeaf(c: Condition): c is LeafCondition {
  return 'fact' in c;
}

/** The children of a group, whatever its kind. */
export function groupChildren(c: TopLevelCondition): { kind: 'all' | 'any' | 'not'; children: Condition[] } {
  if ('all' in c) return { kind: 'all', children: c.all };
  if ('any' in c) return { kind: 'any', children: c.any };
  return { kind: 'not', children: [c.not] };
}
