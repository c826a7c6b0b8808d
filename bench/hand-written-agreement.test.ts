// The benchmark's ratios only mean something if the hand-written twins decide exactly as evaluate() does.
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../rules/validate.js';
import { benchCases, benchSubjects, compareDeciders } from './bench-cases.js';

describe('the benchmark baselines', () => {
  const cases = benchCases();

  for (const subject of benchSubjects()) {
    it(`hand-written ${subject.label} agrees with evaluate() on every case (outcome and fired rules)`, async () => {
      expect(validatePolicy(subject.document).ok).toBe(true);
      const { usable, disagreements } = await compareDeciders(subject, cases);
      expect(disagreements).toEqual([]);
      expect(usable.length).toBeGreaterThanOrEqual(15);
      // Not a vacuous agreement: the cases reach more than one outcome and fire rules.
      const outcomes = new Set(usable.map((c) => subject.byHand(c.facts).outcome));
      expect(outcomes.size).toBeGreaterThan(1);
      expect(usable.some((c) => subject.byHand(c.facts).fired.length > 0)).toBe(true);
    });
  }
});
