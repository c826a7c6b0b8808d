/**
 * Calls `stop` on the first SIGINT or SIGTERM; a second signal exits at once, for the operator who does not
 * want to wait for in-flight work to drain.
 */
export function onShutdownSignal(stop: (signal: NodeJS.Signals) => void, log: (message: string) => void): () => void {
  let received = false;
  const handler = (signal: NodeJS.Signals) => {
    if (received) {
      log(`${signal} again: exiting without waiting`);
      process.exit(130);
    }
    received = true;
    log(`${signal} received: draining in-flight work (send it again to exit now)`);
    stop(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
