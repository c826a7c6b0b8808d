// What the benchmark runs on: the default policy, the generated 200-rule policy, each beside its hand-written
// TypeScript twin, over the facts of rules/cases. Shared by bench/run.ts and the test that keeps the twins honest.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { policyContentHash } from '../policies/canonical-hash.js';
import { readJsonFile } from '../policies/policy-file.js';
import { validateCaseDocument } from '../rules/cases.js';
import { evaluate, type PolicyDecision } from '../rules/evaluate.js';
import type { ApprovalFacts, Outcome } from '../rules/facts.js';
import { generatedPolicy } from './generated-policy.js';
import { decideDefaultByHand } from './hand-written-default.js';

const root = new URL('../', import.meta.url).pathname;

export interface BenchSubject {
  label: string;
  document: unknown;
  hash: string;
  byHand: (facts: ApprovalFacts) => { outcome: Outcome; fired: string[] };
}

export function benchSubjects(): BenchSubject[] {
  const defaultDoc = readJsonFile(join(root, 'rules/default.policy.json'));
  const generated = generatedPolicy(200);
  return [
    { label: 'default policy', document: defaultDoc, hash: policyContentHash(defaultDoc), byHand: decideDefaultByHand },
    { label: 'generated 200-rule policy', document: generated.policy, hash: policyContentHash(generated.policy), byHand: generated.handWritten },
  ];
}

export interface BenchCase {
  file: string;
  facts: ApprovalFacts;
}

/**
 * The facts of every case file of the project (cli/policy/case-runner.ts lists them for `policy test`, but from the
 * working directory first and as paths for the CLI to print; the benchmark always wants the project's own).
 */
export function benchCases(): BenchCase[] {
  const dir = join(root, 'rules/cases');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const checked = validateCaseDocument(readJsonFile(join(dir, file)));
      if (!checked.ok) throw new Error(`rules/cases/${file} is not a valid case: ${checked.errors.join('; ')}`);
      // Only the case's shape is checked here; evaluate() checks the facts, and compareDeciders sets aside the
      // cases it decides fail-safe before the hand-written twins (which trust their input) see them.
      return { file, facts: checked.case.facts as unknown as ApprovalFacts };
    });
}

export const evaluateOptions = (hash: string) => ({ noteMaxLength: 500, policyHash: hash });

export interface Disagreement {
  file: string;
  engine: { outcome: Outcome; fired: string[] };
  byHand: { outcome: Outcome; fired: string[] };
}

/**
 * Runs both deciders on every case. Cases the engine decides fail-safe (facts deliberately broken) are set aside:
 * the hand-written twins assume well-formed facts, as hand-written code usually does.
 */
export async function compareDeciders(subject: BenchSubject, cases: BenchCase[]): Promise<{ usable: BenchCase[]; failSafe: string[]; disagreements: Disagreement[] }> {
  const usable: BenchCase[] = [];
  const failSafe: string[] = [];
  const disagreements: Disagreement[] = [];
  for (const c of cases) {
    const decision: PolicyDecision = await evaluate(subject.document, c.facts, evaluateOptions(subject.hash));
    if (decision.failSafe) {
      failSafe.push(c.file);
      continue;
    }
    usable.push(c);
    const engine = { outcome: decision.outcome, fired: decision.firedRules.map((r) => r.name).sort() };
    const hand = subject.byHand(c.facts);
    const byHand = { outcome: hand.outcome, fired: [...hand.fired].sort() };
    if (engine.outcome !== byHand.outcome || engine.fired.join() !== byHand.fired.join()) disagreements.push({ file: c.file, engine, byHand });
  }
  return { usable, failSafe, disagreements };
}
