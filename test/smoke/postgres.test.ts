import { describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../db/migrate.js';
import { useTestStack } from '../stack/index.js';

const stack = useTestStack({ database: true });

describe('the test stack: PostgreSQL', () => {
  it('has every migration applied and recorded, and applying them again changes nothing', async () => {
    const versions = readMigrations().map((m) => m.version);
    const recorded = await stack.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(recorded.rows.map((r) => r.version)).toEqual(versions);
    expect(await migrate(stack.pool)).toEqual([]);
  });

  it('round-trips a row through a migrated table', async () => {
    await stack.pool.query(`INSERT INTO rate_limiter (name, interval_ms) VALUES ('smoke', 50)`);
    const { rows } = await stack.pool.query<{ name: string; interval_ms: number }>(`SELECT name, interval_ms FROM rate_limiter WHERE name = 'smoke'`);
    expect(rows).toEqual([{ name: 'smoke', interval_ms: 50 }]);
  });

  it('refuses a migration that was edited after it was applied', async () => {
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(stack.pool, edited)).rejects.toThrow(/was changed after it was applied/);
  });
});
