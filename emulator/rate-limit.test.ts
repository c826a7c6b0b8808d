import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter, WINDOW_MS } from './rate-limit.js';

describe('SlidingWindowLimiter', () => {
  it('admits N in a window, then only as the oldest admitted call leaves the window', () => {
    let now = 10_000;
    const limiter = new SlidingWindowLimiter(() => 20, () => now);
    const admitted = Array.from({ length: 25 }, () => limiter.tryAcquire('AKID1', 'ProcessMNPApproval').ok);
    expect(admitted.filter(Boolean)).toHaveLength(20);
    expect(admitted.slice(20)).toEqual([false, false, false, false, false]);
    now += WINDOW_MS - 1;
    expect(limiter.tryAcquire('AKID1', 'ProcessMNPApproval')).toEqual({ ok: false, limit: 20 });
    now += 1;
    expect(limiter.tryAcquire('AKID1', 'ProcessMNPApproval').ok).toBe(true);
    expect(limiter.tryAcquire('AKID1', 'ProcessMNPApproval').ok).toBe(true);
  });

  it('never lets more than N through in any one-second window, wherever the window starts', () => {
    // A fixed per-second bucket would let 2N through across a second boundary; the sliding window must not.
    let now = 0;
    const limit = 20;
    const limiter = new SlidingWindowLimiter(() => limit, () => now);
    const admittedAt: number[] = [];
    let seed = 7;
    for (let i = 0; i < 5_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      now += seed % 40; // bursts and gaps, 0 to 39 ms apart
      if (limiter.tryAcquire('AKID1', 'DescribeMNPApprovalList').ok) admittedAt.push(now);
    }
    let worst = 0;
    for (let start = 0, end = 0; end < admittedAt.length; end++) {
      while (admittedAt[end]! - admittedAt[start]! >= WINDOW_MS) start++;
      worst = Math.max(worst, end - start + 1);
    }
    expect(worst).toBe(limit);
  });

  it('keeps a window per account and per action', () => {
    const limiter = new SlidingWindowLimiter((action) => (action === 'ProcessMNPApproval' ? 2 : 3), () => 0);
    const take = (account: string, action: string) => limiter.tryAcquire(account, action).ok;
    expect([take('A', 'ProcessMNPApproval'), take('A', 'ProcessMNPApproval'), take('A', 'ProcessMNPApproval')]).toEqual([true, true, false]);
    expect(take('B', 'ProcessMNPApproval')).toBe(true);
    expect([take('A', 'DescribeMNPDetail'), take('A', 'DescribeMNPDetail'), take('A', 'DescribeMNPDetail'), take('A', 'DescribeMNPDetail')])
      .toEqual([true, true, true, false]);
    limiter.reset();
    expect(take('A', 'ProcessMNPApproval')).toBe(true);
  });
});
