// `release-gate audit ...`: export workflow histories, replay them against the current workflow code, show one
// decision's timeline beside its ledger row, and verify the whole ledger against Temporal and its hash chain.
// The work is in audit/; this file parses options, opens only what a command needs, and prints.
import { InvalidArgumentError, type Command } from 'commander';
import type { Client } from '@temporalio/client';
import { exportApprovalHistories } from '../../audit/export.js';
import { historyFilesAt, readHistoryFile } from '../../audit/history-files.js';
import { auditApproval, verifyLedger, type AuditDeps } from '../../audit/inspect.js';
import { bundleWorkflows, installQuietTemporalRuntime, replayHistories, type HistorySource } from '../../audit/replay.js';
import { progressPrinter, renderReplayOutcome, renderReplaySummary, renderVerify } from '../../audit/render-reports.js';
import { renderAudit } from '../../audit/render-timeline.js';
import { createLogger } from '../../logging/logger.js';
import { openDatabase } from '../../runtime/services.js';
import { connectClient } from '../../temporal/connect.js';
import { UsageError, action, cliConfig } from '../context.js';

const out = (text: string) => { process.stdout.write(text); };
const err = (text: string) => { process.stderr.write(text); };
const printJson = (value: unknown) => out(JSON.stringify(value, null, 2) + '\n');

function argParser<T>(parse: (text: string) => T) {
  return (text: string) => {
    try {
      return parse(text);
    } catch (e) {
      throw new InvalidArgumentError((e as Error).message);
    }
  };
}

/** YYYY-MM-DD (midnight UTC) or an ISO 8601 time with its zone. */
export const dateArg = argParser((text) => {
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(text) || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text);
  const date = new Date(text);
  if (!ok || Number.isNaN(date.getTime())) throw new Error(`expected a date like 2026-12-01 or 2026-12-01T08:00:00Z; got ${JSON.stringify(text)}`);
  return date;
});
const platformArg = argParser((text) => {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(text)) throw new Error(`expected a TCMPP platform id (letters, digits, _ and -); got ${JSON.stringify(text)}`);
  return text;
});
const countArg = argParser((text) => {
  const n = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= 64)) throw new Error(`expected a whole number from 1 to 64; got ${JSON.stringify(text)}`);
  return n;
});

/** Only what a command needs, always closed, so a one-shot command exits when done. */
async function withTemporal<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = await connectClient(cliConfig());
  try {
    return await fn(client);
  } finally {
    await client.connection.close();
  }
}

async function withAuditDeps<T>(fn: (deps: AuditDeps) => Promise<T>): Promise<T> {
  const config = cliConfig();
  const logger = createLogger('audit', { level: process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn', format: config.LOG_FORMAT });
  const db = await openDatabase(config, logger);
  try {
    return await withTemporal((client) => fn({ client, ledger: db.ledger, pool: db.pool }));
  } finally {
    await db.pool.end();
  }
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('audit decisions: export and replay workflow histories, show a decision\'s timeline, verify the ledger');
  const sub = (name: string) => audit.command(name).exitOverride((e) => process.exit(e.exitCode === 0 ? 0 : 2));

  sub('export')
    .description('write the histories of approval workflows as JSON, one file per run (Temporal\'s JSON, as `temporal workflow show --output json`)')
    .requiredOption('--out <dir>', 'directory to write into (created if missing)')
    .option('--since <date>', 'runs started at or after this date (UTC), e.g. 2026-12-01', dateArg)
    .option('--until <date>', 'runs started before this date (UTC)', dateArg)
    .option('--platform <id>', 'only this TCMPP platform\'s approvals', platformArg)
    .option('--concurrency <n>', 'histories fetched at a time (default 8)', countArg)
    .action(action(async (opts: { out: string; since?: Date; until?: Date; platform?: string; concurrency?: number }) => {
      const result = await withTemporal((client) => exportApprovalHistories(client, {
        outDir: opts.out, ...(opts.since ? { since: opts.since } : {}), ...(opts.until ? { until: opts.until } : {}),
        ...(opts.platform ? { platformId: opts.platform } : {}), concurrency: opts.concurrency ?? 8, onProgress: progressPrinter(err),
      }));
      out(`${result.written.length} histories written to ${opts.out} (query: ${result.query})\n`);
      for (const f of result.failed) out(`FAIL  ${f.workflowId} run ${f.runId}: ${f.error}\n`);
      if (result.failed.length > 0) process.exitCode = 1;
    }));

  sub('replay')
    .description('replay histories against the current workflow code: ok, or the nondeterminism and its reason; exit 1 on any failure')
    .argument('[path]', 'a history file, or a directory of them (our export or `temporal workflow show --output json`)')
    .option('--workflow-id <id...>', 'replay these workflows\' latest runs, fetched from Temporal, instead of files')
    .option('--workflows <path>', 'the workflow code to replay against (default: workflows/index.ts)')
    .option('--concurrency <n>', 'replays at a time (default: up to 4, one per core)', countArg)
    .option('--json', 'print the outcomes as JSON')
    .addHelpText('after', '\nExamples:\n  $ release-gate audit replay test/histories\n  $ release-gate audit replay --workflow-id approval:T04257DS9431720WTAG:aud8k2m5q1x7z3w9pa\n')
    .action(action(async (path: string | undefined, opts: { workflowId?: string[]; workflows?: string; concurrency?: number; json?: boolean }) => {
      if (Boolean(path) === Boolean(opts.workflowId)) throw new UsageError('give a history file or directory, or --workflow-id ID (one of them)');
      const run = async (sources: HistorySource[]) => {
        if (sources.length === 0) throw new UsageError(`${path}: no *.json history files there`);
        const started = Date.now();
        const bundle = await bundleWorkflows(opts.workflows);
        const shutdown = installQuietTemporalRuntime();
        try {
          const outcomes = await replayHistories(sources, { bundle, ...(opts.concurrency ? { concurrency: opts.concurrency } : {}), ...(opts.json ? {} : { onResult: (o) => out(renderReplayOutcome(o)) }) });
          if (opts.json) printJson(outcomes);
          else out(renderReplaySummary(outcomes, Date.now() - started));
          if (outcomes.some((o) => !o.ok)) process.exitCode = 1;
        } finally {
          await shutdown();
        }
      };
      if (path) {
        const files = await historyFilesAt(path);
        return run(files.map((file) => ({ source: file, load: () => readHistoryFile(file) })));
      }
      return withTemporal(async (client) => run(opts.workflowId!.map((workflowId) => ({
        source: 'temporal',
        load: async () => ({ file: 'temporal', workflowId, history: await client.workflow.getHandle(workflowId).fetchHistory() }),
      }))));
    }));

  sub('show')
    .description('one decision\'s timeline from its workflow history, beside its ledger row, with every disagreement flagged (exit 1 if any)')
    .argument('<approvalNo>', 'the TCMPP approval number')
    .option('--platform <id>', 'the platform (needed only when the ledger has no row for the approval, or several)', platformArg)
    .option('--json', 'print the timeline, the ledger row and the disagreements as JSON')
    .action(action(async (approvalNo: string, opts: { platform?: string; json?: boolean }) => {
      const result = await withAuditDeps((deps) => auditApproval(deps, approvalNo, opts.platform));
      if (opts.json) printJson(result);
      else out(renderAudit(result));
      if (result.disagreements.length > 0) process.exitCode = 1;
    }));

  sub('verify')
    .description('check every ledger row against its workflow history (outcome, source, reviewer, policy hash, facts) and the ledger\'s hash chain; exit 1 on any mismatch')
    .option('--since <date>', 'only rows written at or after this date (UTC); the hash chain is always checked whole', dateArg)
    .option('--concurrency <n>', 'histories fetched at a time (default 8)', countArg)
    .option('--json', 'print the report as JSON')
    .action(action(async (opts: { since?: Date; concurrency?: number; json?: boolean }) => {
      const report = await withAuditDeps((deps) => verifyLedger(deps, {
        ...(opts.since ? { since: opts.since } : {}), concurrency: opts.concurrency ?? 8,
        onProgress: (done, total) => { if (done % 100 === 0 && done < total) err(`checked ${done}/${total}\n`); },
      }));
      if (opts.json) printJson(report);
      else out(renderVerify(report));
      if (!report.chain.ok || report.rows.some((r) => r.error || r.disagreements.length > 0)) process.exitCode = 1;
    }));
}
