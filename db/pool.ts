import pg from 'pg';
import type { Logger } from '../logging/logger.js';

/**
 * A pool whose idle-client errors are logged instead of crashing the process: PostgreSQL restarting under a
 * worker must not take the worker down with it.
 */
export function createPool(connectionString: string, logger?: Logger, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 10_000 });
  pool.on('error', (err) => logger?.warn('postgres idle client error', { error: err.message }));
  return pool;
}

/** Fails with a message a person can act on when the database cannot be reached. */
export async function checkConnection(pool: pg.Pool, shownUrl: string): Promise<void> {
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    throw new Error(
      `cannot reach PostgreSQL at ${shownUrl}: ${(err as Error).message}. Start the stack with \`make dev\` or set DATABASE_URL.`,
      { cause: err },
    );
  }
}
