/** One workflow per approval: starting it twice for the same approval is what makes intake idempotent. */
export function approvalWorkflowId(platformId: string, approvalNo: string): string {
  return `approval:${platformId}:${approvalNo}`;
}

export function parseApprovalWorkflowId(workflowId: string): { platformId: string; approvalNo: string } | undefined {
  const match = /^approval:([^:]+):(.+)$/.exec(workflowId);
  return match ? { platformId: match[1]!, approvalNo: match[2]! } : undefined;
}

export function intakeScheduleId(platformId: string): string {
  return `intake:${platformId}`;
}
