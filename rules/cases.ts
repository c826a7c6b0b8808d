// Policy test cases (`release-gate policy test`): the facts of one approval and the outcome a policy should give,
// optionally the rules that should fire. Pure: the CLI reads the files and hands the parsed documents here.
import type { Outcome } from './facts.js';
import { describeType, isPlainObject, preview } from './json.js';
import { evaluate } from './evaluate.js';
import { outcomes } from './policy.js';
import { didYouMean } from './suggest.js';
import { oneOfProblem } from './validate.js';

export interface PolicyCase {
  description: string;
  facts: Record<string, unknown>;
  expect: { outcome: Outcome; firedRules?: string[]; failSafe?: boolean };
}

export interface CaseResult {
  name: string;
  passed: boolean;
  expected: PolicyCase['expect'] | null;
  actual: Outcome | null;
  firedRules: string[];
  /** Why it failed (or could not run), in a sentence. */
  message?: string;
}

const caseKeys = ['$comment', 'description', 'facts', 'expect'];
const expectKeys = ['outcome', 'firedRules', 'failSafe'];

/** Every problem of a case document, as `expect.outcome: must be one of ...`. */
export function validateCaseDocument(doc: unknown): { ok: true; case: PolicyCase } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (!isPlainObject(doc)) return { ok: false, errors: [`a case must be an object with "description", "facts" and "expect" (got ${describeType(doc)})`] };
  for (const k of Object.keys(doc)) if (!caseKeys.includes(k)) errors.push(`${k}: unknown key${didYouMean(k, caseKeys)}; a case has ${caseKeys.slice(1).join(', ')}`);
  if (typeof doc.description !== 'string' || doc.description.trim() === '') errors.push('description: must be a non-empty string saying what the case is about');
  if (!isPlainObject(doc.facts)) errors.push(`facts: must be the facts of one approval, an object with approval, miniProgram, release... (got ${describeType(doc.facts)})`);
  const expect = doc.expect;
  if (!isPlainObject(expect)) {
    errors.push(`expect: must be { "outcome": "approve" | "reject" | "escalate", "firedRules"?: [...] } (got ${describeType(expect)})`);
  } else {
    for (const k of Object.keys(expect)) if (!expectKeys.includes(k)) errors.push(`expect.${k}: unknown key${didYouMean(k, expectKeys)}; expect has ${expectKeys.join(', ')}`);
    const outcomeProblem = oneOfProblem(expect.outcome, outcomes);
    if (outcomeProblem) errors.push(`expect.outcome: ${outcomeProblem}`);
    if (expect.firedRules !== undefined && (!Array.isArray(expect.firedRules) || expect.firedRules.some((r) => typeof r !== 'string'))) {
      errors.push(`expect.firedRules: must be a list of rule names (got ${preview(expect.firedRules, 60)})`);
    }
    if (expect.failSafe !== undefined && typeof expect.failSafe !== 'boolean') errors.push(`expect.failSafe: must be true or false (got ${preview(expect.failSafe, 20)})`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, case: doc as unknown as PolicyCase };
}

/**
 * Runs one case against a policy. `name` is how the result is listed (the CLI passes the file name); it defaults to
 * the case's description. Fired rules compare as sets: order is not part of the contract.
 */
export async function runPolicyCase(policy: unknown, caseDoc: unknown, opts: { name?: string; noteMaxLength?: number } = {}): Promise<CaseResult> {
  const checked = validateCaseDocument(caseDoc);
  const fallbackName = opts.name ?? (isPlainObject(caseDoc) && typeof caseDoc.description === 'string' ? caseDoc.description : '(unnamed case)');
  if (!checked.ok) return { name: fallbackName, passed: false, expected: null, actual: null, firedRules: [], message: `invalid case: ${checked.errors.join('; ')}` };
  const c = checked.case;
  const decision = await evaluate(policy, c.facts, { noteMaxLength: opts.noteMaxLength ?? 500, policyHash: 'policy-test' });
  const fired = decision.firedRules.map((r) => r.name);
  const problems: string[] = [];
  if (decision.outcome !== c.expect.outcome) problems.push(`expected ${c.expect.outcome}, got ${decision.outcome}`);
  if (c.expect.firedRules) {
    const want = new Set(c.expect.firedRules);
    const missing = [...want].filter((r) => !fired.includes(r));
    const extra = fired.filter((r) => !want.has(r));
    if (missing.length > 0) problems.push(`expected rule${missing.length > 1 ? 's' : ''} ${missing.map((r) => `"${r}"`).join(', ')} to fire`);
    if (extra.length > 0) problems.push(`rule${extra.length > 1 ? 's' : ''} ${extra.map((r) => `"${r}"`).join(', ')} fired unexpectedly`);
  }
  if (c.expect.failSafe !== undefined && decision.failSafe !== c.expect.failSafe) problems.push(`expected failSafe ${c.expect.failSafe}, got ${decision.failSafe}`);
  // A fail-safe result the case did not ask for means the facts or the policy are broken: say why.
  if (problems.length > 0 && decision.failSafe && c.expect.failSafe !== true) problems.push(`fail-safe: ${decision.reasons[0] ?? 'unknown reason'}`);
  return {
    name: opts.name ?? c.description,
    passed: problems.length === 0,
    expected: c.expect,
    actual: decision.outcome,
    firedRules: fired,
    ...(problems.length > 0 ? { message: problems.join('; ') } : {}),
  };
}
