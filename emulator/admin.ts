// The admin API under /_emulator/: plain JSON over HTTP, no signature (the emulator listens on loopback by
// default). Routes:
//   GET    /_emulator/health                          { ok, secretId, platforms }
//   POST   /_emulator/approvals                       add an approval (NewApproval) -> 201 ApprovalView
//   GET    /_emulator/approvals/:platformId/:no       an approval's state and processing history
//   POST   /_emulator/sensitive-api-approvals         add a sensitive-API permission approval -> 201
//   GET    /_emulator/calls[?action=A&since=SEQ]      the call log
//   DELETE /_emulator/calls                           empty the call log
//   GET    /_emulator/faults                          the fault rules in force (with what counts remain)
//   PUT    /_emulator/faults                          replace them; DELETE clears them
//   POST   /_emulator/reset                           state, call log, faults and rate windows as at start
// Errors are { error: message } with 400 (bad input), 404 (no such thing or route) or 409 (exists already).
import type { ServerResponse } from 'node:http';
import { ZodError } from 'zod';
import { AdminInputError, addApproval, addSensitiveApiApproval, approvalView } from './admin-records.js';
import type { NewApproval, NewSensitiveApiApproval } from './admin-types.js';
import type { CallLog } from './call-log.js';
import type { FaultInjector } from './faults.js';
import type { EmulatorState } from './state.js';

export const ADMIN_PREFIX = '/_emulator/';

export interface AdminDeps {
  state: () => EmulatorState;
  log: CallLog;
  faults: FaultInjector;
  reset: () => void;
  now: () => Date;
  secretId: string;
}

export function handleAdminRequest(method: string, rawUrl: string, body: Buffer, res: ServerResponse, deps: AdminDeps): void {
  const url = new URL(rawUrl, 'http://emulator');
  const parts = url.pathname.slice(ADMIN_PREFIX.length).split('/').filter(Boolean).map(decodeURIComponent);
  try {
    const [status, payload] = route(method, parts, url.searchParams, body, deps);
    send(res, status, payload);
  } catch (err) {
    if (err instanceof AdminInputError) send(res, err.status, { error: err.message });
    else if (err instanceof ZodError) send(res, 400, { error: err.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ') });
    else send(res, 500, { error: `emulator admin failed: ${(err as Error).message}` });
  }
}

function route(method: string, parts: string[], query: URLSearchParams, body: Buffer, deps: AdminDeps): [number, unknown] {
  const [resource, ...rest] = parts;
  const key = `${method} ${resource ?? ''}${rest.length > 0 ? '/*'.repeat(rest.length) : ''}`;
  switch (key) {
    case 'GET health':
      return [200, { ok: true, secretId: deps.secretId, platforms: [...deps.state().platforms.keys()] }];
    case 'POST approvals':
      return [201, addApproval(deps.state(), jsonObject(body) as NewApproval, deps.now())];
    case 'GET approvals/*/*': {
      const [platformId, approvalNo] = rest as [string, string];
      const approval = deps.state().approval(platformId, approvalNo);
      if (!approval) throw new AdminInputError(`no approval ${approvalNo} on platform ${platformId}`, 404);
      return [200, approvalView(platformId, approval)];
    }
    case 'POST sensitive-api-approvals':
      return [201, addSensitiveApiApproval(deps.state(), jsonObject(body) as NewSensitiveApiApproval, deps.now())];
    case 'GET calls': {
      const since = query.get('since');
      return [200, { calls: deps.log.list({ action: query.get('action') ?? undefined, sinceSeq: since === null ? undefined : Number(since) }) }];
    }
    case 'DELETE calls':
      return [200, { cleared: deps.log.reset() }];
    case 'GET faults':
      return [200, deps.faults.current()];
    case 'PUT faults':
      return [200, deps.faults.set(jsonObject(body))];
    case 'DELETE faults':
      deps.faults.clear();
      return [200, deps.faults.current()];
    case 'POST reset':
      deps.reset();
      return [200, { ok: true }];
    default:
      throw new AdminInputError(`no admin route ${method} ${ADMIN_PREFIX}${parts.join('/')}`, 404);
  }
}

function jsonObject(body: Buffer): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw new AdminInputError(`the body is not JSON: ${(err as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new AdminInputError('the body must be a JSON object');
  return parsed as Record<string, unknown>;
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
