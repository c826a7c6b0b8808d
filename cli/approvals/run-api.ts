// `release-gate api`: the reviewer HTTP API on HTTP_PORT until SIGTERM or Ctrl-C. Requests in flight finish
// (server.close), then the connections to PostgreSQL and Temporal close.
import type { Config } from '../../config/schema.js';
import { startApiServer } from '../../api/server.js';
import type { Logger } from '../../logging/logger.js';
import { openDatabase, openTcmppClient, openTemporal } from '../../runtime/services.js';
import { onShutdownSignal } from '../../worker/shutdown-signals.js';

export interface RunApiOptions {
  host: string;
  /** Overrides HTTP_PORT (0: any free port; the log line says which). */
  port?: number;
}

export async function runApi(config: Config, logger: Logger, opts: RunApiOptions): Promise<void> {
  const { pool, ledger } = await openDatabase(config, logger);
  try {
    const tcmpp = openTcmppClient(config, pool, logger);
    const { client, starter } = await openTemporal(config);
    try {
      const token = config.API_TOKEN;
      const api = await startApiServer({ client, ledger, tcmpp, starter, logger, token }, opts.port ?? config.HTTP_PORT, opts.host);
      if (!token && !isLoopback(opts.host)) {
        logger.warn('API_TOKEN is not set and the API listens beyond this machine: anyone who reaches it can decide approvals', { host: opts.host });
      }
      logger.info('reviewer API listening', { url: api.url, token: token ? 'required' : 'not required (set API_TOKEN to require one)' });
      await new Promise<void>((resolve) => {
        const release = onShutdownSignal(() => {
          release();
          void api.stop().then(resolve);
        }, (m) => logger.info(m));
      });
      logger.info('reviewer API stopped');
    } finally {
      await client.connection.close();
    }
  } finally {
    await pool.end();
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
