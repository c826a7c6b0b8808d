// The long-lived connections a release-gate process holds (worker, HTTP API, CLI commands), opened one way so
// that every entry point sees the same PostgreSQL, the same Temporal namespace and the same TCMPP client,
// with every TCMPP call behind the account-wide rate limiter.
import type { Client } from '@temporalio/client';
import type pg from 'pg';
import type { ApprovalStarter } from '../activities/pick-up-approvals.js';
import type { Config } from '../config/schema.js';
import { databaseUrl } from '../db/database-url.js';
import { migrate } from '../db/migrate.js';
import { checkConnection, createPool } from '../db/pool.js';
import { createApprovalStarter } from '../intake/approval-starter.js';
import { createLedger, type Ledger } from '../ledger/ledger-store.js';
import type { Logger } from '../logging/logger.js';
import { createAccountRateLimiter } from '../rate-limit/account-rate-limiter.js';
import { createTcmppClient, tcmppClientOptionsFromConfig, type TcmppClient } from '../tcmpp/client.js';
import type { TcmppAction } from '../tcmpp/types.js';
import { connectClient } from '../temporal/connect.js';
import type { ApprovalSettings } from '../workflows/approval/types.js';

export interface DatabaseServices {
  pool: pg.Pool;
  ledger: Ledger;
}

/** Connects to PostgreSQL (DATABASE_URL or the embedded server's URL) and applies pending migrations. */
export async function openDatabase(config: Config, logger: Logger): Promise<DatabaseServices> {
  const db = databaseUrl(config);
  const pool = createPool(db.url, logger);
  try {
    await checkConnection(pool, db.shown);
    const applied = await migrate(pool);
    if (applied.length > 0) logger.info('applied database migrations', { versions: applied });
  } catch (err) {
    await pool.end();
    throw err;
  }
  return { pool, ledger: createLedger(pool) };
}

/**
 * The TCMPP client of this process. Every call first takes a send slot from the account-wide limiter of its
 * action (DESIGN.md: Temporal's task-queue limit alone lets a burst through). Reads are limited too: a burst of
 * approvals gathers three reads each, and TCMPP's 20 a second holds per action for the whole account.
 */
export function openTcmppClient(config: Config, pool: pg.Pool, logger: Logger): TcmppClient {
  return createTcmppClient(tcmppClientOptionsFromConfig(config, {
    logger: logger.child({ component: 'tcmpp' }),
    beforeRequest: accountRateLimit(pool, config.TCMPP_RATE_LIMIT_PER_SECOND),
  }));
}

/** The TCMPP client's beforeRequest hook: spaces the calls of each action for the whole account. */
export function accountRateLimit(pool: pg.Pool, perSecond: number): (action: TcmppAction) => Promise<void> {
  const limiter = createAccountRateLimiter(pool, { perSecond });
  return async (action) => {
    await limiter.acquire(`tcmpp:${action}`, { maxWaitMs: 60_000 });
  };
}

/** The settings every approval workflow started by this process carries (fixed for the workflow's life). */
export function approvalSettings(config: Config): ApprovalSettings {
  return { noteMaxLength: config.APPROVAL_NOTE_MAX_LENGTH, submitTaskQueue: config.TASK_QUEUE_SUBMIT };
}

export interface TemporalServices {
  client: Client;
  starter: ApprovalStarter;
}

export async function openTemporal(config: Config): Promise<TemporalServices> {
  const client = await connectClient(config);
  const starter = createApprovalStarter({ client, taskQueue: config.TASK_QUEUE_APPROVALS, settings: approvalSettings(config) });
  return { client, starter };
}
