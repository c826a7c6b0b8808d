// The TCMPP emulator as an HTTP server, startable in-process by tests (port 0: a free port) or by
// emulator/main.ts. The API is POST / (any path outside /_emulator/); the admin API is under /_emulator/.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Logger } from '../logging/logger.js';
import type { TcmppClientOptions } from '../tcmpp/client.js';
import { createEmulatorAdminClient, type EmulatorAdminClient } from './admin-client.js';
import { ADMIN_PREFIX, handleAdminRequest } from './admin.js';
import { handleApiRequest } from './api.js';
import type { Account } from './authenticate.js';
import { CallLog } from './call-log.js';
import { FaultInjector, type FaultSettingsInput } from './faults.js';
import { loadFixtures, type FixturesInput } from './fixtures.js';
import { SlidingWindowLimiter } from './rate-limit.js';
import { EmulatorState } from './state.js';

/** TencentCloud API 3.0 accepts bodies up to 10 MB under TC3-HMAC-SHA256. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface EmulatorOptions {
  /** 0 (the default): any free port. */
  port?: number;
  /** Default 127.0.0.1: the admin API has no authentication. */
  host?: string;
  /** An object, or the path of a JSON file; default emulator/fixtures/default.json. */
  fixtures?: FixturesInput | string;
  /** The account's credentials; default: random ones, readable from RunningEmulator. */
  secretId?: string;
  secretKey?: string;
  /** When set, requests must carry it as X-TC-Token. */
  token?: string;
  /** Recorded as ApprovalUser of what this account processes (default "api-user"). */
  approverName?: string;
  /** Further accounts, each with a rate window of its own. */
  extraAccounts?: (Omit<Account, 'approverName'> & { approverName?: string })[];
  /** Per account and action, in any one-second window (default 20, the API's). */
  rateLimitPerSecond?: number;
  /** Overrides rateLimitPerSecond for named actions. */
  rateLimitPerAction?: Record<string, number>;
  /** Longest ApprovalNote accepted, in characters (default 500, like APPROVAL_NOTE_MAX_LENGTH). */
  noteMaxLength?: number;
  /** Replaces the fixture's Faults at start (and after a reset). */
  faults?: FaultSettingsInput;
  /** The emulator's clock for signature timestamps, plan expiry, approval times and the rate windows
   * (default: the system clock, and a monotonic one for the rate windows). A frozen clock makes rate tests exact. */
  now?: () => Date;
  logger?: Logger;
}

export interface RunningEmulator {
  /** http://host:port */
  url: string;
  /** host:port, for TCMPP_ENDPOINT (with TCMPP_PROTOCOL=http). */
  endpoint: string;
  port: number;
  secretId: string;
  secretKey: string;
  admin: EmulatorAdminClient;
  /** Options for createTcmppClient that reach this emulator (region ap-singapore, 5 s timeout unless overridden). */
  clientOptions(overrides?: Partial<TcmppClientOptions>): TcmppClientOptions;
  /** The environment that points release-gate at this emulator. */
  env(): Record<'TCMPP_ENDPOINT' | 'TCMPP_PROTOCOL' | 'TCMPP_SECRET_ID' | 'TCMPP_SECRET_KEY', string>;
  /** Closes the server and every open connection (hung ones included). */
  stop(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const fixtures = loadFixtures(options.fixtures);
  const now = options.now ?? (() => new Date());
  const secretId = options.secretId ?? `AKID${randomToken(32)}`;
  const secretKey = options.secretKey ?? randomToken(32);
  const accounts = new Map<string, Account>([[secretId, { secretId, secretKey, token: options.token, approverName: options.approverName ?? 'api-user' }]]);
  for (const extra of options.extraAccounts ?? []) accounts.set(extra.secretId, { approverName: 'api-user', ...extra });

  const initialFaults = options.faults ?? fixtures.Faults ?? {};
  let state = new EmulatorState(fixtures);
  const log = new CallLog();
  const faults = new FaultInjector(initialFaults);
  const rate = options.rateLimitPerSecond ?? 20;
  const limiter = new SlidingWindowLimiter(
    (action) => options.rateLimitPerAction?.[action] ?? rate,
    options.now ? () => now().getTime() : undefined,
  );
  const reset = () => {
    state = new EmulatorState(fixtures);
    log.reset();
    faults.set(initialFaults);
    limiter.reset();
  };
  const apiDeps = { state: () => state, accounts, faults, limiter, log, noteMaxLength: options.noteMaxLength ?? 500, now, logger: options.logger };
  const adminDeps = { state: () => state, log, faults, reset, now, secretId };

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    readBody(req, res)
      .then((body) => {
        if (body === undefined) return;
        if (req.url?.startsWith(ADMIN_PREFIX)) return handleAdminRequest(req.method ?? 'GET', req.url, body, res, adminDeps);
        return handleApiRequest({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body }, res, apiDeps);
      })
      .catch((err: unknown) => {
        options.logger?.error('emulator request failed', { error: err as Error });
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const url = `http://${host}:${port}`;
  const endpoint = `${host}:${port}`;
  return {
    url,
    endpoint,
    port,
    secretId,
    secretKey,
    admin: createEmulatorAdminClient(url),
    clientOptions: (overrides = {}) => ({
      endpoint, protocol: 'http', region: 'ap-singapore', secretId, secretKey, timeoutSeconds: 5, ...overrides,
    }),
    env: () => ({ TCMPP_ENDPOINT: endpoint, TCMPP_PROTOCOL: 'http', TCMPP_SECRET_ID: secretId, TCMPP_SECRET_KEY: secretKey }),
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    }),
  };
}

/** The body, or undefined after answering 413 to one over the limit. */
function readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        const body = JSON.stringify({ Response: { Error: { Code: 'RequestSizeLimitExceeded', Message: `The request body exceeds ${MAX_BODY_BYTES} bytes.` }, RequestId: randomUUID() } });
        res.writeHead(200, { 'content-type': 'application/json', connection: 'close' }).end(body);
        req.destroy();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function randomToken(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join('');
}
