// Commands that run release-gate's processes: the worker, the development stack, and a look at the configuration.
import type { Command } from 'commander';
import { redactConfig } from '../../config/load.js';
import { configSchema } from '../../config/schema.js';
import { action, cliConfig, cliLogger } from '../context.js';

// The worker and the dev stack are loaded when their command runs: they pull in the Temporal worker and the
// database driver, which every other command would otherwise wait for at start-up.

export function registerRuntimeCommands(program: Command): void {
  program
    .command('worker')
    .description('run the approval and submission workers until SIGTERM or Ctrl-C (in-flight work drains first)')
    .action(action(async () => (await import('../../worker/run.js')).runWorker(cliConfig(), cliLogger('worker'))));

  program
    .command('dev')
    .description('start the development stack: Temporal dev server (web UI on :8233), PostgreSQL and the worker')
    .action(action(async () => (await import('../../dev/stack.js')).runDevStack(cliConfig(), cliLogger('dev'))));

  program
    .command('config')
    .description('print the effective configuration with secrets masked, or --list every variable')
    .option('--list', 'list every variable with its default and meaning')
    .action(action((opts: { list?: boolean }) => {
      if (opts.list) {
        for (const [name, schema] of Object.entries(configSchema.shape)) {
          process.stdout.write(`${name.padEnd(30)} ${schema.description ?? ''}\n`);
        }
        return;
      }
      process.stdout.write(JSON.stringify(redactConfig(cliConfig()), null, 2) + '\n');
    }));
}
