import { describe, expect, it } from 'vitest';
import { FaultInjector } from './faults.js';

describe('FaultInjector', () => {
  it('uses up counted rules and matches actions by name or "*"', () => {
    const faults = new FaultInjector({
      hang: [{ action: 'DescribeMNPDetail', count: 1 }],
      appliedThenUnanswered: [{ action: 'ProcessMNPApproval', count: 2, mode: 'reset' }],
      errors: [{ code: 'InternalError', rate: 1, count: 1 }],
      latency: [{ ms: 5 }, { action: 'ProcessMNPApproval', ms: 10 }],
    });
    expect(faults.decide('DescribeMNPDetail')).toEqual({ kind: 'hang' });
    expect(faults.decide('ProcessMNPApproval')).toEqual({ kind: 'unanswered', mode: 'reset' });
    expect(faults.decide('ProcessMNPApproval')).toEqual({ kind: 'unanswered', mode: 'reset' });
    expect(faults.decide('DescribeMNPDetail')).toEqual({ kind: 'error', code: 'InternalError', message: 'injected fault: InternalError' });
    expect(faults.decide('DescribeMNPDetail')).toEqual({ kind: 'none' });
    expect(faults.decide('ProcessMNPApproval')).toEqual({ kind: 'none' });
    expect(faults.latencyMs('ProcessMNPApproval')).toBe(15);
    expect(faults.latencyMs('DescribeMNPDetail')).toBe(5);
    expect(faults.current().appliedThenUnanswered[0]!.count).toBe(0);
  });

  it('draws error rates from a seeded generator: the same seed gives the same calls', () => {
    const run = () => {
      const faults = new FaultInjector({ seed: 42, errors: [{ action: 'ProcessMNPApproval', code: 'RequestLimitExceeded', rate: 0.3 }] });
      return Array.from({ length: 200 }, () => faults.decide('ProcessMNPApproval').kind);
    };
    const first = run();
    expect(run()).toEqual(first);
    const errors = first.filter((k) => k === 'error').length;
    expect(errors).toBeGreaterThan(30);
    expect(errors).toBeLessThan(90);
    const never = new FaultInjector({ errors: [{ code: 'InternalError', rate: 0 }] });
    expect(Array.from({ length: 100 }, () => never.decide('DescribeMNPDetail').kind).every((k) => k === 'none')).toBe(true);
  });

  it('refuses settings it does not understand, naming the field', () => {
    const faults = new FaultInjector();
    expect(() => faults.set({ errors: [{ code: 'InternalError', rate: 2 }] })).toThrow(/rate/);
    expect(() => faults.set({ typo: [] } as never)).toThrow(/typo/);
    expect(() => faults.set({ hang: [{ action: 'ProcessMNPApproval', count: 0 }] })).toThrow(/count/);
    faults.clear();
    expect(faults.current()).toEqual({ errors: [], latency: [], appliedThenUnanswered: [], hang: [] });
  });
});
