import type { Config } from '../config/schema.js';

// The embedded server is for development and tests only and listens on 127.0.0.1, so fixed credentials are fine.
export const embedded = { user: 'release_gate', password: 'release_gate', database: 'release_gate' } as const;

export function embeddedUrl(port: number, database: string = embedded.database): string {
  return `postgres://${embedded.user}:${embedded.password}@127.0.0.1:${port}/${database}`;
}

/** DATABASE_URL, or the embedded development server's URL (which `make dev` starts). `shown` is safe to print. */
export function databaseUrl(config: Config): { url: string; shown: string; embedded: boolean } {
  const url = config.DATABASE_URL ?? embeddedUrl(config.EMBEDDED_POSTGRES_PORT);
  const shown = new URL(url);
  if (shown.password) shown.password = '***';
  return { url, shown: shown.toString(), embedded: !config.DATABASE_URL };
}
