// The audit commands against a live release-gate (Temporal dev server, PostgreSQL, the emulator): export by
// visibility query, replay of the export and of `temporal workflow show --output json`, decision timelines that
// agree with their ledger rows, altered facts and edited or deleted ledger rows reported by show and verify.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { exportApprovalHistories, type ExportProgress } from '../../audit/export.js';
import { historyFilesAt, parseHistoryFileName, readHistoryFile, writeHistoryFile } from '../../audit/history-files.js';
import { auditApproval, verifyLedger, type AuditDeps } from '../../audit/inspect.js';
import { historyFromJSON } from '../../audit/proto-json.js';
import { renderAudit } from '../../audit/render-timeline.js';
import { bundleWorkflows, replayHistories } from '../../audit/replay.js';
import { compareWithLedger } from '../../audit/compare-ledger.js';
import { buildTimeline } from '../../audit/timeline.js';
import { temporalCliPath } from '../../temporal/cli-binary.js';
import { parseApprovalWorkflowId } from '../../workflows/approval/ids.js';
import { awaitStage, demoPlatform, expiredPlatform, useReleaseGate } from '../stack/release-gate.js';
import { withAlteredLocalActivityResult } from './history-tamper.js';
import { workflowPaths, type ApprovalHandle } from './workflow-paths.js';

const rg = useReleaseGate();
const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const runPaths = ['auto-approve', 'escalate-then-reject', 'retries-then-success', 'non-retryable-failure'];
const handles = new Map<string, ApprovalHandle>();
let deps: AuditDeps;
let startedAt: Date;
let bundle: { code: string };

beforeAll(async () => {
  startedAt = new Date(Date.now() - 1000);
  for (const path of workflowPaths.filter((p) => runPaths.includes(p.name))) handles.set(path.name, await path.run(rg));
  deps = { client: rg.stack.client, ledger: rg.ledger, pool: rg.stack.pool };
  bundle = await bundleWorkflows();
});

const approvalNo = (name: string) => parseApprovalWorkflowId(handles.get(name)!.workflowId)!.approvalNo;

/** Visibility trails the runs a little: wait until the query sees them all. */
async function exportWhenVisible(outDir: string, platformId: string, wanted: string[]) {
  for (let i = 0; i < 50; i++) {
    const progress: ExportProgress[] = [];
    const result = await exportApprovalHistories(rg.stack.client, { outDir, platformId, since: startedAt, concurrency: 3, onProgress: (p) => progress.push(p) });
    const ids = result.written.map((f) => parseHistoryFileName(f)!.workflowId);
    if (wanted.every((w) => ids.includes(w))) return { result, ids, progress };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`visibility never listed ${wanted.join(', ')}`);
}

describe('audit export and replay', () => {
  it('exports one file per run of the platform asked for, with progress, and the export replays clean', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'export-'));
    const demo = ['auto-approve', 'escalate-then-reject', 'retries-then-success'].map((n) => handles.get(n)!.workflowId);
    const { result, ids, progress } = await exportWhenVisible(outDir, demoPlatform, demo);
    expect(progress.map((p) => p.done)).toEqual([...Array.from({ length: ids.length }, (_, i) => i + 1), ids.length]);
    expect(progress.at(-1)).toMatchObject({ done: ids.length, total: ids.length, failed: 0 });
    expect(result.query).toBe(`WorkflowType = 'approvalWorkflow' AND StartTime >= '${startedAt.toISOString()}' AND WorkflowId STARTS_WITH 'approval:${demoPlatform}:'`);
    expect(result.failed).toEqual([]);
    expect(ids).not.toContain(handles.get('non-retryable-failure')!.workflowId);
    for (const f of await readdir(outDir)) expect(f).toMatch(/^approval%3AT04257DS9431720WTAG%3A[a-z0-9]+__[0-9a-f-]{36}\.json$/);

    const outcomes = await replayHistories((await historyFilesAt(outDir)).map((file) => ({ source: file, load: () => readHistoryFile(file) })), { bundle });
    expect(outcomes.filter((o) => demo.includes(o.workflowId)).map((o) => o.ok)).toEqual([true, true, true]);
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
  });

  it('replays what `temporal workflow show --output json` writes, and reads the same timeline from it', async () => {
    const handle = handles.get('escalate-then-reject')!;
    const { stdout } = await run(temporalCliPath(), ['workflow', 'show', '--address', inject('temporalAddress'), '--workflow-id', handle.workflowId, '--output', 'json'], { maxBuffer: 64 << 20 });
    expect(JSON.parse(stdout)).toMatchObject({ events: expect.arrayContaining([expect.objectContaining({ eventType: 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED' })]) as unknown });
    const dir = await mkdtemp(join(tmpdir(), 'cli-show-'));
    await writeFile(join(dir, 'shown.json'), stdout);

    const [outcome] = await replayHistories([{ source: 'shown.json', load: () => readHistoryFile(join(dir, 'shown.json')) }], { bundle });
    expect(outcome).toMatchObject({ ok: true, workflowId: handle.workflowId });
    const fromCli = await buildTimeline((await readHistoryFile(join(dir, 'shown.json'))).history);
    const fromApi = await buildTimeline(await handle.fetchHistory());
    expect(fromCli).toEqual(fromApi);
  });

  it('replays a workflow fetched from Temporal by id with `release-gate audit replay --workflow-id`', async () => {
    const env = { ...process.env, TEMPORAL_ADDRESS: inject('temporalAddress'), LOG_LEVEL: 'error' };
    const id = handles.get('escalate-then-reject')!.workflowId;
    const { stdout } = await run('node', ['bin/release-gate.js', 'audit', 'replay', '--workflow-id', id], { cwd: root, env });
    expect(stdout).toContain(`ok    temporal  ${id}`);
    expect(stdout).toMatch(/1 histories replayed in [\d.]+ s: 1 ok, 0 failed/);
  });
});

describe('audit show', () => {
  it('reads each path\'s timeline from its history, in agreement with its ledger row', async () => {
    for (const name of runPaths) {
      const platform = name === 'non-retryable-failure' ? expiredPlatform : undefined;
      const audit = await auditApproval(deps, approvalNo(name), platform);
      expect({ name, disagreements: audit.disagreements }).toEqual({ name, disagreements: [] });
      // The row names the run Temporal ran, and so does the timeline (from the run's own result, when it has one).
      const { runId } = await handles.get(name)!.describe();
      expect({ name, ledger: audit.ledger?.runId, timeline: audit.timeline.runId }).toEqual({ name, ledger: runId, timeline: runId });
    }
    const rejected = await auditApproval(deps, approvalNo('escalate-then-reject'));
    expect(rejected.timeline.reviews.map((r) => [r.reviewer, r.outcome, r.note])).toEqual([['mei.tan', 'approve', ''], ['raj.k', 'reject', 'Crashes on Android 9']]);
    expect(rejected.timeline.decision?.firedRules.map((r) => r.name)).toContain('four-eyes-for-prereleases');
    const text = renderAudit(rejected);
    expect(text).toMatch(/policy decided escalate/);
    expect(text).toMatch(/✓ four-eyes-for-prereleases \[escalate\]: release\.prerelease equal true \(saw true\)/);
    expect(text).toMatch(/raj\.k decided reject: "Crashes on Android 9"/);
    expect(text).toMatch(/the ledger row agrees with the history/);

    const retried = await auditApproval(deps, approvalNo('retries-then-success'));
    expect(retried.timeline.submissions.map((s) => [s.attempts, s.outcome, s.code])).toEqual([['1-3', 'failed', 'InternalError'], ['4', 'submitted', undefined]]);
    const failed = await auditApproval(deps, approvalNo('non-retryable-failure'), expiredPlatform);
    expect(failed.timeline.submissions).toEqual([expect.objectContaining({ attempts: '1', outcome: 'failed', code: 'FailedOperation.PackageAlreadyExpired', requestId: failed.ledger?.tcmppRequestId })]);
    expect(failed.timeline.end.status).toBe('failed');
  });

  it('shows a decision still waiting for reviewers as pending, in agreement with its pending ledger row', async () => {
    const handle = await rg.start(await rg.addApproval({ MNPId: 'mpk1z6d3rb8nqg5u', MNPVersion: '7.0.0', ApplicationId: 'app-a7k3m2p9xz' }));
    await awaitStage(handle, 'awaiting-review');
    const audit = await auditApproval(deps, parseApprovalWorkflowId(handle.workflowId)!.approvalNo);
    expect(audit.disagreements).toEqual([]);
    expect(audit.ledger?.state).toBe('pending');
    expect(audit.timeline).toMatchObject({ escalated: true, decisionFrom: 're-evaluation', end: { status: 'running' }, reviews: [] });
    expect(renderAudit(audit)).toMatch(/still running: waiting for reviewers/);
  });

  it('flags a history whose recorded facts were altered where no rule looks: it replays clean, but not against its ledger row', async () => {
    const handle = handles.get('auto-approve')!;
    const dir = await mkdtemp(join(tmpdir(), 'tamper-'));
    const file = await writeHistoryFile(dir, await handle.fetchHistory(), 'original.json');
    const altered = await withAlteredLocalActivityResult(file, 'gatherFacts', (facts) => ({ ...(facts as object), team: { trusted: true, name: 'someone else' } }));
    await writeFile(join(dir, 'original.json'), JSON.stringify(altered));

    const [outcome] = await replayHistories([{ source: 'altered', load: () => readHistoryFile(join(dir, 'original.json')) }], { bundle });
    expect(outcome?.ok).toBe(true); // nothing in the run depended on it...
    const row = await rg.ledger.get(demoPlatform, approvalNo('auto-approve'));
    const disagreements = compareWithLedger(await buildTimeline(historyFromJSON(altered)), row);
    expect(disagreements.map((d) => d.field)).toEqual(['facts']); // ...but the ledger recorded other facts

    // A row naming another run than the one whose history this is disagrees: the timeline takes the run's id from
    // the run's own result, not from the ids it was fetched by.
    const misnamed = await buildTimeline(await handle.fetchHistory(), { runId: 'some-other-run' });
    expect(misnamed.runId).toBe(row?.runId);
    expect(compareWithLedger(misnamed, { ...row!, runId: 'some-other-run' }).map((d) => d.field)).toEqual(['runId']);
  });

  it('runs as `release-gate audit show`, and fails clearly for an approval it cannot find', async () => {
    const env = { ...process.env, TEMPORAL_ADDRESS: inject('temporalAddress'), DATABASE_URL: rg.stack.databaseUrl, LOG_LEVEL: 'error' };
    const { stdout } = await run('node', ['bin/release-gate.js', 'audit', 'show', approvalNo('auto-approve')], { cwd: root, env });
    expect(stdout).toMatch(/✓ small-update \[approve\]/);
    expect(stdout).toMatch(/attempt 1 submitted \(RequestId [0-9a-f-]{36}\)/);
    expect(stdout).toMatch(/the ledger row agrees with the history/);
    const missing = await run('node', ['bin/release-gate.js', 'audit', 'show', 'audnosuchapproval'], { cwd: root, env }).then(() => undefined, (e: { code: number; stderr: string }) => e);
    expect(missing?.code).toBe(1);
    expect(missing?.stderr).toMatch(/no ledger row for approval audnosuchapproval: give --platform ID/);
  });
});

describe('audit verify', () => {
  it('finds every ledger row in agreement with its history and the chain intact, then reports edits and deletions', async () => {
    const clean = await verifyLedger(deps);
    expect(clean.rows).toHaveLength(runPaths.length + 1); // and the one still pending
    expect(clean.rows.map((r) => r.approvalNo)).toEqual(expect.arrayContaining(runPaths.map(approvalNo)));
    expect(clean.rows.filter((r) => r.error || r.disagreements.length > 0)).toEqual([]);
    expect(clean.chain).toMatchObject({ ok: true, entries: 6, rows: 5 }); // 5 finished rows, and escalate-then-reject wrote its pending row first

    const edited = approvalNo('escalate-then-reject');
    await rg.stack.pool.query(`UPDATE approval_decisions SET decided_by = 'someone.else', facts = jsonb_set(facts, '{release,bump}', '"patch"') WHERE approval_no = $1`, [edited]);
    await rg.stack.pool.query('DELETE FROM approval_decisions WHERE approval_no = $1', [approvalNo('auto-approve')]);
    const after = await verifyLedger(deps);
    expect(after.rows.find((r) => r.approvalNo === edited)?.disagreements.map((d) => d.field)).toEqual(['facts', 'decidedBy']);
    expect(after.chain.ok).toBe(false);
    const problems = after.chain.rowProblems.map((p) => `${p.at}: ${p.problem}`);
    expect(problems).toHaveLength(2);
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${demoPlatform}/${edited}: the row was edited after its last write \\(entry \\d+\\): decided_by, facts differ$`)));
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${demoPlatform}/${approvalNo('auto-approve')}: the row was deleted`)));

    const env = { ...process.env, TEMPORAL_ADDRESS: inject('temporalAddress'), DATABASE_URL: rg.stack.databaseUrl, LOG_LEVEL: 'error' };
    const cli = await run('node', ['bin/release-gate.js', 'audit', 'verify'], { cwd: root, env }).then(() => undefined, (e: { code: number; stdout: string }) => e);
    expect(cli?.code).toBe(1);
    expect(cli?.stdout).toMatch(/4 ledger rows checked against their histories: 3 agree, 1 do not/);
    expect(cli?.stdout).toMatch(/✗ decidedBy: history "raj\.k", ledger "someone\.else"/);
  });
});
