// What `make dev` runs beside the worker once it polls, on the worker's own connections: the reviewer HTTP API,
// the banner, an immediate intake run and the summary of the first decisions.
import { startApiServer, type RunningApi } from '../api/server.js';
import type { Config } from '../config/schema.js';
import { triggerIntake } from '../intake/schedules.js';
import type { Logger } from '../logging/logger.js';
import { TcmppApiError } from '../tcmpp/errors.js';
import { MNP_APPROVAL_STATUS } from '../tcmpp/types.js';
import type { WorkerServices } from '../worker/run.js';
import { printDecisionSummary } from './demo-summary.js';

export interface DevExtras {
  stop(): Promise<void>;
}

/** Starts the API and the summary on the worker's own connections; never throws (a failure is logged). */
export async function startDevExtras(services: WorkerServices, config: Config, logger: Logger, urls: { uiUrl: string; emulatorUrl?: string | undefined }): Promise<DevExtras> {
  const { ledger, tcmpp, temporal } = services;
  let api: RunningApi | undefined;
  const aborted = new AbortController();
  let summary: Promise<void> = Promise.resolve();
  try {
    api = await startApiServer({ client: temporal.client, ledger, tcmpp, starter: temporal.starter, logger: logger.child({ component: 'api' }), token: config.API_TOKEN }, config.HTTP_PORT);
    printBanner(config, { ...urls, apiUrl: api.url });
    summary = summarizeFirstIntake(services, config, logger, aborted.signal)
      .catch((err: Error) => logger.error('the demo summary failed', { error: err.message }));
  } catch (err) {
    logger.error('the HTTP API did not start', { error: (err as Error).message });
  }
  return {
    stop: async () => {
      aborted.abort();
      await summary;
      await api?.stop();
    },
  };
}

/** Runs intake now (rather than at the schedule's first interval) and prints how its approvals were decided. */
async function summarizeFirstIntake({ ledger, tcmpp, temporal }: WorkerServices, config: Config, logger: Logger, signal: AbortSignal): Promise<void> {
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
