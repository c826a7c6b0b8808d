// The reviewer's command line end to end, as child processes against the real stack (Temporal dev server with
// workers, PostgreSQL, the TCMPP emulator): submit an approval, find it pending, look at it, decide it, list the
// ledger, and run the HTTP API until SIGTERM.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { demoPlatform, useReleaseGate } from '../stack/release-gate.js';
import { runCli, spawnCli } from './run-cli.js';

const rg = useReleaseGate();
let env: Record<string, string>;

beforeAll(() => {
  env = {
    ...rg.emulator.env(),
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    DATABASE_URL: rg.stack.databaseUrl,
    TASK_QUEUE_APPROVALS: rg.queues.approvals,
    TASK_QUEUE_SUBMIT: rg.queues.submit,
  };
});

const cli = (...args: string[]) => runCli(args, env);

async function awaitLedgerState(approvalNo: string, state: string) {
  for (let i = 0; i < 200; i++) {
    if ((await rg.ledger.get(demoPlatform, approvalNo))?.state === state) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`approval ${approvalNo} never reached ledger state ${state}`);
}

describe('release-gate submit, pending, show, decide, decisions', () => {
  it('takes an escalated approval from submission to a reviewer decision in TCMPP', async () => {
    const no = await rg.addApproval({ MNPId: 'mpk1z6d3rb8nqg5u', MNPVersion: '5.0.0', ApplicationId: 'app-a7k3m2p9xz' });

    const submitted = await cli('submit', no, '--platform', demoPlatform);
    expect(submitted.code, submitted.stderr).toBe(0);
    expect(submitted.stdout).toContain(`${no} on ${demoPlatform}: started`);
    expect(submitted.stdout).toContain(`workflow: approval:${demoPlatform}:${no}`);
    const again = await cli('submit', no, '--platform', demoPlatform);
    expect(again.stdout).toContain('already running (nothing new started)');
    await awaitLedgerState(no, 'pending');

    const pending = await cli('pending', '--platform', demoPlatform, '--reviewer', 'mei.tan');
    expect(pending.code, pending.stderr).toBe(0);
    expect(pending.stdout).toContain(`${no} on ${demoPlatform}:`);
    expect(pending.stdout).toContain('major-version');
    expect(pending.stdout).toContain(`approve: release-gate decide ${no} --platform ${demoPlatform} --reviewer mei.tan --approve`);
    expect(pending.stdout).toMatch(/\d+ approvals? waiting for a reviewer/);

    const shown = await cli('show', no, '--platform', demoPlatform);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/stage:\s+awaiting-review/);
    expect(shown.stdout).toMatch(/policy decision:\s+escalate by policy end-to-end test policy v1/);
    expect(shown.stdout).toMatch(/fired rules:\n\s+- major-version \(escalate\)/);
    expect(shown.stdout).toMatch(/ledger:\s+pending since/);
    expect(shown.stdout).toContain('to decide:');
    const json = JSON.parse((await cli('show', no, '--platform', demoPlatform, '--json')).stdout) as { state: { stage: string }; ledger: { state: string } };
    expect(json).toMatchObject({ state: { stage: 'awaiting-review' }, ledger: { state: 'pending' } });

    const decided = await cli('decide', no, '--platform', demoPlatform, '--reviewer', 'mei.tan', '--approve', '--note', 'Changelog reviewed');
    expect(decided.code, decided.stderr).toBe(0);
    expect(decided.stdout).toContain(`accepted: mei.tan approves ${no}`);
    expect(decided.stdout).toContain('final outcome: approve');
    await rg.handle(no).result();
    expect(await rg.emulator.admin.getApproval(demoPlatform, no)).toMatchObject({ ApprovalStatus: 3, ApprovalNote: 'Changelog reviewed' });

    const late = await cli('decide', no, '--platform', demoPlatform, '--reviewer', 'raj.k', '--reject', '--note', 'too late');
    expect(late.code).toBe(1);
    expect(late.stderr).toMatch(/decision refused: approval .* is no longer waiting for a decision/);

    const listed = await cli('decisions', '--platform', demoPlatform, '--outcome', 'approve', '--since', '1h');
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^time \(UTC\)\s+platform\s+approval\s+mini program\s+version\s+outcome\s+source\s+decided by \/ rules\s+note$/m);
    expect(listed.stdout).toMatch(new RegExp(`${no}\\s+.*5\\.0\\.0\\s+approve\\s+reviewer\\s+mei\\.tan\\s+Changelog reviewed`));
    const rows = JSON.parse((await cli('decisions', '--platform', demoPlatform, '--json')).stdout) as { approvalNo: string; decidedBy?: string }[];
    expect(rows.find((r) => r.approvalNo === no)).toMatchObject({ decidedBy: 'mei.tan' });
  });

  it('says plainly when an approval is unknown, with exit 1', async () => {
    const submitted = await cli('submit', 'audnosuchapproval', '--platform', demoPlatform);
    expect(submitted).toMatchObject({ code: 1, stdout: '' });
    expect(submitted.stderr).toBe(`release-gate: TCMPP has no approval audnosuchapproval on platform ${demoPlatform}\n`);
    const decided = await cli('decide', 'audnosuchapproval', '--platform', demoPlatform, '--reviewer', 'mei.tan', '--approve');
    expect(decided.code).toBe(1);
    expect(decided.stderr).toMatch(/no approval workflow for audnosuchapproval .* never picked up/);
    const shown = await cli('show', 'audnosuchapproval', '--platform', demoPlatform);
    expect(shown.code).toBe(1);
    expect(shown.stderr).toMatch(/release-gate knows no approval audnosuchapproval/);
  });
});

describe('release-gate api', () => {
  it('serves the reviewer API until SIGTERM, then closes cleanly', async () => {
    const api = spawnCli(['api', '--port', '0'], { ...env, API_TOKEN: 'cli-test-token-0123456789' });
    let url: string | undefined;
    for (let i = 0; i < 300 && !url && api.child.exitCode === null; i++) {
      url = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(api.output())?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 100));
    }
    expect(url, api.output()).toBeDefined();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/api/approvals`)).status).toBe(401);
    const listed = await fetch(`${url}/api/approvals?limit=1`, { headers: { authorization: 'Bearer cli-test-token-0123456789' } });
    expect(listed.status).toBe(200);

    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    expect(api.output()).toContain('reviewer API stopped');
    expect(api.output()).not.toContain('cli-test-token-0123456789');
  });
});
