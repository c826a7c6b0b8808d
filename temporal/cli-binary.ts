import { execFileSync } from 'node:child_process';

const locator = new URL('../scripts/temporal-cli.sh', import.meta.url).pathname;

/**
 * The Temporal CLI binary, found or built by scripts/temporal-cli.sh (which explains itself on stderr, including
 * the minutes a first build takes).
 */
export function temporalCliPath(): string {
  try {
    return execFileSync(locator, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  } catch {
    throw new Error('no Temporal CLI available (see the messages above from scripts/temporal-cli.sh)');
  }
}

/**
 * A dev server has one history shard that polls its transfer queue 20 times a second by default, which adds
 * ~50 ms to every workflow step (DESIGN.md, measured facts). Every dev server of this project raises it.
 */
export const fastTransferQueueFlags: readonly string[] = ['--dynamic-config-value', 'history.transferProcessorMaxPollRPS=1000'];

/** What `temporal server start-dev` needs beyond that; @temporalio/testing passes these itself. */
export const devServerDynamicConfig: readonly string[] = [
  ...fastTransferQueueFlags,
  '--dynamic-config-value', 'frontend.enableUpdateWorkflowExecution=true',
];
