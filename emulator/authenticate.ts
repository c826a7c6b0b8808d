// The gate every API request passes before any action runs: protocol, the TC3-HMAC-SHA256 signature, the
// common parameters (X-TC-Version, X-TC-Action, X-TC-Region). Each refusal is the code the real API gives.
// Order: protocol, Authorization's form, SecretId, timestamp, signature, token, version, action, region.
import type { IncomingHttpHeaders } from 'node:http';
import { fail } from './api-failure.js';
import { MAX_CLOCK_SKEW_SECONDS, parseAuthorization, signatureMatches } from './signature.js';

export interface Account {
  secretId: string;
  secretKey: string;
  /** When set, requests must carry it as X-TC-Token (temporary credentials). */
  token?: string;
  /** Recorded as ApprovalUser of the approvals this account processes. */
  approverName: string;
}

export interface IncomingApiRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The account whose key signed the request, or ApiFailure. */
export function authenticate(req: IncomingApiRequest, accounts: ReadonlyMap<string, Account>, nowSeconds: number): Account {
  if (req.method !== 'POST') fail('UnsupportedProtocol', `HTTP method ${req.method} is not supported by the emulator: send POST with a JSON body.`);
  const contentType = header(req.headers, 'content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    fail('UnsupportedProtocol', `Content-Type ${contentType || '(none)'} is not supported by the emulator: sign with TC3-HMAC-SHA256 and send application/json (the form-encoded HmacSHA256 signature v1 is not emulated).`);
  }
  const authorization = header(req.headers, 'authorization');
  if (!authorization) fail('AuthFailure.InvalidAuthorization', 'The request carries no Authorization header.');
  const parsed = parseAuthorization(authorization);
  if ('problem' in parsed) return fail('AuthFailure.InvalidAuthorization', `Authorization is invalid: ${parsed.problem}.`);
  for (const required of ['content-type', 'host']) {
    if (!parsed.signedHeaders.includes(required)) fail('AuthFailure.InvalidAuthorization', `SignedHeaders must include ${required}.`);
  }
  const account = accounts.get(parsed.secretId)
    ?? fail('AuthFailure.SecretIdNotFound', 'The SecretId is not found, please ensure that your SecretId is correct.');

  const rawTimestamp = header(req.headers, 'x-tc-timestamp');
  if (rawTimestamp === undefined) fail('MissingParameter', 'The request is missing a required parameter `X-TC-Timestamp`.');
  if (!/^\d{1,12}$/.test(rawTimestamp)) fail('InvalidParameter', `X-TC-Timestamp must be a Unix time in seconds (got ${JSON.stringify(rawTimestamp)}).`);
  const timestamp = Number(rawTimestamp);
  if (Math.abs(nowSeconds - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
    fail('AuthFailure.SignatureExpire', `Signature expired: X-TC-Timestamp ${timestamp} is more than ${MAX_CLOCK_SKEW_SECONDS} s from the server time ${nowSeconds}.`);
  }
  const url = new URL(req.url, 'http://emulator');
  const signed = { method: req.method, path: url.pathname, query: url.search.slice(1), headers: req.headers, body: req.body, timestamp, authorization: parsed };
  if (!signatureMatches(signed, account.secretKey)) {
    fail('AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.');
  }
  if (account.token !== undefined && header(req.headers, 'x-tc-token') !== account.token) {
    fail('AuthFailure.TokenFailure', 'The token (X-TC-Token) is missing or does not belong to this SecretId.');
  }
  return account;
}

/** X-TC-Version, X-TC-Action and X-TC-Region: the action's name, once known to exist. */
export function commonParameters(headers: IncomingHttpHeaders, knownActions: ReadonlyMap<string, unknown>, version: string): string {
  const sentVersion = header(headers, 'x-tc-version');
  if (!sentVersion) fail('MissingParameter', 'The request is missing a required parameter `Version` (X-TC-Version).');
  if (sentVersion !== version) fail('NoSuchVersion', `The API version \`${sentVersion}\` does not exist: this product answers ${version}.`);
  const action = header(headers, 'x-tc-action');
  if (!action) fail('MissingParameter', 'The request is missing a required parameter `Action` (X-TC-Action).');
  if (!knownActions.has(action)) fail('InvalidAction', `The requested action \`${action}\` does not exist.`);
  if (!header(headers, 'x-tc-region')) fail('MissingParameter', 'The request is missing a required parameter `Region` (X-TC-Region).');
  return action;
}
