// Where an approval stands: its live workflow state (the `state` query) beside its ledger row.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Ledger } from '../ledger/ledger-store.js';
import type { LedgerRow } from '../ledger/types.js';
import { approvalWorkflowId } from '../workflows/approval/ids.js';
import { stateQuery } from '../workflows/approval/messages.js';
import type { ApprovalState } from '../workflows/approval/types.js';
import { ApprovalNotFoundError } from './errors.js';

export interface ApprovalView {
  workflowId: string;
  workflowStatus?: string;
  state?: ApprovalState;
  ledger?: LedgerRow;
  /** Why `state` is missing although the workflow exists (no worker answered the query in time). */
  stateUnavailable?: string;
}

const stateQueryTimeoutMs = 5000;

export async function inspectApproval(client: Client, ledger: Ledger, platformId: string, approvalNo: string): Promise<ApprovalView> {
  const workflowId = approvalWorkflowId(platformId, approvalNo);
  const handle = client.workflow.getHandle(workflowId);
  const view: ApprovalView = { workflowId };
  // Independent reads of two systems: asked at once.
  const [row, description] = await Promise.all([
    ledger.get(platformId, approvalNo),
    handle.describe().catch((err: unknown) => {
      if (err instanceof WorkflowNotFoundError) return undefined;
      throw err;
    }),
  ]);
  if (row) view.ledger = row;
  if (description) view.workflowStatus = description.status.name;
  const taskQueue = description?.taskQueue ?? '';
  if (view.workflowStatus) {
    // A query needs a worker to answer it; with none running it would wait for the RPC's own deadline. The
    // ledger row is still worth showing, so say why the live state is missing instead of failing.
    try {
      view.state = await client.withDeadline(Date.now() + stateQueryTimeoutMs, () => handle.query(stateQuery));
    } catch (err) {
      view.stateUnavailable = `the workflow did not answer its state query (${(err as Error).message}): is a worker polling task queue ${taskQueue}?`;
    }
  }
  if (!view.ledger && !view.workflowStatus) throw new ApprovalNotFoundError(platformId, approvalNo, `release-gate knows no approval ${approvalNo} on platform ${platformId}`);
  return view;
}
