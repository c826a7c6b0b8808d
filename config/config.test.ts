import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withConfigTable } from './describe.js';
import { ConfigError, loadConfig, redactConfig } from './load.js';

describe('configuration', () => {
  it('gives working defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.TEMPORAL_ADDRESS).toBe('localhost:7233');
    expect(config.TCMPP_RATE_LIMIT_PER_SECOND).toBe(20);
    expect(config.TCMPP_ENDPOINT).toBe('tcmpp.tencentcloudapi.com');
    expect(config.TCMPP_PLATFORM_IDS).toEqual([]);
  });

  it('stops on a bad value with a message naming the variable', () => {
    expect(() => loadConfig({ TEMPORAL_ADDRESS: 'not a url' })).toThrow(/TEMPORAL_ADDRESS: must be host:port/);
    expect(() => loadConfig({ TCMPP_RATE_LIMIT_PER_SECOND: '0' })).toThrow(/TCMPP_RATE_LIMIT_PER_SECOND: must be at least 1/);
    expect(() => loadConfig({ POLICY_TIME_ZONE: 'Mars/Olympus' })).toThrow(/POLICY_TIME_ZONE: must be an IANA time zone/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ TCMPP_SECRET_ID: 'AKID' })).toThrow(/TCMPP_SECRET_KEY/);
  });

  it('reports every bad variable at once', () => {
    try {
      loadConfig({ TEMPORAL_ADDRESS: 'x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.map((p) => p.variable).sort()).toEqual(['LOG_LEVEL', 'TEMPORAL_ADDRESS']);
    }
  });

  it('never shows a secret, in errors or in the printed configuration', () => {
    const config = loadConfig({ TCMPP_SECRET_ID: 'AKIDexample', TCMPP_SECRET_KEY: 'super-secret-key', DATABASE_URL: 'postgres://u:hunter2@db:5432/rg' });
    const shown = JSON.stringify(redactConfig(config));
    expect(shown).not.toContain('super-secret-key');
    expect(shown).not.toContain('hunter2');
    expect(shown).toContain('AKIDexample');
    const refused = (() => {
      try {
        loadConfig({ TCMPP_SECRET_KEY: 'super-secret-key', TCMPP_TIMEOUT_SECONDS: 'x' });
      } catch (err) {
        return (err as Error).message;
      }
    })();
    expect(refused).toMatch(/TCMPP_TIMEOUT_SECONDS/);
    expect(refused).not.toContain('super-secret-key');
  });

  it('is documented in README.md exactly as the schema says', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme, 'run `npx tsx scripts/config-table.ts` to regenerate the table').toBe(withConfigTable(readme));
  });
});
