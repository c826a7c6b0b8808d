// How activity errors cross into Temporal: each typed error becomes an ApplicationFailure whose type is in
// failures/types.ts, so the workflow's retry policies (nonRetryableErrorTypes) and humans reading the history
// see the same classification. Details carry the TCMPP code and RequestId for the ledger and the audit.
import { ApplicationFailure } from '@temporalio/common';
import { FailureType } from '../failures/types.js';
import { RateLimitBusyError } from '../rate-limit/account-rate-limiter.js';
import { TcmppApiError, TcmppNetworkError, TcmppResponseError } from '../tcmpp/errors.js';

export interface TcmppFailureDetails {
  action: string;
  code?: string;
  requestId?: string;
  effectUnknown?: boolean;
}

export function toApplicationFailure(err: unknown): unknown {
  if (err instanceof ApplicationFailure) return err;
  if (err instanceof RateLimitBusyError) {
    return ApplicationFailure.create({
      type: FailureType.rateLimited, message: err.message, nextRetryDelay: err.retryAfterMs, cause: err,
    });
  }
  if (err instanceof TcmppApiError) {
    const details: TcmppFailureDetails = { action: err.action, code: err.code, requestId: err.requestId };
    return ApplicationFailure.create({
      type: err.retryable ? FailureType.tcmppTransient : FailureType.tcmppRejected,
      message: err.message, nonRetryable: !err.retryable, details: [details], cause: err,
    });
  }
  if (err instanceof TcmppNetworkError) {
    const details: TcmppFailureDetails = { action: err.action, effectUnknown: err.effectUnknown };
    return ApplicationFailure.create({ type: FailureType.tcmppTransient, message: err.message, details: [details], cause: err });
  }
  if (err instanceof TcmppResponseError) {
    // A garbled answer to a mutating call may hide an applied change: retry, and the retry reconciles first.
    const details: TcmppFailureDetails = { action: err.action, ...(err.requestId ? { requestId: err.requestId } : {}), effectUnknown: err.effectUnknown };
    return ApplicationFailure.create({
      type: err.effectUnknown ? FailureType.tcmppTransient : FailureType.tcmppRejected,
      message: err.message, nonRetryable: !err.effectUnknown, details: [details], cause: err,
    });
  }
  return err;
}

/** Runs `fn`, translating what it throws. */
export async function translatingFailures<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toApplicationFailure(err);
  }
}
