// One API request, from arrival to answer: authenticate, check the common parameters, the rate limit, the
// body, then faults, then the action. Every answer is HTTP 200 with `Response` (errors as Response.Error) and a
// fresh UUID RequestId, as the real API does; an unexpected exception in an action answers InternalError
// instead of taking the emulator down.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logging/logger.js';
import { actions, SUPPORTED_VERSION } from './actions/index.js';
import type { ActionContext } from './actions/context.js';
import { ApiFailure, fail } from './api-failure.js';
import { authenticate, commonParameters, type Account, type IncomingApiRequest } from './authenticate.js';
import type { CallLog } from './call-log.js';
import type { FaultInjector } from './faults.js';
import type { SlidingWindowLimiter } from './rate-limit.js';
import type { EmulatorState } from './state.js';

export interface ApiDeps {
  state: () => EmulatorState;
  accounts: ReadonlyMap<string, Account>;
  faults: FaultInjector;
  limiter: SlidingWindowLimiter;
  log: CallLog;
  noteMaxLength: number;
  now: () => Date;
  logger?: Logger;
}

export async function handleApiRequest(req: IncomingApiRequest, res: ServerResponse, deps: ApiDeps): Promise<void> {
  const requestId = randomUUID();
  const arrived = deps.now();
  const started = performance.now();
  const record = deps.log.open({ time: arrived.toISOString(), action: headerAction(req), requestId });

  const answer = (fields: Record<string, unknown>) => {
    if (res.destroyed || res.writableEnded) return;
    const body = JSON.stringify({ Response: { ...fields, RequestId: requestId } });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-tc-requestid': requestId });
    res.end(body);
    record.durationMs = Math.round(performance.now() - started);
  };
  const answerError = (code: string, message: string) => {
    Object.assign(record, { outcome: 'error', code, message });
    answer({ Error: { Code: code, Message: message } });
  };

  try {
    const account = authenticate(req, deps.accounts, Math.floor(arrived.getTime() / 1000));
    record.secretId = account.secretId;
    const action = commonParameters(req.headers, actions, SUPPORTED_VERSION);
    const admitted = deps.limiter.tryAcquire(account.secretId, action);
    if (!admitted.ok) {
      fail('RequestLimitExceeded', `Your request rate exceeds the frequency limit of ${admitted.limit} requests a second for ${action}. Please reduce the frequency of calls.`);
    }
    const params = parseBody(req.body);
    record.params = params;

    const latency = deps.faults.latencyMs(action);
    if (latency > 0) {
      record.fault = 'latency';
      await sleep(latency);
    }
    const decision = deps.faults.decide(action);
    if (decision.kind === 'hang') {
      Object.assign(record, { outcome: 'hung', fault: 'hang' });
      return;
    }
    if (decision.kind === 'error') {
      record.fault = 'error';
      answerError(decision.code, decision.message);
      return;
    }
    const ctx: ActionContext = {
      state: deps.state(), now: deps.now(), requestId, secretId: account.secretId,
      approverName: account.approverName, noteMaxLength: deps.noteMaxLength, answered: decision.kind === 'none',
    };
    if (decision.kind === 'unanswered') {
      Object.assign(record, { outcome: 'unanswered', fault: 'unanswered' });
      try {
        actions.get(action)!(params, ctx);
      } catch (err) {
        if (!(err instanceof ApiFailure)) throw err;
        Object.assign(record, { code: err.code, message: err.message });
      }
      if (decision.mode === 'reset') res.socket?.destroy();
      return;
    }
    const fields = actions.get(action)!(params, ctx);
    record.outcome = 'success';
    answer(fields);
  } catch (err) {
    if (err instanceof ApiFailure) {
      answerError(err.code, err.message);
    } else {
      deps.logger?.error('emulator action failed unexpectedly', { requestId, error: err as Error });
      answerError('InternalError', `Internal error in the emulator: ${(err as Error).message}`);
    }
  }
}

function headerAction(req: IncomingApiRequest): string {
  const v = req.headers['x-tc-action'];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

function parseBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (err) {
    return fail('InvalidParameter', `The request body is not valid JSON: ${(err as Error).message}.`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return fail('InvalidParameter', 'The request body must be a JSON object of the action\'s parameters.');
  }
  return parsed as Record<string, unknown>;
}
