// What every command shares: the configuration, parsed once and only by commands that need it (so
// `policy validate` works without any environment), a logger, and one way to report failures.
import { ConfigError, loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { createLogger, type Logger } from '../logging/logger.js';

let config: Config | undefined;

export function cliConfig(): Config {
  config ??= loadConfig();
  return config;
}

export function cliLogger(component: string): Logger {
  const { LOG_LEVEL, LOG_FORMAT } = cliConfig();
  return createLogger(component, { level: LOG_LEVEL, format: LOG_FORMAT });
}

/**
 * The logger of a one-shot command (show, decisions, policy list, audit verify...): its results go to stdout, so
 * the services it opens log warnings and errors only, unless LOG_LEVEL is set to ask for more.
 */
export function commandLogger(component: string): Logger {
  const { LOG_LEVEL, LOG_FORMAT } = cliConfig();
  return createLogger(component, { level: process.env.LOG_LEVEL ? LOG_LEVEL : 'warn', format: LOG_FORMAT });
}

/** The "Examples:" block of a command's --help. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** Exit codes: 1 the command failed, 2 bad usage or configuration. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Wraps a command's action: errors become one readable message and an exit code, never a stack trace. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void> | void): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      const e = err as Error;
      process.stderr.write(`release-gate: ${e.message}\n`);
      if (process.env.LOG_LEVEL === 'debug' && e.stack) process.stderr.write(`${e.stack}\n`);
      process.exitCode = e instanceof ConfigError || e instanceof UsageError ? 2 : 1;
    }
  };
}
