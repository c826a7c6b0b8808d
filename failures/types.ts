// ApplicationFailure types shared by activities (which throw them) and workflows (whose retry policies name
// the ones never to retry). One list, so a new non-retryable error cannot be retried by accident.
export const FailureType = {
  /** TCMPP refused the request for good (auth, validation, expired plan): retrying cannot help. */
  tcmppRejected: 'TcmppRejected',
  /** TCMPP or the network failed in a way a retry may fix. */
  tcmppTransient: 'TcmppTransient',
  /** The account-wide rate limiter is booked further ahead than an activity should block for. */
  rateLimited: 'RateLimited',
  /** The approval request itself is malformed or unknown to TCMPP. */
  invalidApprovalRequest: 'InvalidApprovalRequest',
  /** The worker's configuration cannot serve this request (for example no TCMPP credentials). */
  misconfigured: 'Misconfigured',
} as const;

export type FailureTypeName = (typeof FailureType)[keyof typeof FailureType];

export const nonRetryableFailureTypes: FailureTypeName[] = [
  FailureType.tcmppRejected,
  FailureType.invalidApprovalRequest,
  FailureType.misconfigured,
];
