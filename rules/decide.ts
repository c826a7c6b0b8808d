// From the explained rules to the decision: precedence (reject > escalate > approve > the policy's default), the
// note TCMPP receives, the escalation settings, and the reasons in sentences. Only called when nothing went wrong;
// evaluate() handles the fail-safe paths.
import type { EscalationSettings, FiredRule, PolicyDecision, PolicyIdentity, RuleExplanation } from './decision.js';
import type { Outcome } from './facts.js';
import { defaultEscalation, type PolicyDocument, type PolicyRule } from './policy.js';

export type RulesByName = ReadonlyMap<string, PolicyRule>;

/** The policy's rules by name (unique in a valid policy); built once per decision, read for every fired rule. */
export function rulesByName(policy: PolicyDocument): RulesByName {
  return new Map(policy.rules.map((r) => [r.name, r]));
}

export function composeDecision(policy: PolicyDocument, explanation: RuleExplanation[], identity: PolicyIdentity, noteMax: number): PolicyDecision {
  const byName = rulesByName(policy);
  const fired = firedFrom(byName, explanation);
  const of = (t: Outcome) => fired.filter((r) => r.type === t);
  const deciding = of('reject').length > 0 ? of('reject') : of('escalate').length > 0 ? of('escalate') : of('approve');
  const defaultOutcome = policy.defaultOutcome ?? 'escalate';
  const outcome: Outcome = deciding[0]?.type ?? defaultOutcome;

  const reasons = fired.map((r) => `rule ${JSON.stringify(r.name)} fired: ${r.type}`);
  if (deciding.length === 0) {
    reasons.push(`no rule fired, so the policy's default outcome applies: ${defaultOutcome}`);
  } else {
    const overruled = fired.filter((r) => r.type !== outcome).map((r) => r.type);
    const names = deciding.map((r) => JSON.stringify(r.name)).join(', ');
    reasons.push(`outcome ${outcome}: decided by ${names}${overruled.length > 0 ? ` (${outcome} takes precedence over ${[...new Set(overruled)].join(' and ')})` : ''}`);
  }

  return {
    outcome,
    note: cutNote(noteFor(outcome, deciding, policy), noteMax),
    failSafe: false,
    reasons,
    firedRules: fired,
    explanation,
    escalation: outcome === 'escalate' ? composeEscalation(policy, byName, fired) : null,
    policy: identity,
  };
}

export function firedFrom(byName: RulesByName, explanation: RuleExplanation[]): FiredRule[] {
  return explanation.filter((e) => e.fired).map((e) => {
    const rule = byName.get(e.name);
    const note = rule?.event.params?.note;
    return { name: e.name, type: e.type, ...(rule ? { description: rule.description } : {}), ...(note ? { note } : {}) };
  });
}

/** policy.escalation merged with the fired escalate rules: reviewers united, the most approvals asked for. */
export function composeEscalation(policy: PolicyDocument, byName: RulesByName, fired: FiredRule[]): EscalationSettings {
  const base = policy.escalation ?? {};
  const rules = fired.filter((r) => r.type === 'escalate').map((r) => byName.get(r.name)?.event.params ?? {});
  const reviewers = [...new Set([...(base.reviewers ?? []), ...rules.flatMap((p) => p.reviewers ?? [])])];
  const requiredApprovals = Math.max(base.requiredApprovals ?? defaultEscalation.requiredApprovals, ...rules.map((p) => p.requiredApprovals ?? 1));
  return {
    reviewers,
    requiredApprovals,
    deadlineHours: base.deadlineHours ?? defaultEscalation.deadlineHours,
    onDeadline: base.onDeadline ?? defaultEscalation.onDeadline,
  };
}

function noteFor(outcome: Outcome, deciding: FiredRule[], policy: PolicyDocument): string {
  const notes = [...new Set(deciding.map((r) => r.note?.trim() ?? '').filter((n) => n !== ''))];
  if (notes.length > 0) return notes.join('; ');
  const names = deciding.map((r) => JSON.stringify(r.name)).join(', ');
  if (outcome === 'reject') return `Rejected by policy ${JSON.stringify(policy.name)}${names ? ` (rule ${names})` : ''}.`;
  if (outcome === 'approve') return names ? `Approved by policy rule ${names}.` : `Approved: no rule of policy ${JSON.stringify(policy.name)} objected, and its default outcome is approve.`;
  return names ? `Escalated for review by policy rule ${names}.` : `Escalated for review: no rule of policy ${JSON.stringify(policy.name)} matched this release.`;
}

/** The note cut to TCMPP's limit; never empty for a limit of at least 1. */
export function cutNote(note: string, max: number): string {
  const text = note.trim() === '' ? 'Decided by policy.' : note.trim();
  if (text.length <= max) return text;
  return max <= 1 ? text.slice(0, max) : `${text.slice(0, max - 1)}…`;
}
