// `make dev` / `release-gate dev`: the whole stack on embedded defaults, in one process tree that Ctrl-C
// stops cleanly: the Temporal dev server, PostgreSQL (embedded unless DATABASE_URL is set), the TCMPP emulator
// (unless TCMPP credentials are configured), the worker with its intake schedules, and the reviewer HTTP API.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/schema.js';
import { embedded } from '../db/database-url.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import type { Logger } from '../logging/logger.js';
import { runWorker } from '../worker/run.js';
import { tcmppForDev } from './demo-emulator.js';
import { startDevExtras } from './dev-extras.js';
import { startDevTemporal } from './temporal-server.js';

export const devDataDir = new URL('../.data/', import.meta.url).pathname;
const devTemporalPort = 7233;
const devTemporalUiPort = 8233;

export async function runDevStack(config: Config, logger: Logger): Promise<void> {
  mkdirSync(devDataDir, { recursive: true });
  const stops: { name: string; stop: () => Promise<void> }[] = [];
  try {
    logger.info('starting the Temporal dev server', { db: join(devDataDir, 'temporal.sqlite') });
    const temporal = await startDevTemporal({
      dbFile: join(devDataDir, 'temporal.sqlite'),
      port: devTemporalPort,
      uiPort: devTemporalUiPort,
      namespace: config.TEMPORAL_NAMESPACE,
      onLog: (line) => logger.debug(line, { component: 'temporal-server' }),
    });
    stops.push({ name: 'Temporal dev server', stop: temporal.stop });

    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      logger.info('starting embedded PostgreSQL', { dataDir: join(devDataDir, 'postgres'), port: config.EMBEDDED_POSTGRES_PORT });
      const pg = await startEmbeddedPostgres({
        dataDir: join(devDataDir, 'postgres'),
        port: config.EMBEDDED_POSTGRES_PORT,
        database: embedded.database,
        onLog: (line) => logger.debug(line, { component: 'postgres' }),
      });
      stops.push({ name: 'PostgreSQL', stop: pg.stop });
      databaseUrl = pg.url;
    }

    const tcmpp = await tcmppForDev({ ...config, TEMPORAL_ADDRESS: temporal.address, DATABASE_URL: databaseUrl }, logger);
    const emulator = tcmpp.emulator;
    if (emulator) stops.push({ name: 'TCMPP emulator', stop: () => emulator.stop() });
    const devConfig = tcmpp.config;

    await runWorker(devConfig, logger.child({ component: 'worker' }), {
      onReady: (services) => {
        const extras = startDevExtras(services, devConfig, logger, { uiUrl: temporal.uiUrl, emulatorUrl: emulator?.url });
        return async () => {
          logger.info('stopping HTTP API');
          await (await extras).stop();
        };
      },
    });
  } finally {
    for (const { name, stop } of stops.reverse()) {
      logger.info(`stopping ${name}`);
      await stop().catch((err: Error) => logger.warn(`could not stop ${name} cleanly`, { error: err.message }));
    }
    logger.info('development stack stopped');
  }
}
