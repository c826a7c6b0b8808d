// `npm run record-histories`: runs every path of the approval workflow on the real stack and stores each history
// in test/histories/<path>.json (Temporal's JSON, as `temporal workflow show --output json` writes it). Rerun it
// after any intended change of the workflow code; `make test` replays these files against the current code.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeHistoryFile } from '../../audit/history-files.js';
import { useReleaseGate } from '../stack/release-gate.js';
import { workflowPaths } from './workflow-paths.js';

const dir = new URL('../histories/', import.meta.url).pathname;
const rg = useReleaseGate();

describe('recording the histories of every workflow path', () => {
  for (const path of workflowPaths) {
    it(path.name, async () => {
      const handle = await path.run(rg);
      const history = await handle.fetchHistory();
      const last = history.events?.at(-1);
      expect(last?.workflowExecutionCompletedEventAttributes ?? last?.workflowExecutionFailedEventAttributes).toBeTruthy();
      const file = await writeHistoryFile(dir, history, `${path.name}.json`);
      process.stderr.write(`recorded ${file} (${history.events?.length} events)\n`);
    });
  }

  it('leaves no recording of a path that no longer exists', async () => {
    const wanted = new Set(workflowPaths.map((p) => `${p.name}.json`));
    for (const name of await readdir(dir)) {
      if (name.endsWith('.json') && !wanted.has(name)) await rm(join(dir, name));
    }
    expect((await readdir(dir)).filter((n) => n.endsWith('.json')).sort()).toEqual([...wanted].sort());
  });
});
