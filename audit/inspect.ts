// An approval's audit: its workflow history read as a timeline, beside its ledger row, with every disagreement.
// Used by `audit show` (one approval) and `audit verify` (every ledger row).
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Pool } from 'pg';
import { verifyLedgerChain, type ChainReport } from '../ledger/ledger-chain.js';
import { ledgerRowFrom, type Ledger } from '../ledger/ledger-store.js';
import type { LedgerRow } from '../ledger/types.js';
import { approvalWorkflowId } from '../workflows/approval/ids.js';
import { compareWithLedger, type Disagreement } from './compare-ledger.js';
import { buildTimeline, type DecisionTimeline } from './timeline.js';

export interface AuditDeps {
  client: Client;
  ledger: Ledger;
  pool: Pool;
}

export interface ApprovalAudit {
  timeline: DecisionTimeline;
  ledger?: LedgerRow;
  disagreements: Disagreement[];
}

/** A problem the audit cannot get past (no such approval, history gone): a clear message, exit 1. */
export class AuditError extends Error {
  override name = 'AuditError';
}

export async function auditApproval(deps: AuditDeps, approvalNo: string, platformId?: string): Promise<ApprovalAudit> {
  const platform = platformId ?? (await platformOf(deps.ledger, approvalNo));
  const row = await deps.ledger.get(platform, approvalNo);
  const workflowId = row?.workflowId ?? approvalWorkflowId(platform, approvalNo);
  const timeline = await timelineOf(deps.client, workflowId, row?.runId);
  return { timeline, ...(row ? { ledger: row } : {}), disagreements: compareWithLedger(timeline, row) };
}

async function platformOf(ledger: Ledger, approvalNo: string): Promise<string> {
  const platforms = await ledger.platformsOf(approvalNo);
  if (platforms.length === 1) return platforms[0]!;
  if (platforms.length === 0) throw new AuditError(`no ledger row for approval ${approvalNo}: give --platform ID to read its workflow history alone`);
  throw new AuditError(`approval ${approvalNo} is in the ledger of several platforms (${platforms.join(', ')}): give --platform ID`);
}

/** The run's history as a timeline; without a run id, the latest run of the workflow. */
async function timelineOf(client: Client, workflowId: string, runId?: string): Promise<DecisionTimeline> {
  let history;
  try {
    history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) {
      throw new AuditError(`no workflow history for ${workflowId}${runId ? ` run ${runId}` : ''} in Temporal (never started, or removed by the namespace's retention)`);
    }
    throw err;
  }
  return buildTimeline(history, { workflowId, ...(runId ? { runId } : {}) });
}

export interface RowVerdict {
  platformId: string;
  approvalNo: string;
  workflowId: string;
  runId: string;
  state: string;
  disagreements: Disagreement[];
  /** Why the row could not be checked (its history is gone, unreadable). */
  error?: string;
}

export interface VerifyReport {
  rows: RowVerdict[];
  chain: ChainReport;
}

/**
 * Every ledger row (updated since `since`) against its run's history, and the whole ledger's hash chain. The
 * rows are the ones the chain check reads, in its snapshot: the table is read once, and both checks see the same
 * rows.
 */
export async function verifyLedger(
  deps: AuditDeps,
  opts: { since?: Date; concurrency?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<VerifyReport> {
  const rows: LedgerRow[] = [];
  const chain = await verifyLedgerChain(deps.pool, {
    onRow: (row) => { if (!opts.since || (row.updated_at as Date) >= opts.since) rows.push(ledgerRowFrom(row)); },
  });
  const verdicts: RowVerdict[] = [];
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++]!;
      const base = { platformId: row.platformId, approvalNo: row.approvalNo, workflowId: row.workflowId, runId: row.runId, state: row.state };
      try {
        const timeline = await timelineOf(deps.client, row.workflowId, row.runId);
        verdicts.push({ ...base, disagreements: compareWithLedger(timeline, row) });
      } catch (err) {
        verdicts.push({ ...base, disagreements: [], error: (err as Error).message });
      }
      opts.onProgress?.(verdicts.length, rows.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 8) }, worker));
  verdicts.sort((a, b) => `${a.platformId}/${a.approvalNo}`.localeCompare(`${b.platformId}/${b.approvalNo}`));
  return { rows: verdicts, chain };
}
