// Opens only the connections a command needs (runtime/services.ts) and always closes them, so a one-shot
// command exits as soon as it is done instead of hanging on an open pool or gRPC channel.
import type { Client } from '@temporalio/client';
import type pg from 'pg';
import type { ApprovalStarter } from '../../activities/pick-up-approvals.js';
import type { Ledger } from '../../ledger/ledger-store.js';
import type { Logger } from '../../logging/logger.js';
import { openDatabase, openTcmppClient, openTemporal } from '../../runtime/services.js';
import type { TcmppClient } from '../../tcmpp/client.js';
import { cliConfig, cliLogger } from '../context.js';

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
  const config = cliConfig();
  // Commands print their results on stdout; the services' own logs stay quiet below warnings unless asked for.
  const base = cliLogger('cli');
  const logger = process.env.LOG_LEVEL ? base : quietLogger(base);
  const services = { logger } as CommandServices;
  const closers: (() => Promise<void>)[] = [];
  try {
    if (needs.includes('database') || needs.includes('tcmpp')) {
      const db = await openDatabase(config, logger);
      services.pool = db.pool;
      services.ledger = db.ledger;
      closers.push(() => db.pool.end());
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

function quietLogger(logger: Logger): Logger {
  return {
    debug: () => {},
    info: () => {},
    warn: (m, f) => logger.warn(m, f),
    error: (m, f) => logger.error(m, f),
    child: (fields) => quietLogger(logger.child(fields)),
  };
}
