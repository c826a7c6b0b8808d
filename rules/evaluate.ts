// evaluate(): the policy decision of DESIGN.md. Validate the policy, check the facts, run every rule on a fresh
// engine, explain every condition, and apply precedence (reject > escalate > approve > default). Anything that
// goes wrong (bad policy, missing or mistyped fact, operator failure, engine error, an exception here) gives
// escalate with failSafe true and the reason: an approval only ever comes from a rule that really fired (or an
// approve default that a valid policy asked for, when no rule fired).
import { checkFacts } from './check-facts.js';
import type { EvaluateOptions, FiredRule, PolicyDecision, PolicyIdentity, RuleExplanation } from './decision.js';
import { composeDecision, composeEscalation, cutNote, firedFrom, rulesByName } from './decide.js';
import { explainRules } from './explain.js';
import { isPlainObject, preview } from './json.js';
import type { PolicyDocument } from './policy.js';
import { runEngine } from './run-engine.js';
import { formatProblem, validatePolicy } from './validate.js';

export type * from './decision.js';

const shownProblems = 10;

export async function evaluate(policy: unknown, facts: unknown, opts: EvaluateOptions): Promise<PolicyDecision> {
  const identity = identify(policy, opts);
  const noteMax = validNoteMax(opts?.noteMaxLength);
  try {
    if (noteMax === null) return failSafe(identity, 500, [`evaluate was called with an unusable noteMaxLength (${preview(opts?.noteMaxLength, 40)}); it must be a whole number of at least 1`]);
    const validation = validatePolicy(policy);
    if (!validation.ok) {
      const listed = validation.errors.slice(0, shownProblems).map((p) => `the policy is invalid: ${formatProblem(p)}`);
      const more = validation.errors.length - shownProblems;
      return failSafe(identity, noteMax, [...listed, ...(more > 0 ? [`...and ${more} more problems in the policy`] : [])]);
    }
    const valid = validation.policy;
    if (facts === null || facts === undefined) {
      return failSafe(identity, noteMax, ['no facts were gathered for this approval, so the policy cannot decide it'], explainRules(valid, null, new Map(), [], 'no facts'), valid);
    }
    const factCheck = checkFacts(valid, facts);
    const run = await runEngine(valid, factCheck.facts);
    const explanation = explainRules(valid, factCheck.facts, run.results, run.operatorFailures, run.error);
    const doubts = [
      ...factCheck.used.map((p) => `fact ${p.path || '(all facts)'} is unusable: ${p.message}`),
      ...run.operatorFailures.map((f) => `operator ${f.operator} failed: ${f.message}`),
      ...(run.error ? [`the rules engine stopped: ${run.error}`] : []),
    ];
    const unusedNotes = factCheck.unused.length > 0 ? [`facts the policy does not read had problems (${factCheck.unused.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ')}${factCheck.unused.length > 3 ? '; ...' : ''})`] : [];
    if (doubts.length > 0) {
      const listed = doubts.slice(0, shownProblems);
      if (doubts.length > shownProblems) listed.push(`...and ${doubts.length - shownProblems} more`);
      return failSafe(identity, noteMax, [...listed, ...unusedNotes], explanation, valid);
    }
    const decision = composeDecision(valid, explanation, identity, noteMax);
    decision.reasons.push(...unusedNotes);
    return decision;
  } catch (err) {
    return failSafe(identity, noteMax ?? 500, [`the evaluation failed unexpectedly: ${err instanceof Error ? err.message : String(err)}`]);
  }
}

function failSafe(identity: PolicyIdentity, noteMax: number, why: string[], explanation: RuleExplanation[] = [], policy?: PolicyDocument): PolicyDecision {
  const byName = policy ? rulesByName(policy) : null;
  const firedRules: FiredRule[] = byName ? firedFrom(byName, explanation) : [];
  const fromRules = policy && byName ? composeEscalation(policy, byName, firedRules) : null;
  return {
    outcome: 'escalate',
    note: cutNote('Escalated to a reviewer: the policy could not decide this release safely.', noteMax),
    failSafe: true,
    reasons: [...why, 'failing safe: escalated to a reviewer instead of deciding automatically'],
    firedRules,
    explanation,
    escalation: fromRules ?? { reviewers: [], requiredApprovals: 1, deadlineHours: null, onDeadline: 'remain-pending' },
    policy: identity,
  };
}

function identify(policy: unknown, opts: EvaluateOptions | undefined): PolicyIdentity {
  const name = isPlainObject(policy) && typeof policy.name === 'string' && policy.name.trim() !== '' ? policy.name.slice(0, 128) : '(invalid policy)';
  const hash = typeof opts?.policyHash === 'string' ? opts.policyHash : 'none';
  const version = opts?.policyVersion;
  return { name, hash, ...(typeof version === 'number' && Number.isFinite(version) ? { version } : {}) };
}

function validNoteMax(n: unknown): number | null {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : null;
}
