import { describe, expect, it } from 'vitest';
import { createPool } from '../db/pool.js';
import { useTestStack } from '../test/stack/index.js';
import { createAccountRateLimiter, RateLimitBusyError } from './account-rate-limiter.js';

const stack = useTestStack({ database: true });

describe('the account-wide rate limiter', () => {
  it('spaces slots at least 1000/limit ms apart across several processes sharing the database', async () => {
    // Three pools stand for three worker hosts; each has its own limiter instance over the same row.
    const pools = [stack.pool, createPool(stack.databaseUrl), createPool(stack.databaseUrl)];
    try {
      const limiters = pools.map((p) => createAccountRateLimiter(p, { perSecond: 20 }));
      const grants = await Promise.all(
        Array.from({ length: 60 }, (_, i) => limiters[i % 3]!.acquire('ProcessMNPApproval', { maxWaitMs: 60_000 })),
      );
      const slots = grants.map((g) => g.slotAt).sort((a, b) => a - b);
      const interval = limiters[0]!.intervalMs;
      expect(interval).toBeGreaterThanOrEqual(50);
      for (let i = 1; i < slots.length; i++) expect(slots[i]! - slots[i - 1]!).toBeGreaterThanOrEqual(interval - 0.01);
      // Hence no one-second window holds more than 20 slots.
      for (let i = 0; i < slots.length; i++) expect(slots.filter((s) => s >= slots[i]! && s < slots[i]! + 1000).length).toBeLessThanOrEqual(20);
    } finally {
      await Promise.all(pools.slice(1).map((p) => p.end()));
    }
  });

  it('gives up a slot it woke too late for, and books another', async () => {
    // A stalled event loop right after the first booking answer (a busy worker), measured by this host's clock.
    let bookings = 0;
    const stalling = {
      query: async (...args: Parameters<typeof stack.pool.query>) => {
        const result = await (stack.pool.query as (...a: unknown[]) => Promise<unknown>)(...args);
        if (String(args[0]).includes('WITH booked') && ++bookings === 1) {
          const until = Date.now() + 150;
          while (Date.now() < until) { /* the stall */ }
        }
        return result;
      },
    } as unknown as typeof stack.pool;
    const limiter = createAccountRateLimiter(stalling, { perSecond: 20 });
    const grant = await limiter.acquire('stalled-key');
    expect(bookings).toBe(2);
    // The slot it kept is the second one, at least one interval after the slot it gave up.
    const { rows } = await stack.pool.query<{ next_slot_ms: number }>(
      `SELECT EXTRACT(EPOCH FROM next_slot) * 1000 AS next_slot_ms FROM rate_limiter WHERE name = 'stalled-key'`,
    );
    expect(Number(rows[0]!.next_slot_ms) - grant.slotAt).toBeCloseTo(limiter.intervalMs, 0);
  });

  it('keeps separate keys independent', async () => {
    const limiter = createAccountRateLimiter(stack.pool, { perSecond: 1 });
    const a = await limiter.acquire('DescribeMNPDetail');
    const b = await limiter.acquire('DescribeMNPReleasedVersionHistory');
    expect(a.waitedMs).toBe(0);
    expect(b.waitedMs).toBe(0);
  });

  it('refuses, without booking, a slot further away than the caller will wait', async () => {
    const limiter = createAccountRateLimiter(stack.pool, { perSecond: 1 });
    await limiter.acquire('busy-key');
    const err = await limiter.acquire('busy-key', { maxWaitMs: 100 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitBusyError);
    expect((err as RateLimitBusyError).retryAfterMs).toBeGreaterThan(0);
    // The refused call booked nothing: the next slot is still one interval after the first.
    const { rows } = await stack.pool.query<{ gap: number }>(
      `SELECT EXTRACT(EPOCH FROM (next_slot - updated_at)) * 1000 AS gap FROM rate_limiter WHERE name = 'busy-key'`,
    );
    expect(Number(rows[0]!.gap)).toBeLessThanOrEqual(limiter.intervalMs + 1);
  });
});
