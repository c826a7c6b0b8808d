// Opens the policy store for one CLI command: DATABASE_URL, or the embedded development PostgreSQL. When the
// embedded server is not running (no `make dev`), it is started for the command and stopped after, on the same
// data directory `make dev` uses, so what is published here is what the development worker sees.
import { fileURLToPath } from 'node:url';
import { databaseUrl, embedded } from '../../db/database-url.js';
import { startEmbeddedPostgres, type RunningPostgres } from '../../db/embedded.js';
import { migrate } from '../../db/migrate.js';
import { checkConnection, createPool } from '../../db/pool.js';
import { createPolicyStore, type PolicyStore } from '../../policies/policy-store.js';
import { cliConfig } from '../context.js';

// dev/stack.ts keeps its data here too.
const embeddedDataDir = fileURLToPath(new URL('../../.data/postgres', import.meta.url));

export async function withPolicyStore<T>(fn: (store: PolicyStore) => Promise<T>): Promise<T> {
  const config = cliConfig();
  const db = databaseUrl(config);
  let server: RunningPostgres | undefined;
  let pool = createPool(db.url, undefined, 2);
  try {
    try {
      await checkConnection(pool, db.shown);
    } catch (err) {
      if (!db.embedded) throw err;
      await pool.end();
      process.stderr.write(`starting the embedded PostgreSQL under ${embeddedDataDir} for this command (make dev keeps one running)\n`);
      server = await startEmbeddedPostgres({ dataDir: embeddedDataDir, port: config.EMBEDDED_POSTGRES_PORT, database: embedded.database });
      pool = createPool(server.url, undefined, 2);
      await checkConnection(pool, db.shown);
    }
    await migrate(pool);
    return await fn(createPolicyStore(pool));
  } finally {
    await pool.end().catch(() => undefined);
    await server?.stop();
  }
}
