// `release-gate worker`: connects to PostgreSQL and Temporal, runs both workers, drains on SIGTERM.
import type { Config } from '../config/schema.js';
import { redactConfig } from '../config/load.js';
import { databaseUrl } from '../db/database-url.js';
import { migrate } from '../db/migrate.js';
import { checkConnection, createPool } from '../db/pool.js';
import type { Logger } from '../logging/logger.js';
import { connectWorker } from '../temporal/connect.js';
import { createActivities } from '../activities/index.js';
import { createWorkers, defaultWorkflowsPath } from './create-workers.js';
import { onShutdownSignal } from './shutdown-signals.js';
import { installTemporalRuntime } from './temporal-runtime.js';

export async function runWorker(config: Config, logger: Logger): Promise<void> {
  installTemporalRuntime(logger.child({ component: 'temporal-sdk' }), config.LOG_LEVEL);
  logger.info('starting worker', { config: redactConfig(config) });

  const db = databaseUrl(config);
  const pool = createPool(db.url, logger);
  try {
    await checkConnection(pool, db.shown);
    const applied = await migrate(pool);
    if (applied.length > 0) logger.info('applied database migrations', { versions: applied });

    const connection = await connectWorker(config);
    try {
      const activities = createActivities({});
      const workers = await createWorkers({
        connection,
        namespace: config.TEMPORAL_NAMESPACE,
        approvalsTaskQueue: config.TASK_QUEUE_APPROVALS,
        submitTaskQueue: config.TASK_QUEUE_SUBMIT,
        submitRatePerSecond: config.TCMPP_RATE_LIMIT_PER_SECOND,
        workflows: { workflowsPath: defaultWorkflowsPath },
        approvalActivities: activities,
        submitActivities: {},
      });
      const release = onShutdownSignal(() => workers.shutdown(), (m) => logger.info(m));
      logger.info('worker polling', {
        temporal: config.TEMPORAL_ADDRESS,
        namespace: config.TEMPORAL_NAMESPACE,
        taskQueues: [config.TASK_QUEUE_APPROVALS, config.TASK_QUEUE_SUBMIT],
      });
      try {
        await workers.run();
      } finally {
        release();
      }
      logger.info('worker stopped: in-flight work drained');
    } finally {
      await connection.close();
    }
  } finally {
    await pool.end();
  }
}
