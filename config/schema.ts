// Every environment variable release-gate reads, in one schema. Parsed once at start-up (config/load.ts);
// README.md's configuration table is generated from the descriptions here, so keep them user-facing.
import { z } from 'zod';

const hostPort = z
  .string()
  .refine((v) => /^[A-Za-z0-9.-]+:\d{1,5}$/.test(v) && Number(v.split(':').pop()) <= 65535, 'must be host:port, for example localhost:7233');

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = (max: number) =>
  z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(max, `must be at most ${max}`);

const csv = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter((s) => s.length > 0));

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone, for example Asia/Singapore');

export const configSchema = z.object({
  TEMPORAL_ADDRESS: hostPort.default('localhost:7233').describe('Temporal frontend, host:port'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default').describe('Temporal namespace'),
  TEMPORAL_API_KEY: z.string().min(1).optional().describe('Temporal Cloud API key (implies TLS); secret'),
  TEMPORAL_TLS: boolish.default(false).describe('Connect to Temporal over TLS'),
  TEMPORAL_TLS_CERT_PATH: z.string().min(1).optional().describe('Client certificate for mTLS (PEM file)'),
  TEMPORAL_TLS_KEY_PATH: z.string().min(1).optional().describe('Client key for mTLS (PEM file)'),
  TEMPORAL_TLS_CA_PATH: z.string().min(1).optional().describe('CA bundle to verify the server (PEM file)'),
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional().describe('Server name to verify, if it differs from the address'),
  TASK_QUEUE_APPROVALS: z.string().min(1).default('release-gate-approvals').describe('Task queue of the approval workflows and their local activities'),
  TASK_QUEUE_SUBMIT: z.string().min(1).default('release-gate-submit').describe('Task queue of the rate-limited submitDecision activity'),

  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, message: 'must be a postgres:// URL' })
    .optional()
    .describe('PostgreSQL connection URL; unset: an embedded PostgreSQL under .data/postgres'),
  EMBEDDED_POSTGRES_PORT: positiveInt(65535).default(5433).describe('Port of the embedded PostgreSQL (when DATABASE_URL is unset)'),

  TCMPP_ENDPOINT: z.string().min(1).default('tcmpp.tencentcloudapi.com').describe('TCMPP API host (and :port)'),
  TCMPP_PROTOCOL: z.enum(['https', 'http'], { message: 'must be https or http' }).default('https').describe('Protocol to reach TCMPP_ENDPOINT'),
  TCMPP_REGION: z.string().min(1).default('ap-singapore').describe('TCMPP region sent with each request'),
  TCMPP_SECRET_ID: z.string().min(1).optional().describe('Tencent Cloud SecretId; unset under `make dev`: the emulator is used'),
  TCMPP_SECRET_KEY: z.string().min(1).optional().describe('Tencent Cloud SecretKey; secret'),
  TCMPP_TOKEN: z.string().min(1).optional().describe('Session token for temporary credentials; secret'),
  TCMPP_TIMEOUT_SECONDS: positiveInt(300).default(10).describe('Request timeout of each TCMPP call'),
  TCMPP_PLATFORM_IDS: csv.default([]).describe('Comma-separated platform ids to pick approvals up from'),
  TCMPP_RATE_LIMIT_PER_SECOND: positiveInt(1000).default(20).describe('TCMPP calls per second for each action, account-wide across all workers (the API allows 20)'),
  TCMPP_TIME_ZONE: timeZone.default('UTC').describe('Zone of the "YYYY-MM-DD HH:mm:ss" times TCMPP returns (ApplyTime, UpdateTime)'),
  APPROVAL_NOTE_MAX_LENGTH: positiveInt(10000).default(500).describe('Longest approval note sent to TCMPP'),

  INTAKE_INTERVAL_SECONDS: positiveInt(86400).default(30).describe('How often the intake schedule polls each platform'),
  POLICY_FILE: z.string().min(1).default('rules/default.policy.json').describe('Policy published as version 1 when the store is empty'),
  HISTORY_WINDOW_DAYS: positiveInt(3650).default(30).describe('How far back the history facts (recent approvals, rejections) look'),
  POLICY_TIME_ZONE: timeZone.default('UTC').describe('Time zone of the clock facts (weekday, hour)'),
  HTTP_PORT: positiveInt(65535).default(8080).describe('Port of the reviewer HTTP API'),
  API_TOKEN: z.string().min(16, 'must be at least 16 characters').optional().describe('Bearer token the reviewer HTTP API requires on /api/ routes; unset: none required; secret'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error'], { message: 'must be debug, info, warn or error' }).default('info').describe('Least severe log level written'),
  LOG_FORMAT: z.enum(['json', 'pretty'], { message: 'must be json or pretty' }).default('json').describe('json: one object a line; pretty: for people'),
});

export type Config = z.infer<typeof configSchema>;
export type ConfigVariable = keyof Config;

/** Variables whose values are never logged or printed. */
export const secretVariables: readonly ConfigVariable[] = ['TEMPORAL_API_KEY', 'TCMPP_SECRET_KEY', 'TCMPP_TOKEN', 'DATABASE_URL', 'API_TOKEN'];
