// Starts the approval workflow of one approval, the one way every intake path does it (the schedule's
// pickUpApprovals, POST /api/approvals, `release-gate submit`). The workflow id is the approval's, and a
// closed workflow of the same id is not started again: picking an approval up twice starts nothing.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { ApprovalStarter, StartResult } from '../activities/pick-up-approvals.js';
import { approvalWorkflowId } from '../workflows/approval/ids.js';
import type { ApprovalRequest, ApprovalSettings } from '../workflows/approval/types.js';
import type { approvalWorkflow } from '../workflows/approval/workflow.js';

export interface ApprovalStarterOptions {
  client: Client;
  taskQueue: string;
  settings: ApprovalSettings;
}

export function createApprovalStarter({ client, taskQueue, settings }: ApprovalStarterOptions): ApprovalStarter {
  return {
    async start(platformId, approval, via): Promise<StartResult> {
      const request: ApprovalRequest = { platformId, approval, receivedVia: via, settings };
      try {
        await client.workflow.start<typeof approvalWorkflow>('approvalWorkflow', {
          workflowId: approvalWorkflowId(platformId, approval.ApprovalNo),
          taskQueue,
          args: [request],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          workflowIdConflictPolicy: 'FAIL',
        });
        return 'started';
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        const description = await client.workflow.getHandle(approvalWorkflowId(platformId, approval.ApprovalNo)).describe();
        return description.status.name === 'RUNNING' ? 'already-running' : 'already-finished';
      }
    },
  };
}
