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
}

export async function inspectApproval(client: Client, ledger: Ledger, platformId: string, approvalNo: string): Promise<ApprovalView> {
  const workflowId = approvalWorkflowId(platformId, approvalNo);
  const handle = client.workflow.getHandle(workflowId);
  const view: ApprovalView = { workflowId };
  const row = await ledger.get(platformId, approvalNo);
  if (row) view.ledger = row;
  try {
    const description = await handle.describe();
    view.workflowStatus = description.status.name;
    view.state = await handle.query(stateQuery);
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
  }
  if (!view.ledger && !view.workflowStatus) throw new ApprovalNotFoundError(platformId, approvalNo, `release-gate knows no approval ${approvalNo} on platform ${platformId}`);
  return view;
}
