// TC3-HMAC-SHA256, the way Tencent's API 3.0 documents it and its SDKs make it, from the verifying side.
// Two SDK habits shape the verification: the service name is whatever the credential scope says (the SDKs take
// the first label of the endpoint, so 127.0.0.1:9000 signs service "127"), and `host` is signed without the
// port while the Host header carries it; a signer that keeps the port is accepted too.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';
/** A request signed further than this from the server's clock is refused (AuthFailure.SignatureExpire). */
export const MAX_CLOCK_SKEW_SECONDS = 300;

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** The UTC date of a Unix timestamp in seconds, as the credential scope spells it. */
export function utcDate(timestampSeconds: number): string {
  return new Date(timestampSeconds * 1000).toISOString().slice(0, 10);
}

export interface CanonicalRequestParts {
  method: string;
  path: string;
  query: string;
  /** Lowercase header name to its value, for the signed headers, in any order. */
  headers: Record<string, string>;
  signedHeaders: readonly string[];
  payload: string | Buffer;
}

export function canonicalRequest(p: CanonicalRequestParts): string {
  const names = [...p.signedHeaders].map((h) => h.toLowerCase()).sort();
  const canonicalHeaders = names.map((name) => `${name}:${(p.headers[name] ?? '').trim().toLowerCase()}\n`).join('');
  return [p.method.toUpperCase(), p.path, p.query, canonicalHeaders, names.join(';'), sha256Hex(p.payload)].join('\n');
}

export function stringToSign(timestamp: number, credentialScope: string, canonical: string): string {
  return [TC3_ALGORITHM, String(timestamp), credentialScope, sha256Hex(canonical)].join('\n');
}

export function signingKey(secretKey: string, date: string, service: string): Buffer {
  return hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
}

export function signatureOf(secretKey: string, date: string, service: string, toSign: string): string {
  return createHmac('sha256', signingKey(secretKey, date, service)).update(toSign, 'utf8').digest('hex');
}

export interface ParsedAuthorization {
  secretId: string;
  date: string;
  service: string;
  credentialScope: string;
  signedHeaders: string[];
  signature: string;
}

/** Parses `TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request, SignedHeaders=a;b, Signature=HEX`. */
export function parseAuthorization(header: string): ParsedAuthorization | { problem: string } {
  const match = /^(\S+)\s+(.*)$/.exec(header.trim());
  if (!match) return { problem: 'the Authorization header is not "TC3-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=..."' };
  const [, algorithm, rest] = match as unknown as [string, string, string];
  if (algorithm !== TC3_ALGORITHM) return { problem: `signature method ${algorithm} is not supported: use ${TC3_ALGORITHM}` };
  const fields = new Map<string, string>();
  for (const part of rest.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || !signedHeaders || !signature) return { problem: 'the Authorization header needs Credential, SignedHeaders and Signature' };
  const scope = credential.split('/');
  if (scope.length !== 4 || scope.some((s) => s.length === 0) || scope[3] !== 'tc3_request') {
    return { problem: 'Credential must be SecretId/Date/Service/tc3_request' };
  }
  const [secretId, date, service] = scope as [string, string, string, string];
  if (!/^[0-9a-f]{64}$/.test(signature)) return { problem: 'Signature must be 64 lowercase hex digits' };
  return {
    secretId,
    date,
    service,
    credentialScope: `${date}/${service}/tc3_request`,
    signedHeaders: signedHeaders.split(';').map((h) => h.trim().toLowerCase()),
    signature,
  };
}

export interface SignedRequest {
  method: string;
  path: string;
  query: string;
  /** The request's headers, names lowercase (as node:http gives them). */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  timestamp: number;
  authorization: ParsedAuthorization;
}

/** Whether the signature is the one `secretKey` gives this request. Constant time in the comparison. */
export function signatureMatches(req: SignedRequest, secretKey: string): boolean {
  const auth = req.authorization;
  if (auth.date !== utcDate(req.timestamp)) return false;
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = req.headers[name];
    if (value === undefined) return false;
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const expected = Buffer.from(auth.signature, 'hex');
  for (const host of hostCandidates(headers.host)) {
    const canonical = canonicalRequest({
      method: req.method, path: req.path, query: req.query, headers: { ...headers, host },
      signedHeaders: auth.signedHeaders, payload: req.body,
    });
    const actual = Buffer.from(signatureOf(secretKey, auth.date, auth.service, stringToSign(req.timestamp, auth.credentialScope, canonical)), 'hex');
    if (timingSafeEqual(actual, expected)) return true;
  }
  return false;
}

function hostCandidates(host: string | undefined): string[] {
  if (host === undefined) return [''];
  const withoutPort = host.replace(/:\d+$/, '');
  return withoutPort === host ? [host] : [withoutPort, host];
}

export interface SignInput {
  secretId: string;
  secretKey: string;
  service: string;
  host: string;
  timestamp: number;
  payload: string;
  contentType?: string;
}

/** The Authorization header for a JSON POST to `/`: how a correct client signs (used by tests and tools). */
export function authorizationFor(s: SignInput): string {
  const date = utcDate(s.timestamp);
  const scope = `${date}/${s.service}/tc3_request`;
  const signedHeaders = ['content-type', 'host'];
  const canonical = canonicalRequest({
    method: 'POST', path: '/', query: '',
    headers: { 'content-type': s.contentType ?? 'application/json', host: s.host },
    signedHeaders, payload: s.payload,
  });
  const signature = signatureOf(s.secretKey, date, s.service, stringToSign(s.timestamp, scope, canonical));
  return `${TC3_ALGORITHM} Credential=${s.secretId}/${scope}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
}
