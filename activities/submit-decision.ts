// submitDecision: sends the final decision to TCMPP's ProcessMNPApproval, at least once and effectively once.
// It runs on the submit task queue (rate limited as a whole) and takes a send slot from the account-wide
// limiter before each call (through the TCMPP client's beforeRequest hook).
//
// Idempotency: a retry follows a failure whose effect may be unknown (a timeout after the request was applied),
// so from the second attempt on, the approval's status is read first. Already processed as intended: success
// without a second call. Processed differently (someone used the TCMPP console): a conflict, recorded, never
// overwritten. A first attempt that TCMPP refuses because the approval is no longer processing is reconciled
// the same way.
import { Context } from '@temporalio/activity';
import type { Logger } from '../logging/logger.js';
import type { TcmppClient } from '../tcmpp/client.js';
import { TcmppApiError } from '../tcmpp/errors.js';
import { APPROVAL_RESULT, MNP_APPROVAL_STATUS, type DescribeMNPApprovalListData } from '../tcmpp/types.js';
import { toApplicationFailure } from './failures.js';

export interface SubmitDecisionInput {
  platformId: string;
  approvalNo: string;
  applicationIds: string[];
  outcome: 'approve' | 'reject';
  note: string;
  /** The mini program's name, to narrow the search when reconciling. */
  mnpName?: string;
}

export interface TcmppConflict {
  approvalStatus: number;
  approvalUser?: string;
  approvalTime?: string;
  approvalNote?: string;
}

export interface SubmitDecisionResult {
  status: 'submitted' | 'already-applied' | 'conflict';
  /** RequestId of the ProcessMNPApproval that applied it, or of the read that found it applied. */
  requestId: string;
  attempt: number;
  conflict?: TcmppConflict;
}

const STATUS_ERROR = 'InvalidParameterValue.ProcessMNPApprovalStatusError';

export function createSubmitDecision(deps: { tcmpp: TcmppClient; logger: Logger }) {
  return async function submitDecision(input: SubmitDecisionInput): Promise<SubmitDecisionResult> {
    const context = Context.current();
    const { attempt } = context.info;
    const log = deps.logger.child({ platformId: input.platformId, approvalNo: input.approvalNo, attempt });
    // Heartbeats say "this worker is alive", so a killed worker's submission is retried elsewhere after the
    // heartbeat timeout instead of the whole start-to-close timeout. The SDK throttles them.
    const keepAlive = setInterval(() => context.heartbeat(), 2_000);
    try {
      if (attempt > 1) {
        const settled = await reconcile(deps.tcmpp, input, attempt);
        if (settled) return report(log, settled);
      }
      try {
        const response = await deps.tcmpp.processMNPApproval({
          ApprovalNo: input.approvalNo,
          PlatformId: input.platformId,
          ApprovalItems: input.applicationIds.map((AppId) => ({
            AppId,
            ApprovalResult: input.outcome === 'approve' ? APPROVAL_RESULT.approve : APPROVAL_RESULT.reject,
            ...(input.note ? { ApprovalNote: input.note } : {}),
          })),
        });
        return report(log, { status: 'submitted', requestId: response.RequestId, attempt });
      } catch (err) {
        if (err instanceof TcmppApiError && err.code === STATUS_ERROR) {
          const settled = await reconcile(deps.tcmpp, input, attempt);
          if (settled) return report(log, settled);
        }
        if (err instanceof TcmppApiError && err.code.startsWith('RequestLimitExceeded')) {
          // The limiter exists so that this never happens; count it where operators look.
          Context.current().metricMeter.createCounter('tcmpp_request_limit_exceeded').add(1);
          log.warn('TCMPP rate limit exceeded despite the account-wide limiter', { code: err.code, requestId: err.requestId });
        }
        throw err;
      }
    } catch (err) {
      const failure = toApplicationFailure(err);
      if (err instanceof TcmppApiError && !err.retryable) {
        log.error('TCMPP refused the decision; operator attention needed', { alert: true, code: err.code, requestId: err.requestId, message: err.tcmppMessage });
      }
      throw failure;
    } finally {
      clearInterval(keepAlive);
    }
  };
}

async function reconcile(tcmpp: TcmppClient, input: SubmitDecisionInput, attempt: number): Promise<SubmitDecisionResult | undefined> {
  const found = await tcmpp.findMNPApproval(input.platformId, input.approvalNo, {
    ...(input.applicationIds[0] ? { applicationId: input.applicationIds[0] } : {}),
    ...(input.mnpName ? { mnpName: input.mnpName } : {}),
  });
  const requestId = found.requestIds.at(-1) ?? '';
  const approval: DescribeMNPApprovalListData | undefined = found.approval;
  // Gone from the list: let the send answer for it (InvalidApprovalNo is a typed, non-retryable failure).
  if (!approval || approval.ApprovalStatus === MNP_APPROVAL_STATUS.processing) return undefined;
  const wanted = input.outcome === 'approve' ? MNP_APPROVAL_STATUS.approved : MNP_APPROVAL_STATUS.rejected;
  if (approval.ApprovalStatus === wanted && (approval.ApprovalNote ?? '') === input.note) {
    return { status: 'already-applied', requestId, attempt };
  }
  return {
    status: 'conflict',
    requestId,
    attempt,
    conflict: {
      approvalStatus: approval.ApprovalStatus ?? 0,
      ...(approval.ApprovalUser ? { approvalUser: approval.ApprovalUser } : {}),
      ...(approval.ApprovalTime ? { approvalTime: approval.ApprovalTime } : {}),
      ...(approval.ApprovalNote ? { approvalNote: approval.ApprovalNote } : {}),
    },
  };
}

function report(log: Logger, result: SubmitDecisionResult): SubmitDecisionResult {
  log.info(`decision ${result.status}`, { requestId: result.requestId, ...(result.conflict ? { conflict: result.conflict } : {}) });
  return result;
}
