// A deliberately non-deterministic change of approvalWorkflow, registered under the same name: it loads the
// policy before running the real workflow, so its first local activity is loadPolicy where every recorded
// history has gatherFacts. Replaying a recorded history against it must fail (test/audit/replay-histories.test.ts).
// Bundled on its own, never part of test/workflows/index.ts.
import { proxyLocalActivities } from '@temporalio/workflow';
import type { ApprovalActivities } from '../../activities/index.js';
import type { ApprovalRequest, DecisionRecord } from '../../workflows/approval/types.js';
import { approvalWorkflow as currentApprovalWorkflow } from '../../workflows/approval/workflow.js';

const { loadPolicy } = proxyLocalActivities<ApprovalActivities>({ startToCloseTimeout: '30s' });

export async function approvalWorkflow(request: ApprovalRequest): Promise<DecisionRecord> {
  await loadPolicy();
  return currentApprovalWorkflow(request);
}
