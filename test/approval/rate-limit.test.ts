// TCMPP allows 20 requests a second per action for the whole account. 100 approvals through two workers at
// that limit: the emulator (limiting at 20 itself) must never answer RequestLimitExceeded, and no one-second
// window of its call log may hold more than 20 calls of one action.
import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../emulator/admin-types.js';
import { demoPlatform, useReleaseGate } from '../stack/release-gate.js';
import { startWorkerProcess } from '../stack/worker-process.js';

const limit = 20;
const rg = useReleaseGate({ ratePerSecond: limit, emulator: { rateLimitPerSecond: limit } });

/** The most calls of one action inside any one-second window [t, t + 1000 ms). */
function busiestSecond(calls: readonly CallRecord[]): number {
  const times = calls.map((c) => Date.parse(c.time)).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('the account-wide rate limit', () => {
  it('keeps 100 approvals through two workers within 20 calls a second per action', { timeout: 180_000 }, async () => {
    // A second worker, a process of its own, on the same task queues as the one useReleaseGate started.
    const second = await startWorkerProcess(rg, { ratePerSecond: limit });
    const approvalNos: string[] = [];
    for (let i = 0; i < 100; i++) approvalNos.push(await rg.addApproval({ MNPId: 'mpq3f8h2ks0dlx1a', MNPVersion: `2.${10 + i}.0` }));
    await rg.emulator.admin.resetCalls();

    const started = Date.now();
    const handles = await Promise.all(approvalNos.map((no) => rg.start(no)));
    const results = await Promise.all(handles.map((h) => h.result()));
    const seconds = (Date.now() - started) / 1000;

    expect(results.map((r) => r.outcome)).toEqual(approvalNos.map(() => 'approve'));
    const calls = await rg.emulator.admin.calls();
    expect(calls.filter((c) => c.code?.startsWith('RequestLimitExceeded'))).toEqual([]);
    const byAction = new Map<string, CallRecord[]>();
    for (const c of calls) byAction.set(c.action, [...(byAction.get(c.action) ?? []), c]);
    expect(byAction.get('ProcessMNPApproval')).toHaveLength(100);
    for (const [action, list] of byAction) {
      expect(busiestSecond(list), `${action}: calls in the busiest second`).toBeLessThanOrEqual(limit);
    }
    for (const no of approvalNos) {
      expect((await rg.emulator.admin.getApproval(demoPlatform, no))!.history).toHaveLength(1);
    }
    const workedBySecond = second.lines.filter((l) => l.includes('"decision submitted"')).length;
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    console.log(`second worker submitted ${workedBySecond} of 100`);
    console.log(`100 approvals in ${seconds.toFixed(1)} s; busiest second per action: ${[...byAction].map(([a, l]) => `${a} ${busiestSecond(l)}`).join(', ')}`);
  });
});
