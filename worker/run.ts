// `release-gate worker`: connects to PostgreSQL, TCMPP and Temporal, makes sure a policy is active and the
// intake schedules match the configuration, runs both workers, and drains them on SIGTERM.
import type { Config } from '../config/schema.js';
import { redactConfig } from '../config/load.js';
import { ensureIntakeSchedules } from '../intake/schedules.js';
import type { Logger } from '../logging/logger.js';
import { createPolicyStore } from '../policies/policy-store.js';
import type { Ledger } from '../ledger/ledger-store.js';
import { openDatabase, openTcmppClient, openTemporal, type TemporalServices } from '../runtime/services.js';
import type { TcmppClient } from '../tcmpp/client.js';
import { connectWorker } from '../temporal/connect.js';
import { createActivities } from '../activities/index.js';
import { createWorkers, defaultWorkflowsPath } from './create-workers.js';
import { onShutdownSignal } from './shutdown-signals.js';
import { installTemporalRuntime } from './temporal-runtime.js';

/** The connections the worker holds, lent to what runs beside it (make dev's HTTP API and summary). */
export interface WorkerServices {
  ledger: Ledger;
  tcmpp: TcmppClient;
  temporal: TemporalServices;
}

export interface WorkerHooks {
  /**
   * Called once both workers poll their task queues. What it returns is awaited after the workers have
   * drained and before the connections close, so whatever borrowed them stops first.
   */
  onReady?: (services: WorkerServices) => () => Promise<void>;
}

export async function runWorker(config: Config, logger: Logger, hooks: WorkerHooks = {}): Promise<void> {
  installTemporalRuntime(logger.child({ component: 'temporal-sdk' }), config.LOG_LEVEL);
  logger.info('starting worker', { config: redactConfig(config) });

  const { pool, ledger } = await openDatabase(config, logger);
  try {
    const policies = createPolicyStore(pool);
    const initial = await policies.ensureInitialPolicy(config.POLICY_FILE, 'release-gate worker');
    if (initial.published) logger.info('policy store was empty: published and activated the configured policy', { file: config.POLICY_FILE, version: initial.version });

    const tcmpp = openTcmppClient(config, pool, logger);
    const temporal = await openTemporal(config);
    const connection = await connectWorker(config);
    try {
      const activities = createActivities({
        tcmpp, ledger, policies, starter: temporal.starter,
        logger: logger.child({ component: 'activities' }),
        facts: { policyTimeZone: config.POLICY_TIME_ZONE, tcmppTimeZone: config.TCMPP_TIME_ZONE, historyWindowDays: config.HISTORY_WINDOW_DAYS },
      });
      const workers = await createWorkers({
        connection,
        namespace: config.TEMPORAL_NAMESPACE,
        approvalsTaskQueue: config.TASK_QUEUE_APPROVALS,
        submitTaskQueue: config.TASK_QUEUE_SUBMIT,
        submitRatePerSecond: config.TCMPP_RATE_LIMIT_PER_SECOND,
        workflows: { workflowsPath: defaultWorkflowsPath },
        approvalActivities: { ...activities.approval, ...activities.intake },
        submitActivities: activities.submit,
      });
      await ensureIntakeSchedules(temporal.client, {
        platformIds: config.TCMPP_PLATFORM_IDS, intervalSeconds: config.INTAKE_INTERVAL_SECONDS, taskQueue: config.TASK_QUEUE_APPROVALS,
      }, logger);
      if (config.TCMPP_PLATFORM_IDS.length === 0) logger.warn('TCMPP_PLATFORM_IDS is empty: no intake schedule, approvals arrive only by push (POST /api/approvals, release-gate submit)');

      const release = onShutdownSignal(() => workers.shutdown(), (m) => logger.info(m));
      const running = workers.run();
      logger.info('worker polling', {
        temporal: config.TEMPORAL_ADDRESS,
        namespace: config.TEMPORAL_NAMESPACE,
        taskQueues: [config.TASK_QUEUE_APPROVALS, config.TASK_QUEUE_SUBMIT],
        platforms: config.TCMPP_PLATFORM_IDS,
      });
      const stopBorrowers = hooks.onReady?.({ ledger, tcmpp, temporal });
      try {
        await running;
      } finally {
        release();
        await stopBorrowers?.();
      }
      logger.info('worker stopped: in-flight work drained');
    } finally {
      await connection.close();
      await temporal.client.connection.close();
    }
  } finally {
    await pool.end();
  }
}
