// Errors of the operations clients perform on approvals (HTTP API, CLI). Each says what is wrong in words a
// reviewer can act on; the HTTP API maps them to status codes.
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
}

export class ApprovalNotFoundError extends Error {
  override name = 'ApprovalNotFoundError';
  constructor(readonly platformId: string, readonly approvalNo: string, detail?: string) {
    super(detail ?? `no approval ${approvalNo} on platform ${platformId}`);
  }
}

/** The approval exists but cannot take this request now (not processing in TCMPP, not awaiting review...). */
export class ApprovalStateError extends Error {
  override name = 'ApprovalStateError';
}

export function httpStatusOf(err: unknown): number {
  if (err instanceof InvalidInputError) return 400;
  if (err instanceof ApprovalNotFoundError) return 404;
  if (err instanceof ApprovalStateError) return 409;
  return 500;
}
