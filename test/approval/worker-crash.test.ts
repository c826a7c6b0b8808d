// A worker process killed (SIGKILL, no chance to drain) in the middle of a run: another worker takes over
// from Temporal's history, and every approval is still decided exactly once in TCMPP and in the ledger.
import { describe, expect, it } from 'vitest';
import { demoPlatform, useReleaseGate } from '../stack/release-gate.js';
import { startWorkerProcess } from '../stack/worker-process.js';

const rg = useReleaseGate({ startWorkers: false, ratePerSecond: 20 });

describe('a worker killed mid-run', () => {
  it('loses no approval and processes none twice', { timeout: 240_000 }, async () => {
    const approvalNos: string[] = [];
    for (let i = 0; i < 40; i++) approvalNos.push(await rg.addApproval({ MNPId: 'mpq3f8h2ks0dlx1a', MNPVersion: `2.${200 + i}.0` }));

    const doomed = await startWorkerProcess(rg, { ratePerSecond: 20 });
    const handles = await Promise.all(approvalNos.map((no) => rg.start(no)));

    // Kill it once it has submitted some but not all: at 20 a second, 40 submissions take two seconds.
    const submittedSoFar = async () => (await rg.emulator.admin.calls({ action: 'ProcessMNPApproval' })).length;
    for (let i = 0; i < 600 && (await submittedSoFar()) < 8; i++) await new Promise((r) => setTimeout(r, 50));
    doomed.child.kill('SIGKILL');
    expect(await doomed.exited).toBe('SIGKILL');
    const atKill = await submittedSoFar();
    expect(atKill).toBeGreaterThanOrEqual(8);
    expect(atKill).toBeLessThan(approvalNos.length);

    await rg.startWorkers(); // the survivor
    const results = await Promise.all(handles.map((h) => h.result()));

    expect(results.map((r) => r.outcome)).toEqual(approvalNos.map(() => 'approve'));
    for (const no of approvalNos) {
      const tcmpp = await rg.emulator.admin.getApproval(demoPlatform, no);
      expect(tcmpp!.history.filter((h) => h.outcome === 'applied'), `${no} applied once`).toHaveLength(1);
      expect(tcmpp!.ApprovalStatus).toBe(3);
    }
    const rows = await rg.ledger.list({ platformId: demoPlatform, limit: 1000 });
    const ours = rows.filter((r) => approvalNos.includes(r.approvalNo));
    expect(ours).toHaveLength(approvalNos.length);
    expect(ours.every((r) => r.state === 'decided' && r.outcome === 'approve')).toBe(true);
    const statuses = new Set(results.map((r) => r.submission.status));
    console.log(`killed after ${atKill} submissions; the survivor finished the rest; submission statuses: ${[...statuses].join(', ')}`);
  });
});
