// validatePolicy: every problem of a policy document, each with its place (`rules[3].conditions.all[1].operator`)
// and a message an author can act on. A policy that passes can be handed to json-rules-engine as it is.
import { describeType, formatPath, isPlainObject, preview } from './json.js';
import {
  escalationKeys, eventKeys, onDeadlineChoices, outcomes, paramKeys, policyKeys, policyLimits, ruleKeys,
  type PolicyDocument,
} from './policy.js';
import { didYouMean } from './suggest.js';
import { checkCondition, priorityProblem, type ConditionCheck, type PolicyProblem } from './validate-conditions.js';

export type { PolicyProblem } from './validate-conditions.js';
export { parsePolicyText } from './parse-policy-text.js';

export type PolicyValidation =
  | { ok: true; policy: PolicyDocument; warnings: PolicyProblem[] }
  | { ok: false; errors: PolicyProblem[] };

type Path = (string | number)[];

/** `rules[3].conditions.all[1].operator: unknown operator "gt" (did you mean "greaterThan"?)` */
export function formatProblem(p: PolicyProblem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

export function validatePolicy(doc: unknown): PolicyValidation {
  const errors: PolicyProblem[] = [];
  const warnings: PolicyProblem[] = [];
  const add = (path: Path, message: string) => errors.push({ path: formatPath(path), message });

  // Size first, and alone: a huge or cyclic document is refused before anything walks it.
  let size: number;
  try {
    size = JSON.stringify(doc)?.length ?? 0;
  } catch (err) {
    return { ok: false, errors: [{ path: '', message: `the policy is not plain JSON (${err instanceof Error ? err.message : String(err)})` }] };
  }
  if (size > policyLimits.maxDocumentChars) {
    return { ok: false, errors: [{ path: '', message: `the policy is ${size} characters long once serialized; at most ${policyLimits.maxDocumentChars} are allowed` }] };
  }
  if (!isPlainObject(doc)) return { ok: false, errors: [{ path: '', message: `a policy must be a JSON object (got ${describeType(doc)})` }] };

  unknownKeys(doc, [], policyKeys, 'the policy', add);
  if (doc.$schema !== undefined && typeof doc.$schema !== 'string') add(['$schema'], `must be a string (got ${describeType(doc.$schema)})`);
  text(doc.name, ['name'], policyLimits.maxNameLength, true, add);
  text(doc.description, ['description'], policyLimits.maxDescriptionLength, false, add);
  if (doc.defaultOutcome !== undefined) oneOf(doc.defaultOutcome, ['defaultOutcome'], outcomes, add);
  if (doc.defaultOutcome === 'approve') warnings.push({ path: 'defaultOutcome', message: 'approve: every release no rule catches is approved; escalate is the safe default' });
  if (doc.escalation !== undefined) checkEscalation(doc.escalation, add);

  if (!Array.isArray(doc.rules)) {
    add(['rules'], `must be a list of rules (got ${describeType(doc.rules)})`);
  } else if (doc.rules.length > policyLimits.maxRules) {
    add(['rules'], `has ${doc.rules.length} rules; at most ${policyLimits.maxRules} are allowed`);
  } else {
    if (doc.rules.length === 0) warnings.push({ path: 'rules', message: `no rules: every release gets the default outcome (${typeof doc.defaultOutcome === 'string' ? doc.defaultOutcome : 'escalate'})` });
    const check: ConditionCheck = { problems: errors, conditionCount: 0 };
    const seen = new Map<string, number>();
    doc.rules.forEach((rule, i) => {
      checkRule(rule, i, check, add);
      if (isPlainObject(rule) && typeof rule.name === 'string') {
        const first = seen.get(rule.name);
        if (first !== undefined) add(['rules', i, 'name'], `duplicate rule name ${JSON.stringify(rule.name)} (also rules[${first}])`);
        else seen.set(rule.name, i);
      }
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, policy: doc as unknown as PolicyDocument, warnings };
}

function checkRule(rule: unknown, i: number, check: ConditionCheck, add: (path: Path, message: string) => void): void {
  const at: Path = ['rules', i];
  if (!isPlainObject(rule)) return add(at, `a rule must be an object (got ${describeType(rule)})`);
  unknownKeys(rule, at, ruleKeys, 'a rule', add);
  text(rule.name, [...at, 'name'], policyLimits.maxNameLength, true, add);
  text(rule.description, [...at, 'description'], policyLimits.maxDescriptionLength, true, add);
  const priority = priorityProblem(rule.priority);
  if (priority) add([...at, 'priority'], priority);
  if (rule.conditions === undefined) add(at, 'a rule needs "conditions"');
  else checkCondition(rule.conditions, [...at, 'conditions'], 1, check, true);

  const event = rule.event;
  if (!isPlainObject(event)) return add([...at, 'event'], `must be { "type": "approve" | "reject" | "escalate", "params": {...} } (got ${describeType(event)})`);
  unknownKeys(event, [...at, 'event'], eventKeys, 'an event', add);
  oneOf(event.type, [...at, 'event', 'type'], outcomes, add);
  const params = event.params;
  if (params !== undefined && !isPlainObject(params)) return add([...at, 'event', 'params'], `must be an object (got ${describeType(params)})`);
  const p = params ?? {};
  const pAt: Path = [...at, 'event', 'params'];
  unknownKeys(p, pAt, paramKeys, 'event params', add);
  if (event.type === 'reject' && (typeof p.note !== 'string' || p.note.trim() === '')) {
    add([...at, 'event', 'params', 'note'], 'a reject rule must carry a note: TCMPP requires one, and the applicant reads it');
  } else {
    text(p.note, [...pAt, 'note'], policyLimits.maxNoteLength, false, add);
  }
  if (event.type !== 'escalate') {
    for (const k of ['reviewers', 'requiredApprovals'] as const) if (p[k] !== undefined) add([...pAt, k], `applies to escalate rules only; this rule ${String(event.type)}s`);
  }
  if (p.reviewers !== undefined) reviewers(p.reviewers, [...pAt, 'reviewers'], add);
  if (p.requiredApprovals !== undefined) count(p.requiredApprovals, [...pAt, 'requiredApprovals'], 1, policyLimits.maxRequiredApprovals, add);
}

function checkEscalation(e: unknown, add: (path: Path, message: string) => void): void {
  if (!isPlainObject(e)) return add(['escalation'], `must be an object (got ${describeType(e)})`);
  unknownKeys(e, ['escalation'], escalationKeys, 'escalation', add);
  if (e.reviewers !== undefined) reviewers(e.reviewers, ['escalation', 'reviewers'], add);
  if (e.requiredApprovals !== undefined) count(e.requiredApprovals, ['escalation', 'requiredApprovals'], 1, policyLimits.maxRequiredApprovals, add);
  if (e.deadlineHours !== undefined && e.deadlineHours !== null) {
    const h = e.deadlineHours;
    if (typeof h !== 'number' || !Number.isFinite(h) || h <= 0 || h > policyLimits.maxDeadlineHours) add(['escalation', 'deadlineHours'], `must be a number of hours above 0 and at most ${policyLimits.maxDeadlineHours}, or null for no deadline (got ${preview(h, 40)})`);
  }
  if (e.onDeadline !== undefined) oneOf(e.onDeadline, ['escalation', 'onDeadline'], onDeadlineChoices, add);
}

function unknownKeys(obj: Record<string, unknown>, at: Path, known: readonly string[], what: string, add: (path: Path, message: string) => void): void {
  for (const k of Object.keys(obj)) if (!known.includes(k)) add([...at, k], `unknown key ${JSON.stringify(k)} in ${what}${didYouMean(k, known)}; allowed: ${known.join(', ')}`);
}

function text(v: unknown, at: Path, max: number, required: boolean, add: (path: Path, message: string) => void): void {
  if (v === undefined) {
    if (required) add(at, 'is required: a non-empty string');
  } else if (typeof v !== 'string') add(at, `must be a string (got ${describeType(v)})`);
  else if (required && v.trim() === '') add(at, 'must not be empty');
  else if (v.length > max) add(at, `is ${v.length} characters long; at most ${max} are allowed`);
}

function oneOf(v: unknown, at: Path, choices: readonly string[], add: (path: Path, message: string) => void): void {
  const problem = oneOfProblem(v, choices);
  if (problem) add(at, problem);
}

/** Why `v` is not one of `choices` (`must be one of "a", "b" (got "c")`, with a suggestion), or null. */
export function oneOfProblem(v: unknown, choices: readonly string[]): string | null {
  if (typeof v === 'string' && choices.includes(v)) return null;
  return `must be one of ${choices.map((c) => JSON.stringify(c)).join(', ')} (got ${preview(v, 40)})${typeof v === 'string' ? didYouMean(v, choices) : ''}`;
}

function count(v: unknown, at: Path, min: number, max: number, add: (path: Path, message: string) => void): void {
  if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) add(at, `must be a whole number from ${min} to ${max} (got ${preview(v, 40)})`);
}

function reviewers(v: unknown, at: Path, add: (path: Path, message: string) => void): void {
  if (!Array.isArray(v)) return add(at, `must be a list of reviewer names (got ${describeType(v)})`);
  if (v.length > policyLimits.maxReviewers) return add(at, `has ${v.length} reviewers; at most ${policyLimits.maxReviewers}`);
  v.forEach((r, i) => {
    if (typeof r !== 'string' || r.trim() === '' || r.length > policyLimits.maxNameLength) add([...at, i], `must be a reviewer name, 1 to ${policyLimits.maxNameLength} characters (got ${preview(r, 40)})`);
  });
}
