// The recorded histories of every workflow path (test/histories/, `npm run record-histories`) replay clean
// against the current workflow code, through the CLI as an operator runs it. A deliberately non-deterministic
// change of the workflow, and a history whose recorded facts were altered, do not.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { historyFilesAt, readHistoryFile } from '../../audit/history-files.js';
import { historyFromJSON } from '../../audit/proto-json.js';
import { bundleWorkflows, installQuietTemporalRuntime, replayHistories, type HistorySource } from '../../audit/replay.js';
import { buildTimeline } from '../../audit/timeline.js';
import { withAlteredLocalActivityResult } from './history-tamper.js';
import { workflowPaths } from './workflow-paths.js';

const root = new URL('../../', import.meta.url).pathname;
const histories = join(root, 'test', 'histories');
const run = promisify(execFile);
const fromFiles = (files: string[]): HistorySource[] => files.map((file) => ({ source: file, load: () => readHistoryFile(file) }));

let bundle: { code: string };
beforeAll(async () => {
  installQuietTemporalRuntime();
  bundle = await bundleWorkflows();
});

describe('recorded histories', () => {
  it('hold one history for every workflow path', async () => {
    expect((await readdir(histories)).filter((n) => n.endsWith('.json')).sort()).toEqual(workflowPaths.map((p) => `${p.name}.json`).sort());
  });

  it('all replay ok with `release-gate audit replay test/histories`', async () => {
    const { stdout } = await run('node', ['bin/release-gate.js', 'audit', 'replay', 'test/histories'], { cwd: root, env: { ...process.env, LOG_LEVEL: 'error' } });
    for (const path of workflowPaths) expect(stdout).toMatch(new RegExp(`^ok +test/histories/${path.name}\\.json +approval:`, 'm'));
    expect(stdout).toMatch(new RegExp(`${workflowPaths.length} histories replayed in [\\d.]+ s: ${workflowPaths.length} ok, 0 failed`));
  });

  it('catch a non-deterministic change of the workflow: every history fails to replay, with the reason', async () => {
    const changed = await bundleWorkflows(join(root, 'test', 'workflows', 'reordered-approval.ts'));
    const outcomes = await replayHistories(fromFiles(await historyFilesAt(histories)), { bundle: changed, concurrency: 2 });
    expect(outcomes).toHaveLength(workflowPaths.length);
    for (const o of outcomes) {
      expect(o).toMatchObject({ ok: false, problem: 'nondeterminism' });
      expect(o.reason).toMatch(/Activity type of recorded marker 'gatherFacts' does not match activity type of local activity command 'loadPolicy'/);
    }
  });

  it('do not replay clean once the recorded facts are altered to another decision, and the timeline says why', async () => {
    // The facts said "major" (escalate); altered to "patch", the current code approves and schedules the
    // submission where the history recorded the pending ledger write.
    const altered = await withAlteredLocalActivityResult(join(histories, 'escalate-then-approve.json'), 'gatherFacts', (facts) => {
      const f = facts as { release: { bump: string } };
      return { ...f, release: { ...f.release, bump: 'patch' } };
    });
    const dir = await mkdtemp(join(tmpdir(), 'altered-'));
    const file = join(dir, 'altered.json');
    await writeFile(file, JSON.stringify(altered));

    const [outcome] = await replayHistories(fromFiles([file]), { bundle });
    expect(outcome).toMatchObject({ ok: false, problem: 'nondeterminism' });

    const timeline = await buildTimeline(historyFromJSON(altered));
    expect(timeline.reevaluationDisagrees).toContain('outcome: the run decided escalate, re-evaluation gives approve');
  });

  it('report an unreadable file by name and go on with the rest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mixed-'));
    await writeFile(join(dir, 'a-broken.json'), '{"events": "no"}');
    await copyFile(join(histories, 'auto-approve.json'), join(dir, 'b-good.json'));
    const outcomes = await replayHistories(fromFiles(await historyFilesAt(dir)), { bundle });
    expect(outcomes.find((o) => o.source.endsWith('a-broken.json'))).toMatchObject({ ok: false, problem: 'unreadable', reason: expect.stringMatching(/a-broken\.json: not a workflow history/) as unknown });
    expect(outcomes.find((o) => o.source.endsWith('b-good.json'))).toMatchObject({ ok: true });
  });
});
