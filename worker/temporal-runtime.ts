import { DefaultLogger, Runtime, type LogLevel as TemporalLogLevel } from '@temporalio/worker';
import type { Logger } from '../logging/logger.js';

let installed = false;

/**
 * Routes the SDK's own logs into ours and leaves signal handling to us (worker/run.ts), so one Ctrl-C drains
 * the workers first and then stops whatever else the process started. Runtime.install may run once a
 * process; later calls are ignored so tests and the dev stack can call it freely.
 */
export function installTemporalRuntime(logger: Logger, level: 'debug' | 'info' | 'warn' | 'error'): void {
  if (installed) return;
  installed = true;
  const sdkLevel = level.toUpperCase() as TemporalLogLevel;
  Runtime.install({
    shutdownSignals: [],
    logger: new DefaultLogger(sdkLevel, (entry) => {
      const fields = { ...(entry.meta ?? {}), sdk: true };
      const method = entry.level === 'ERROR' ? 'error' : entry.level === 'WARN' ? 'warn' : entry.level === 'INFO' ? 'info' : 'debug';
      logger[method](entry.message, fields);
    }),
  });
}
