import type { z } from 'zod';
import { configSchema, secretVariables, type Config } from './schema.js';

/** A configuration that cannot be used; the message names every variable at fault. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: readonly { variable: string; message: string }[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
  }
}

/**
 * Parses the environment once. Empty strings count as unset, so `FOO= make dev` falls back to the default
 * instead of failing on "".
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.keys(configSchema.shape);
  const input: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error, input));
  const config = parsed.data;
  const problems = crossFieldProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

function describeIssues(error: z.ZodError, input: Record<string, string>) {
  return error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? '(environment)');
    const secret = (secretVariables as readonly string[]).includes(variable);
    const shown = secret || input[variable] === undefined ? '' : ` (got ${JSON.stringify(input[variable])})`;
    return { variable, message: `${issue.message}${shown}` };
  });
}

function crossFieldProblems(config: Config) {
  const problems: { variable: string; message: string }[] = [];
  if (Boolean(config.TCMPP_SECRET_ID) !== Boolean(config.TCMPP_SECRET_KEY)) {
    const missing = config.TCMPP_SECRET_ID ? 'TCMPP_SECRET_KEY' : 'TCMPP_SECRET_ID';
    problems.push({ variable: missing, message: 'TCMPP_SECRET_ID and TCMPP_SECRET_KEY are set together or not at all' });
  }
  if (Boolean(config.TEMPORAL_TLS_CERT_PATH) !== Boolean(config.TEMPORAL_TLS_KEY_PATH)) {
    const missing = config.TEMPORAL_TLS_CERT_PATH ? 'TEMPORAL_TLS_KEY_PATH' : 'TEMPORAL_TLS_CERT_PATH';
    problems.push({ variable: missing, message: 'a client certificate needs its key, and the other way round' });
  }
  if (config.TASK_QUEUE_APPROVALS === config.TASK_QUEUE_SUBMIT) {
    problems.push({ variable: 'TASK_QUEUE_SUBMIT', message: 'must differ from TASK_QUEUE_APPROVALS: its rate limit applies to the whole queue' });
  }
  return problems;
}

/** The configuration with secrets masked, safe to log. */
export function redactConfig(config: Config): Record<string, unknown> {
  const out: Record<string, unknown> = { ...config };
  for (const key of secretVariables) {
    const value = config[key];
    if (value === undefined) continue;
    out[key] = key === 'DATABASE_URL' ? maskUrlPassword(String(value)) : '***';
  }
  return out;
}

function maskUrlPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '***';
  }
}
