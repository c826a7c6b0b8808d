// `npm run emulator -- --port PORT [--fixtures FILE]`: the TCMPP emulator as a process, for development.
// Prints its URL and the credentials to sign with (a local emulator's key is not a secret; set your own with
// TCMPP_EMULATOR_SECRET_ID and TCMPP_EMULATOR_SECRET_KEY), then runs until SIGINT or SIGTERM.
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { ZodError, prettifyError } from 'zod';
import { createLogger } from '../logging/logger.js';
import { startEmulator } from './server.js';

const wholeNumber = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`);
  return n;
};

const program = new Command('tcmpp-emulator')
  .description('A local TCMPP API (2024-08-01) for development and tests: TC3-HMAC-SHA256 signatures, the five approval actions over fixture data, rate limits, fault injection, and an admin API under /_emulator/.')
  .option('--port <port>', 'port to listen on (0: any free port)', wholeNumber(0, 65535), 8900)
  .option('--host <host>', 'address to listen on (the admin API has no authentication: keep it local)', '127.0.0.1')
  .option('--fixtures <file>', 'JSON fixture of platforms, teams, applications, mini programs and approvals (default emulator/fixtures/default.json)')
  .option('--faults <file>', 'JSON fault settings applied at start (see docs/tcmpp-emulator.md), replacing the fixture\'s Faults')
  .option('--rate-limit <n>', 'requests a second per account and action', wholeNumber(1, 100000), 20)
  .option('--note-max-length <n>', 'longest ApprovalNote accepted, in characters', wholeNumber(1, 100000), 500)
  .addHelpText('after', '\nEnvironment: TCMPP_EMULATOR_SECRET_ID and TCMPP_EMULATOR_SECRET_KEY set the credentials (default: random ones, printed at start).')
  .action(async (opts: { port: number; host: string; fixtures?: string; faults?: string; rateLimit: number; noteMaxLength: number }) => {
    const logger = createLogger('tcmpp-emulator', { format: 'pretty' });
    const emulator = await startEmulator({
      port: opts.port,
      host: opts.host,
      fixtures: opts.fixtures,
      faults: opts.faults === undefined ? undefined : readJson(opts.faults),
      secretId: process.env.TCMPP_EMULATOR_SECRET_ID || undefined,
      secretKey: process.env.TCMPP_EMULATOR_SECRET_KEY || undefined,
      rateLimitPerSecond: opts.rateLimit,
      noteMaxLength: opts.noteMaxLength,
      logger,
    });
    process.stdout.write([
      `TCMPP emulator listening on ${emulator.url}`,
      `  SecretId:  ${emulator.secretId}`,
      `  SecretKey: ${emulator.secretKey}`,
      `  admin API: ${emulator.url}/_emulator/health`,
      'Point release-gate at it with:',
      ...Object.entries(emulator.env()).map(([k, v]) => `  ${k}=${v}`),
      '',
    ].join('\n'));
    const stop = () => {
      void emulator.stop().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`--faults ${file}: ${(err as Error).message}`);
  }
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const message = err instanceof ZodError ? `invalid fault settings:\n${prettifyError(err)}` : (err as Error).message;
  process.stderr.write(`tcmpp-emulator: ${message}\n`);
  process.exitCode = 2;
}
