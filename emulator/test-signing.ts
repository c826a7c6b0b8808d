// Hand-made API requests for the emulator's own tests: a correct TC3 signature by default, and every piece
// overridable so a test can send exactly the wrong request it means to.
import { authorizationFor } from './signature.js';

export interface RawCallOptions {
  action?: string;
  params?: unknown;
  /** Raw body, instead of JSON of `params`. */
  body?: string;
  secretId: string;
  secretKey: string;
  timestamp?: number;
  version?: string | null;
  region?: string | null;
  /** Replaces the computed Authorization (null: none). */
  authorization?: string | null;
  /** Changes the body after signing. */
  tamperBody?: (body: string) => string;
  headers?: Record<string, string>;
  method?: string;
}

export interface RawAnswer {
  status: number;
  json: { Response: { Error?: { Code: string; Message: string }; RequestId: string } & Record<string, unknown> };
}

export async function rawCall(url: string, o: RawCallOptions): Promise<RawAnswer> {
  const body = o.body ?? JSON.stringify(o.params ?? {});
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const host = new URL(url).hostname;
  const authorization = o.authorization === undefined
    ? authorizationFor({ secretId: o.secretId, secretKey: o.secretKey, service: 'tcmpp', host, timestamp, payload: body })
    : o.authorization;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-tc-action': o.action ?? 'DescribeMNPApprovalList',
    'x-tc-timestamp': String(timestamp),
    ...(o.version === null ? {} : { 'x-tc-version': o.version ?? '2024-08-01' }),
    ...(o.region === null ? {} : { 'x-tc-region': o.region ?? 'ap-singapore' }),
    ...(authorization === null ? {} : { authorization }),
    ...o.headers,
  };
  const method = o.method ?? 'POST';
  const res = await fetch(url, { method, headers, body: method === 'GET' ? undefined : (o.tamperBody ? o.tamperBody(body) : body) });
  return { status: res.status, json: (await res.json()) as RawAnswer['json'] };
}
