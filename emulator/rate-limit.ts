// The API's limit of N requests a second, per account and action, kept as a sliding window: a request is let
// through only if fewer than N were let through in the 1000 ms before it. So no one-second window, wherever it
// starts, ever holds more than N admitted calls, which is stricter than counting per calendar second (that lets
// 2N through across a second boundary). Refused requests do not count: they did no work.
export const WINDOW_MS = 1000;

export class SlidingWindowLimiter {
  private readonly admitted = new Map<string, number[]>();

  constructor(private readonly limitFor: (action: string) => number, private readonly clock: () => number = () => performance.now()) {}

  /** Admits the call (and counts it) or refuses it; `limit` is what was applied, for the error message. */
  tryAcquire(account: string, action: string): { ok: boolean; limit: number } {
    const limit = this.limitFor(action);
    const key = `${account}\u0000${action}`;
    const now = this.clock();
    const times = this.admitted.get(key) ?? [];
    while (times.length > 0 && now - times[0]! >= WINDOW_MS) times.shift();
    if (times.length >= limit) {
      this.admitted.set(key, times);
      return { ok: false, limit };
    }
    times.push(now);
    this.admitted.set(key, times);
    return { ok: true, limit };
  }

  reset(): void {
    this.admitted.clear();
  }
}
