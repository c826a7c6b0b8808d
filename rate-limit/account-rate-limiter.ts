// An account-wide rate limiter shared by every worker process: each TCMPP call takes a send slot from a row in
// PostgreSQL, and slots are handed out at least `1000 / perSecond` ms apart by the database's clock. So every
// one-second window holds at most `perSecond` sends on any number of hosts, which Temporal's own task-queue
// limit does not guarantee (DESIGN.md measured 34 to 41 in the first second of a burst).
import type { Pool } from 'pg';

export interface RateLimiterOptions {
  /** The API's limit per action, per account (TCMPP: 20). */
  perSecond: number;
  /**
   * Extra spacing on top of 1000/perSecond. Slots are exact at the database, but requests still travel: a
   * request delayed by the event loop or network and the next one sent on time would otherwise arrive closer
   * together than the API's window allows. 10% costs 2 calls a second of throughput and buys that margin.
   */
  headroom?: number;
}

/** How many late wake-ups in a row a caller re-books before it gives up with RateLimitBusyError. */
const maxRebookings = 20;

export interface SlotGrant {
  /** The slot, by the database's clock (epoch ms): what the spacing guarantee is about. */
  slotAt: number;
  /** How long the caller waited for its slot. */
  waitedMs: number;
}

/** Thrown when the next free slot is further away than the caller is willing to wait: retry after `retryAfterMs`. */
export class RateLimitBusyError extends Error {
  override name = 'RateLimitBusyError';
  constructor(readonly key: string, readonly retryAfterMs: number) {
    super(`rate limit for ${key} is booked for the next ${retryAfterMs} ms`);
  }
}

export interface AccountRateLimiter {
  /** Waits for a send slot for `key` (a TCMPP action). Takes no slot when the wait would exceed `maxWaitMs`. */
  acquire(key: string, opts?: { maxWaitMs?: number; signal?: AbortSignal }): Promise<SlotGrant>;
  readonly intervalMs: number;
}

export function createAccountRateLimiter(pool: Pool, opts: RateLimiterOptions): AccountRateLimiter {
  const intervalMs = Math.ceil((1000 / opts.perSecond) * (1 + (opts.headroom ?? 0.1)));
  const ensured = new Set<string>();
  // The headroom is the whole margin for requests that leave late: a window of `perSecond` slots spans
  // 1000 * (1 + headroom) ms. Half of that margin may be spent between the slot and the wake-up; a caller
  // woken later than that (a stalled event loop, a slow answer from PostgreSQL) gives its slot up and books
  // again, so that the other half is left for signing and the network. Lateness is measured on this host's
  // clock alone (hosts and database need not agree on the time), from just before the booking query: so it
  // also counts the query's way to PostgreSQL, about a millisecond beside a local or same-zone database.
  const lateToleranceMs = Math.max(2, (1000 * (opts.headroom ?? 0.1)) / 2);
  const acquire = async (key: string, { maxWaitMs = 10_000, signal }: { maxWaitMs?: number; signal?: AbortSignal } = {}): Promise<SlotGrant> => {
    let waitedMs = 0;
    for (let attempt = 1; ; attempt++) {
      // Every booking draws on one budget: a caller never waits longer in all than maxWaitMs.
      const grant = await bookSlot(key, { maxWaitMs: Math.max(0, maxWaitMs - waitedMs), ...(signal ? { signal } : {}) });
      waitedMs += grant.waitedMs;
      if (grant.lateMs <= lateToleranceMs) return { slotAt: grant.slotAt, waitedMs };
      if (attempt >= maxRebookings) throw new RateLimitBusyError(key, intervalMs);
    }
  };
  const bookSlot = async (key: string, { maxWaitMs, signal }: { maxWaitMs: number; signal?: AbortSignal }) => {
    if (!ensured.has(key)) {
      // Its own statement, so the booking below always finds the row and waits on its lock: an insert and an
      // update in one statement would let two first callers both go at once.
      await pool.query('INSERT INTO rate_limiter (name, interval_ms) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [key, intervalMs]);
      ensured.add(key);
    }
    const askedAt = Date.now();
    // Book the next slot if it is close enough, else report how far it is. The UPDATE's row lock serialises
    // concurrent callers (each re-reads the row after the lock); clock_timestamp() is the database's clock,
    // the same for every host.
    const { rows } = await pool.query<{ booked: boolean; wait_ms: number; slot_at: number }>(
      `WITH booked AS (
         UPDATE rate_limiter
            SET next_slot = GREATEST(next_slot, clock_timestamp()) + make_interval(secs => $2 / 1000.0),
                interval_ms = $2, updated_at = clock_timestamp()
          WHERE name = $1 AND GREATEST(next_slot, clock_timestamp()) <= clock_timestamp() + make_interval(secs => $3 / 1000.0)
          RETURNING next_slot - make_interval(secs => $2 / 1000.0) AS slot
       )
       SELECT true AS booked, GREATEST(0, EXTRACT(EPOCH FROM (slot - clock_timestamp())) * 1000)::float8 AS wait_ms,
              (EXTRACT(EPOCH FROM slot) * 1000)::float8 AS slot_at
         FROM booked
       UNION ALL
       SELECT false, GREATEST(1, EXTRACT(EPOCH FROM (next_slot - clock_timestamp())) * 1000 - $3)::float8, 0
         FROM rate_limiter WHERE name = $1 AND NOT EXISTS (SELECT 1 FROM booked)`,
      [key, intervalMs, maxWaitMs],
    );
    const row = rows[0];
    if (!row) throw new Error(`rate limiter row ${key} vanished`);
    if (!row.booked) throw new RateLimitBusyError(key, Math.ceil(row.wait_ms));
    const waitMs = Math.ceil(row.wait_ms);
    if (waitMs > 0) await sleep(waitMs, signal);
    return { slotAt: row.slot_at, waitedMs: waitMs, lateMs: Date.now() - (askedAt + row.wait_ms) };
  };
  return { acquire, intervalMs };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); reject(signal.reason as Error); }, { once: true });
  });
}
