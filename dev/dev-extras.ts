// What `make dev` runs beside the worker once it polls: the reviewer HTTP API, an immediate intake run (rather
// than waiting for the schedule's first interval), the banner, and the summary of the first decisions.
import { startApiServer } from '../api/server.js';
import type { Config } from '../config/schema.js';
import { triggerIntake } from '../intake/schedules.js';
import type { Logger } from '../logging/logger.js';
import { openDatabase, openTcmppClient, openTemporal } from '../runtime/services.js';
import { TcmppApiError } from '../tcmpp/errors.js';
import { MNP_APPROVAL_STATUS } from '../tcmpp/types.js';
import { printDecisionSummary } from './demo-summary.js';

export async function startDevExtras(config: Config, logger: Logger, signal: AbortSignal, urls: { uiUrl: string; emulatorUrl?: string | undefined }): Promise<void> {
  const { pool, ledger } = await openDatabase(config, logger);
  const temporal = await openTemporal(config);
  try {
    const tcmpp = openTcmppClient(config, pool, logger);
    const api = await startApiServer({ client: temporal.client, ledger, tcmpp, starter: temporal.starter, logger: logger.child({ component: 'api' }), token: config.API_TOKEN }, config.HTTP_PORT);
    try {
      printBanner(config, { ...urls, apiUrl: api.url });
      let expected = 0;
      for (const platformId of config.TCMPP_PLATFORM_IDS) {
        try {
          const listed = await tcmpp.listAllMNPApprovals({ PlatformId: platformId, ApprovalStatusList: [MNP_APPROVAL_STATUS.processing] });
          expected += listed.items.length;
        } catch (err) {
          // A platform TCMPP will not show (a wrong id, an account without access): say so once, plainly, and go on.
          const code = err instanceof TcmppApiError ? err.code : (err as Error).message;
          logger.warn(`platform ${platformId} cannot be read (${code}): its approvals wait until TCMPP answers again; intake retries every ${config.INTAKE_INTERVAL_SECONDS} s`, { platformId });
          continue;
        }
        await triggerIntake(temporal.client, platformId);
      }
      logger.info('intake triggered', { platforms: config.TCMPP_PLATFORM_IDS, processingApprovals: expected });
      if (expected > 0) {
        await printDecisionSummary({ ledger, platformIds: config.TCMPP_PLATFORM_IDS, expected, timeoutMs: 60_000, write: (t) => process.stdout.write(t + '\n'), signal });
      }
      if (!signal.aborted) await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    } finally {
      await api.stop();
    }
  } finally {
    await temporal.client.connection.close();
    await pool.end();
  }
}

function printBanner(config: Config, urls: { uiUrl: string; apiUrl: string; emulatorUrl?: string | undefined }) {
  const lines = [
    '',
    'release-gate development stack is up',
    `  Temporal web UI   ${urls.uiUrl}`,
    `  Temporal gRPC     ${config.TEMPORAL_ADDRESS} (namespace ${config.TEMPORAL_NAMESPACE})`,
    `  PostgreSQL        ${config.DATABASE_URL?.replace(/:[^:@/]+@/, ':***@')}`,
    `  Reviewer API      ${urls.apiUrl}  (GET /api/approvals, POST /api/approvals/:platform/:no/decision)`,
    urls.emulatorUrl ? `  TCMPP emulator    ${urls.emulatorUrl}  (demo fixture; admin API under /_emulator/)` : `  TCMPP             ${config.TCMPP_PROTOCOL}://${config.TCMPP_ENDPOINT}`,
    `  Task queues       ${config.TASK_QUEUE_APPROVALS}, ${config.TASK_QUEUE_SUBMIT}`,
    `  Platforms         ${config.TCMPP_PLATFORM_IDS.join(', ') || '(none)'}`,
    '  Ctrl-C stops everything.',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
