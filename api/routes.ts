// The reviewer HTTP API. Every route answers JSON; errors are {"error": "..."} with a status that says whose
// fault it is (400 bad input, 404 unknown approval, 409 wrong state, 401 no token, 500 ours).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Client } from '@temporalio/client';
import type { ApprovalStarter } from '../activities/pick-up-approvals.js';
import { parsePushRequest, pushApproval } from '../intake/push.js';
import type { Ledger } from '../ledger/ledger-store.js';
import type { LedgerFilter } from '../ledger/types.js';
import type { Logger } from '../logging/logger.js';
import { decideApproval, parseReviewerDecision } from '../reviews/decide.js';
import { InvalidInputError, httpStatusOf } from '../reviews/errors.js';
import { inspectApproval } from '../reviews/inspect.js';
import { parseIdentifier, parseListFilter } from '../reviews/list-filter.js';
import type { TcmppClient } from '../tcmpp/client.js';
import { readJson, sendJson } from './http.js';

export interface ApiDeps {
  client: Client;
  ledger: Ledger;
  tcmpp: TcmppClient;
  starter: ApprovalStarter;
  logger: Logger;
  /** When set, every /api route needs `Authorization: Bearer <token>`. */
  token?: string | undefined;
}

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[], url: URL) => Promise<void>;

export function createRouter(deps: ApiDeps) {
  const routes: [string, RegExp, Handler][] = [
    ['GET', /^\/healthz$/, async (_req, res) => sendJson(res, 200, { ok: true })],
    ['POST', /^\/api\/approvals$/, async (req, res) => {
      const request = parsePushRequest(await readJson(req));
      const pushed = await pushApproval(deps, request, 'api');
      deps.logger.info('approval pushed', { ...request, result: pushed.result });
      sendJson(res, pushed.result === 'started' ? 201 : 200, pushed);
    }],
    ['GET', /^\/api\/approvals$/, async (_req, res, _p, url) => {
      sendJson(res, 200, { approvals: await deps.ledger.list(listFilter(url)) });
    }],
    ['GET', /^\/api\/approvals\/([^/]+)\/([^/]+)$/, async (_req, res, [platformId, approvalNo]) => {
      sendJson(res, 200, await inspectApproval(deps.client, deps.ledger, platformId!, approvalNo!));
    }],
    ['POST', /^\/api\/approvals\/([^/]+)\/([^/]+)\/decision$/, async (req, res, [platformId, approvalNo]) => {
      const decision = parseReviewerDecision(await readJson(req));
      const result = await decideApproval(deps.client, platformId!, approvalNo!, decision);
      deps.logger.info('reviewer decision', { platformId, approvalNo, reviewer: decision.reviewer, outcome: decision.outcome });
      sendJson(res, 200, result);
    }],
  ];

  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (deps.token && url.pathname.startsWith('/api/') && !bearerMatches(req.headers.authorization, deps.token)) {
        return sendJson(res, 401, { error: 'missing or wrong bearer token (Authorization: Bearer <API_TOKEN>)' });
      }
      const matches = routes.filter(([, pattern]) => pattern.test(url.pathname));
      if (matches.length === 0) return sendJson(res, 404, { error: `no route ${url.pathname}` });
      const route = matches.find(([method]) => method === req.method);
      if (!route) return sendJson(res, 405, { error: `${req.method} not allowed on ${url.pathname} (allowed: ${matches.map(([m]) => m).join(', ')})` });
      const params = (route[1].exec(url.pathname) ?? []).slice(1).map(pathParameter);
      await route[2](req, res, params, url);
    } catch (err) {
      const status = httpStatusOf(err);
      if (status === 500) deps.logger.error('API request failed', { method: req.method, path: url.pathname, error: (err as Error).message });
      if (!res.headersSent) sendJson(res, status, { error: (err as Error).message });
    }
  };
}

/** Compared in constant time, so the answer's timing does not reveal how much of a guess was right. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(header ?? ''), digest(`Bearer ${token}`));
}

function pathParameter(raw: string, index: number): string {
  const name = index === 0 ? 'platformId' : 'approvalNo';
  try {
    return parseIdentifier(decodeURIComponent(raw));
  } catch (err) {
    throw new InvalidInputError(`${name} in the path: ${err instanceof InvalidInputError ? err.message : 'not valid percent-encoding'}`);
  }
}

const listParameters = ['since', 'outcome', 'state', 'platformId', 'limit'] as const;

/** GET /api/approvals?since=24h&outcome=pending&state=decided&platformId=P1&limit=50 */
function listFilter(url: URL): LedgerFilter {
  const values: Partial<Record<(typeof listParameters)[number], string>> = {};
  for (const [name, value] of url.searchParams) {
    const known = listParameters.find((p) => p === name);
    if (!known) throw new InvalidInputError(`unknown query parameter ${name} (expected ${listParameters.join(', ')})`);
    values[known] = value;
  }
  return parseListFilter(values);
}
