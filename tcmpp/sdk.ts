// The one place that touches tencentcloud-sdk-nodejs-intl-en (CommonJS, callback-only, no type declarations):
// builds its tcmpp.v20240801.Client pinned to TC3-HMAC-SHA256 and turns one call into a promise of the raw
// `Response` object, or a typed error from tcmpp/errors.ts.
import { createRequire } from 'node:module';
import { TcmppApiError, TcmppNetworkError, TcmppResponseError, type NetworkFailureKind } from './errors.js';

// Only the product module and the common module: the package's index loads every product (0.7 s against 0.1 s).
const require = createRequire(import.meta.url);

interface SdkCredential { readonly secretId: string | null }
interface SdkClient {
  request(action: string, req: object, resp: { deserialize(data: unknown): void }, cb: (err: unknown, resp: unknown) => void): void;
}
interface SdkCommon {
  Credential: new (secretId: string, secretKey: string, token?: string) => SdkCredential;
  HttpProfile: new (protocol: string, endpoint: string, reqMethod: string, reqTimeoutSeconds: number) => object;
  ClientProfile: new (signMethod: string, httpProfile: object) => object;
}
interface SdkTcmpp { Client: new (credential: SdkCredential, region: string, profile: object) => SdkClient }

const common = require('tencentcloud-sdk-nodejs-intl-en/tencentcloud/common/index.js') as SdkCommon;
const tcmpp = require('tencentcloud-sdk-nodejs-intl-en/tencentcloud/tcmpp/v20240801/index.js') as SdkTcmpp;

export interface SdkConnection {
  protocol: 'https' | 'http';
  endpoint: string;
  region: string;
  secretId: string;
  secretKey: string;
  token?: string;
  timeoutSeconds: number;
}

export type RawCall = (action: string, request: object) => Promise<unknown>;

/** A function that sends one action through the SDK and resolves with its `Response` object as received. */
export function createSdkCaller(conn: SdkConnection): RawCall {
  const credential = new common.Credential(conn.secretId, conn.secretKey, conn.token);
  const httpProfile = new common.HttpProfile(`${conn.protocol}://`, conn.endpoint, 'POST', conn.timeoutSeconds);
  // The SDK's ClientProfile defaults to the old HmacSHA256 form signature; TC3 must be asked for.
  const client = new tcmpp.Client(credential, conn.region, new common.ClientProfile('TC3-HMAC-SHA256', httpProfile));

  return (action, request) =>
    new Promise((resolve, reject) => {
      // The generated methods (client.ProcessMNPApproval ...) deserialize into SDK models, which throw inside the
      // SDK's promise chain on a malformed answer and then never call back. Capturing the raw answer instead lets
      // tcmpp/validate.ts report exactly what is wrong with it.
      const capture = { data: undefined as unknown, deserialize(data: unknown) { this.data = data; } };
      try {
        client.request(action, request, capture, (err) => {
          if (err) reject(translateSdkError(action, err));
          else resolve(capture.data);
        });
      } catch (err) {
        reject(translateSdkError(action, err));
      }
    });
}

interface SdkException { message?: unknown; code?: unknown; requestId?: unknown; httpCode?: unknown; type?: unknown }

/** Maps what the SDK rejects with onto the three typed errors. Exported for its unit tests. */
export function translateSdkError(action: string, err: unknown): Error {
  const e = (err ?? {}) as SdkException;
  const message = typeof e.message === 'string' ? e.message : String(err);
  const requestId = typeof e.requestId === 'string' ? e.requestId : '';
  if (typeof e.code === 'string' && e.code.length > 0) return new TcmppApiError(action, e.code, message, requestId);
  if (typeof e.httpCode === 'number') return new TcmppNetworkError(action, 'http-status', message || `HTTP ${e.httpCode}`, e.httpCode);
  // A 200 answer whose body is not JSON, or JSON without `Response`: node-fetch's invalid-json FetchError or a
  // TypeError from the SDK's parser. The server did answer, so this is not a network failure.
  if (e.type === 'invalid-json' || err instanceof TypeError || err instanceof SyntaxError) {
    return new TcmppResponseError(action, [`the answer could not be read: ${message}`], undefined);
  }
  return new TcmppNetworkError(action, networkKind(message), message);
}

// The SDK keeps only the message of node-fetch's FetchError, so the failure is told apart by its text.
function networkKind(message: string): NetworkFailureKind {
  if (/network timeout|timed? ?out|ETIMEDOUT/i.test(message)) return 'timeout';
  if (/ECONNREFUSED/.test(message)) return 'connection-refused';
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(message)) return 'dns';
  if (/ECONNRESET|socket hang up|EPIPE|premature close|aborted/i.test(message)) return 'connection-reset';
  return 'other';
}
