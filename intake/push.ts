// Push intake: an approval named by a person or a system (POST /api/approvals, `release-gate submit`) instead
// of found by the schedule. Checked against TCMPP first, so a typo is a clear error now, not a stuck workflow.
import type { ApprovalStarter, StartResult } from '../activities/pick-up-approvals.js';
import { ApprovalNotFoundError, ApprovalStateError, InvalidInputError } from '../reviews/errors.js';
import { isIdentifier } from '../reviews/list-filter.js';
import type { TcmppClient } from '../tcmpp/client.js';
import { TcmppApiError } from '../tcmpp/errors.js';
import { MNP_APPROVAL_STATUS } from '../tcmpp/types.js';
import { approvalWorkflowId } from '../workflows/approval/ids.js';

const statusNames: Record<number, string> = { 2: 'rejected', 3: 'approved', 4: 'cancelled' };

export interface PushRequest {
  platformId: string;
  approvalNo: string;
}

export function parsePushRequest(body: unknown): PushRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidInputError('the request must be a JSON object: {"platformId": "...", "approvalNo": "..."}');
  }
  const { platformId, approvalNo, ...rest } = body as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new InvalidInputError(`unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (expected platformId, approvalNo)`);
  for (const [name, value] of [['platformId', platformId], ['approvalNo', approvalNo]] as const) {
    if (!isIdentifier(value)) {
      throw new InvalidInputError(`${name}: required, letters, digits, '_', '.' or '-' (got ${JSON.stringify(value)})`);
    }
  }
  return { platformId: platformId as string, approvalNo: approvalNo as string };
}

export interface PushResult {
  result: StartResult;
  workflowId: string;
}

export async function pushApproval(deps: { tcmpp: TcmppClient; starter: ApprovalStarter }, req: PushRequest, via: 'api' | 'cli'): Promise<PushResult> {
  let found;
  try {
    found = await deps.tcmpp.findMNPApproval(req.platformId, req.approvalNo);
  } catch (err) {
    if (err instanceof TcmppApiError && err.code === 'InvalidParameterValue.InvalidPlatformId') {
      throw new ApprovalNotFoundError(req.platformId, req.approvalNo, `TCMPP knows no platform ${req.platformId} (RequestId ${err.requestId})`);
    }
    throw err;
  }
  const approval = found.approval;
  if (!approval?.ApprovalNo) throw new ApprovalNotFoundError(req.platformId, req.approvalNo, `TCMPP has no approval ${req.approvalNo} on platform ${req.platformId}`);
  if (approval.ApprovalStatus !== MNP_APPROVAL_STATUS.processing) {
    throw new ApprovalStateError(`approval ${req.approvalNo} is already ${statusNames[approval.ApprovalStatus ?? 0] ?? `in status ${approval.ApprovalStatus}`} in TCMPP: there is nothing to decide`);
  }
  const result = await deps.starter.start(req.platformId, { ...approval, ApprovalNo: approval.ApprovalNo }, via);
  return { result, workflowId: approvalWorkflowId(req.platformId, req.approvalNo) };
}
