// Typed failures of a TCMPP call. Three kinds, because callers act differently on each:
// - TcmppApiError: TCMPP answered with Response.Error; `retryable` follows DESIGN.md's classification.
// - TcmppNetworkError: no usable answer (refused, reset, timed out, a non-200 HTTP status). Always retryable;
//   `effectUnknown` says whether a mutating request may have been applied anyway, so a retry must reconcile first.
// - TcmppResponseError: an answer that does not have the documented shape. Not retryable: a retry reads the
//   same server; for ProcessMNPApproval the effect is unknown (the server said something other than an error).
// None of them carries credentials: messages are built from the action, the TCMPP code and message, the RequestId.
import type { TcmppAction } from './types.js';

/** Actions whose request changes state on the server: a lost answer leaves their outcome unknown. */
const MUTATING_ACTIONS: ReadonlySet<string> = new Set<TcmppAction>(['ProcessMNPApproval']);

export function isMutatingAction(action: string): boolean {
  return MUTATING_ACTIONS.has(action);
}

// Retry: the server's own trouble or its throttling. Matched by prefix so that sub-codes
// (RequestLimitExceeded.UinLimitExceeded, InternalError.DbError ...) classify like their parent.
const RETRYABLE_PREFIXES = ['InternalError', 'RequestLimitExceeded', 'ServiceUnavailable'] as const;
const RETRYABLE_CODES: ReadonlySet<string> = new Set(['FailedOperation.SystemError']);

/**
 * Whether a TCMPP error code is worth retrying. Everything not listed as transient is the caller's fault or a
 * state that a retry cannot change (AuthFailure.*, InvalidParameter*, MissingParameter, UnknownParameter,
 * InvalidAction, NoSuchVersion, FailedOperation.* other than SystemError, ResourceNotFound*, ResourceUnavailable*,
 * UnauthorizedOperation, UnsupportedOperation, OperationDenied, LimitExceeded (a quota, not a rate), and any
 * code this list has never seen): never retried, so a wrong request fails fast and is seen by an operator.
 */
export function isRetryableTcmppCode(code: string): boolean {
  if (RETRYABLE_CODES.has(code)) return true;
  return RETRYABLE_PREFIXES.some((prefix) => code === prefix || code.startsWith(`${prefix}.`));
}

export class TcmppApiError extends Error {
  override name = 'TcmppApiError';
  readonly retryable: boolean;

  constructor(
    readonly action: string,
    readonly code: string,
    readonly tcmppMessage: string,
    readonly requestId: string,
  ) {
    super(`TCMPP ${action} failed with ${code}: ${tcmppMessage} (RequestId ${requestId || 'none'})`);
    this.retryable = isRetryableTcmppCode(code);
  }
}

export type NetworkFailureKind = 'timeout' | 'connection-refused' | 'dns' | 'connection-reset' | 'http-status' | 'other';

export class TcmppNetworkError extends Error {
  override name = 'TcmppNetworkError';
  readonly retryable = true as const;
  /** True when the request may have reached TCMPP and been applied: true for ProcessMNPApproval unless it provably never left. */
  readonly effectUnknown: boolean;

  constructor(
    readonly action: string,
    readonly kind: NetworkFailureKind,
    readonly detail: string,
    readonly httpStatus?: number,
  ) {
    const effectUnknown = isMutatingAction(action) && kind !== 'connection-refused' && kind !== 'dns';
    super(`TCMPP ${action}: ${describeKind(kind, httpStatus)} (${detail})${effectUnknown ? '; the request may have been applied' : ''}`);
    this.effectUnknown = effectUnknown;
  }
}

export class TcmppResponseError extends Error {
  override name = 'TcmppResponseError';
  readonly retryable = false as const;
  readonly effectUnknown: boolean;

  constructor(
    readonly action: string,
    readonly problems: readonly string[],
    readonly requestId: string | undefined,
  ) {
    super(`TCMPP ${action} answered in an unexpected shape (RequestId ${requestId ?? 'none'}): ${problems.join('; ')}`);
    this.effectUnknown = isMutatingAction(action);
  }
}

/** Every error class this module defines, by `name`: for the shared list of ApplicationFailure types. */
export const TCMPP_ERROR_NAMES = ['TcmppApiError', 'TcmppNetworkError', 'TcmppResponseError'] as const;

export type TcmppError = TcmppApiError | TcmppNetworkError | TcmppResponseError;

export function isTcmppError(err: unknown): err is TcmppError {
  return err instanceof TcmppApiError || err instanceof TcmppNetworkError || err instanceof TcmppResponseError;
}

function describeKind(kind: NetworkFailureKind, httpStatus?: number): string {
  switch (kind) {
    case 'timeout': return 'no answer before the request timeout';
    case 'connection-refused': return 'connection refused';
    case 'dns': return 'endpoint host not found';
    case 'connection-reset': return 'connection closed before an answer';
    case 'http-status': return `HTTP status ${httpStatus ?? '?'} instead of 200`;
    case 'other': return 'network failure';
  }
}
