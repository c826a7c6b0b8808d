// What the benchmark runs on: the default policy, the generated 200-rule policy, each beside its hand-written
// TypeScript twin, over the facts of rules/cases. Shared by bench/run.ts and the test that keeps the twins honest.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { policyContentHash } from '../policies/canonical-hash.js';
import { readJsonFile } from '../policies/policy-file.js';
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

/** The facts of every case file. */
export function benchCases(): BenchCase[] {
  const dir = join(root, 'rules/cases');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, facts: (readJsonFile(join(dir, file)) as { facts: ApprovalFacts }).facts }));
}

export const evaluateOptions = (hash: string) => ({ noteMaxLength: 500, policyHash: hash });

export interface Disagreement {
  file: string;
  engine: { outcome: Outcome; fired: string[]; failSafe: boolean };
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
    const engine = { outcome: decision.outcome, fired: decision.firedRules.map((r) => r.name).sort(), failSafe: decision.failSafe };
    const hand = subject.byHand(c.facts);
    const byHand = { outcome: hand.outcome, fired: [...hand.fired].sort() };
    if (engine.outcome !== byHand.outcome || engine.fired.join() !== byHand.fired.join()) disagreements.push({ file: c.file, engine, byHand });
  }
  return { usable, failSafe, disagreements };
}
