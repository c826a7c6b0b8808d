// `audit export`: the histories of approval workflows, found through Temporal's visibility API, written one
// file per run. A few fetches run at a time (bounded), and progress is reported as they finish.
import type { Client } from '@temporalio/client';
import { approvalWorkflowId } from '../workflows/approval/ids.js';
import { historyFileName, writeHistoryFile } from './history-files.js';

export interface ApprovalRunFilter {
  since?: Date;
  until?: Date;
  platformId?: string;
}

export interface ExportProgress {
  done: number;
  total: number;
  failed: number;
  perSecond: number;
}

export interface ExportResult {
  query: string;
  written: string[];
  failed: { workflowId: string; runId: string; error: string }[];
}

/** The visibility query for approval runs started in a window, optionally of one platform. */
function approvalRunsQuery(filter: ApprovalRunFilter): string {
  const clauses = [`WorkflowType = 'approvalWorkflow'`];
  if (filter.since) clauses.push(`StartTime >= '${filter.since.toISOString()}'`);
  if (filter.until) clauses.push(`StartTime < '${filter.until.toISOString()}'`);
  // The id is approval:<platform>:<approvalNo>, so a prefix selects one platform's approvals.
  if (filter.platformId) clauses.push(`WorkflowId STARTS_WITH '${approvalWorkflowId(filter.platformId, '')}'`);
  return clauses.join(' AND ');
}

export async function exportApprovalHistories(
  client: Client,
  opts: ApprovalRunFilter & { outDir: string; concurrency?: number; onProgress?: (p: ExportProgress) => void },
): Promise<ExportResult> {
  const query = approvalRunsQuery(opts);
  // Visibility is eventually consistent: the count is an estimate, corrected as runs come in.
  let total = (await client.workflow.count(query)).count;
  const runs = client.workflow.list({ query })[Symbol.asyncIterator]();
  const result: ExportResult = { query, written: [], failed: [] };
  const started = Date.now();
  const progress = () => {
    const done = result.written.length + result.failed.length;
    total = Math.max(total, done);
    opts.onProgress?.({ done, total, failed: result.failed.length, perSecond: done / Math.max(0.001, (Date.now() - started) / 1000) });
  };
  const worker = async () => {
    for (;;) {
      const next = await runs.next();
      if (next.done) return;
      const { workflowId, runId } = next.value;
      try {
        const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
        result.written.push(await writeHistoryFile(opts.outDir, history, historyFileName(workflowId, runId)));
      } catch (err) {
        result.failed.push({ workflowId, runId, error: (err as Error).message });
      }
      progress();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 8) }, worker));
  progress();
  result.written.sort();
  return result;
}
