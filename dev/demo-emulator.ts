// Under `make dev` with no TCMPP credentials configured, the stack talks to the local TCMPP emulator seeded
// with its demo fixture, so that a fresh clone shows real decisions within a minute. Said plainly at start,
// because a developer who meant to reach the real API must not be left wondering where the calls went.
import type { Config } from '../config/schema.js';
import { startEmulator, type RunningEmulator } from '../emulator/server.js';
import type { Logger } from '../logging/logger.js';

/** Port of the demo emulator; its admin API is at /_emulator/. */
export const demoEmulatorPort = 8900;

export interface DemoTcmpp {
  config: Config;
  emulator?: RunningEmulator;
}

export async function tcmppForDev(config: Config, logger: Logger): Promise<DemoTcmpp> {
  if (config.TCMPP_SECRET_ID && config.TCMPP_SECRET_KEY) {
    logger.info('using the configured TCMPP account', { endpoint: config.TCMPP_ENDPOINT, platforms: config.TCMPP_PLATFORM_IDS });
    return { config };
  }
  const emulator = await startEmulator({
    port: demoEmulatorPort,
    rateLimitPerSecond: config.TCMPP_RATE_LIMIT_PER_SECOND,
    noteMaxLength: config.APPROVAL_NOTE_MAX_LENGTH,
    logger: logger.child({ component: 'tcmpp-emulator' }),
  });
  const { platforms } = await emulator.admin.health();
  const platformIds = config.TCMPP_PLATFORM_IDS.length > 0 ? config.TCMPP_PLATFORM_IDS : platforms;
  logger.warn(`no TCMPP credentials configured (TCMPP_SECRET_ID, TCMPP_SECRET_KEY): using the local TCMPP emulator at ${emulator.url} with its demo fixture; nothing reaches Tencent Cloud`, { platforms: platformIds });
  const env = emulator.env();
  return {
    emulator,
    config: Object.freeze({
      ...config,
      TCMPP_ENDPOINT: env.TCMPP_ENDPOINT,
      TCMPP_PROTOCOL: env.TCMPP_PROTOCOL as Config['TCMPP_PROTOCOL'],
      TCMPP_SECRET_ID: env.TCMPP_SECRET_ID,
      TCMPP_SECRET_KEY: env.TCMPP_SECRET_KEY,
      TCMPP_PLATFORM_IDS: platformIds,
    }),
  };
}
