// Opens only the connections a command needs (runtime/services.ts) and always closes them, so a one-shot
// command exits as soon as it is done instead of hanging on an open pool or gRPC channel. Every command that
// reads or writes PostgreSQL comes through here, so they all find the same database the same way.
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type pg from 'pg';
import type { ApprovalStarter } from '../activities/pick-up-approvals.js';
import type { Config } from '../config/schema.js';
import type { Ledger } from '../ledger/ledger-store.js';
import type { Logger } from '../logging/logger.js';
import type { TcmppClient } from '../tcmpp/client.js';
import { cliConfig, commandLogger } from './context.js';

export interface CommandServices {
  pool: pg.Pool;
  ledger: Ledger;
  client: Client;
  starter: ApprovalStarter;
  tcmpp: TcmppClient;
  logger: Logger;
}

type Need = 'database' | 'temporal' | 'tcmpp';

export async function withServices<T>(needs: readonly Need[], fn: (services: CommandServices) => Promise<T>): Promise<T> {
  // Loaded here, not at the top: the PostgreSQL driver and the Temporal client take a while to load, and the
  // commands that need neither (policy validate, --help) should not wait for them.
  const { openTcmppClient, openTemporal } = await import('../runtime/services.js');
  const config = cliConfig();
  const logger = commandLogger('cli');
  const services = { logger } as CommandServices;
  const closers: (() => Promise<void>)[] = [];
  try {
    if (needs.includes('database') || needs.includes('tcmpp')) {
      const db = await openCommandDatabase(config, logger);
      services.pool = db.pool;
      services.ledger = db.ledger;
      closers.push(db.close);
    }
    if (needs.includes('tcmpp')) services.tcmpp = openTcmppClient(config, services.pool, logger);
    if (needs.includes('temporal')) {
      const temporal = await openTemporal(config);
      services.client = temporal.client;
      services.starter = temporal.starter;
      closers.push(() => temporal.client.connection.close());
    }
    return await fn(services);
  } finally {
    for (const close of closers.reverse()) await close();
  }
}

/**
 * DATABASE_URL, or the embedded development PostgreSQL. When that is not running (no `make dev`), it is started
 * for the command and stopped after, on the data directory `make dev` uses, so what a command writes (a policy
 * version, say) is what the development worker sees.
 */
async function openCommandDatabase(config: Config, logger: Logger): Promise<{ pool: pg.Pool; ledger: Ledger; close: () => Promise<void> }> {
  const { openDatabase } = await import('../runtime/services.js');
  try {
    const db = await openDatabase(config, logger);
    return { ...db, close: () => db.pool.end() };
  } catch (err) {
    // Only an unreachable embedded server is worth starting one for; a migration failure on a running one, or
    // any trouble with DATABASE_URL, is the user's to see as it is.
    if (config.DATABASE_URL || !/^cannot reach PostgreSQL/.test((err as Error).message)) throw err;
  }
  const [{ devDataDir }, { startEmbeddedPostgres }, { embedded }] = await Promise.all([
    import('../dev/stack.js'), import('../db/embedded.js'), import('../db/database-url.js'),
  ]);
  const dataDir = join(devDataDir, 'postgres');
  process.stderr.write(`starting the embedded PostgreSQL under ${dataDir} for this command (make dev keeps one running)\n`);
  const server = await startEmbeddedPostgres({ dataDir, port: config.EMBEDDED_POSTGRES_PORT, database: embedded.database });
  try {
    const db = await openDatabase({ ...config, DATABASE_URL: server.url }, logger);
    return {
      ...db,
      close: async () => {
        try {
          await db.pool.end();
        } finally {
          await server.stop();
        }
      },
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
