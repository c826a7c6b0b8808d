// `release-gate audit ...`: export workflow histories, replay them against the current workflow code, show one
// decision's timeline beside its ledger row, and verify the whole ledger against Temporal and its hash chain.
// The work is in audit/; this file parses options, opens only what a command needs, and prints.
import type { Command } from 'commander';
import type { HistorySource } from '../../audit/replay.js';
import { UsageError, action, examples } from '../context.js';
import { commanderParser, identifierArg, whenArg } from '../options.js';
import { withServices } from '../services.js';

const out = (text: string) => { process.stdout.write(text); };
const err = (text: string) => { process.stderr.write(text); };
const printJson = (value: unknown) => out(JSON.stringify(value, null, 2) + '\n');

// The audit modules are imported when their command runs: they load the Temporal client and worker, which the
// other commands (and --help) should not wait for.
const exporter = () => import('../../audit/export.js');
const historyFiles = () => import('../../audit/history-files.js');
const inspect = () => import('../../audit/inspect.js');
const replay = () => import('../../audit/replay.js');
const reports = () => import('../../audit/render-reports.js');
const timeline = () => import('../../audit/render-timeline.js');

const countArg = commanderParser((text) => {
  const n = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= 64)) throw new Error(`expected a whole number from 1 to 64; got ${JSON.stringify(text)}`);
  return n;
});

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('audit decisions: export and replay workflow histories, show a decision\'s timeline, verify the ledger');

  audit.command('export')
    .description('write the histories of approval workflows as JSON, one file per run (Temporal\'s JSON, as `temporal workflow show --output json`)')
    .requiredOption('--out <dir>', 'directory to write into (created if missing)')
    .option('--since <when>', 'runs started at or after this date (UTC) or this long ago, e.g. 2026-12-01 or 24h', whenArg)
    .option('--until <when>', 'runs started before this date (UTC) or this long ago', whenArg)
    .option('--platform <id>', 'only this TCMPP platform\'s approvals', identifierArg)
    .option('--concurrency <n>', 'histories fetched at a time (default 8)', countArg)
    .addHelpText('after', examples('release-gate audit export --out histories --since 7d', 'release-gate audit export --out histories --since 2026-12-01 --platform T04257DS9431720WTAG'))
    .action(action(async (opts: { out: string; since?: Date; until?: Date; platform?: string; concurrency?: number }) => {
      const [{ exportApprovalHistories }, { progressPrinter }] = await Promise.all([exporter(), reports()]);
      const result = await withServices(['temporal'], (s) => exportApprovalHistories(s.client, {
        outDir: opts.out, ...(opts.since ? { since: opts.since } : {}), ...(opts.until ? { until: opts.until } : {}),
        ...(opts.platform ? { platformId: opts.platform } : {}), ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
        onProgress: progressPrinter(err),
      }));
      out(`${result.written.length} histories written to ${opts.out} (query: ${result.query})\n`);
      for (const f of result.failed) out(`FAIL  ${f.workflowId} run ${f.runId}: ${f.error}\n`);
      if (result.failed.length > 0) process.exitCode = 1;
    }));

  audit.command('replay')
    .description('replay histories against the current workflow code: ok, or the nondeterminism and its reason; exit 1 on any failure')
    .argument('[path]', 'a history file, or a directory of them (our export or `temporal workflow show --output json`)')
    .option('--workflow-id <id...>', 'replay these workflows\' latest runs, fetched from Temporal, instead of files')
    .option('--workflows <path>', 'the workflow code to replay against (default: workflows/index.ts)')
    .option('--concurrency <n>', 'replays at a time (default: up to 4, one per core)', countArg)
    .option('--json', 'print the outcomes as JSON')
    .addHelpText('after', examples('release-gate audit replay test/histories', 'release-gate audit replay --workflow-id approval:T04257DS9431720WTAG:aud8k2m5q1x7z3w9pa'))
    .action(action(async (path: string | undefined, opts: { workflowId?: string[]; workflows?: string; concurrency?: number; json?: boolean }) => {
      if (Boolean(path) === Boolean(opts.workflowId)) throw new UsageError('give a history file or directory, or --workflow-id ID (one of them)');
      const [{ bundleWorkflows, installQuietTemporalRuntime, replayHistories }, { renderReplayOutcome, renderReplaySummary }] = await Promise.all([replay(), reports()]);
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
        const { historyFilesAt, readHistoryFile } = await historyFiles();
        const files = await historyFilesAt(path);
        return run(files.map((file) => ({ source: file, load: () => readHistoryFile(file) })));
      }
      return withServices(['temporal'], async ({ client }) => run(opts.workflowId!.map((workflowId) => ({
        source: 'temporal',
        load: async () => ({ file: 'temporal', workflowId, history: await client.workflow.getHandle(workflowId).fetchHistory() }),
      }))));
    }));

  audit.command('show')
    .description('one decision\'s timeline from its workflow history, beside its ledger row, with every disagreement flagged (exit 1 if any)')
    .argument('<approvalNo>', 'the TCMPP approval number')
    .option('--platform <id>', 'the platform (needed only when the ledger has no row for the approval, or several)', identifierArg)
    .option('--json', 'print the timeline, the ledger row and the disagreements as JSON')
    .addHelpText('after', examples('release-gate audit show aud8k2m5q1x7z3w9pa', 'release-gate audit show aud8k2m5q1x7z3w9pa --json | jq .disagreements'))
    .action(action(async (approvalNo: string, opts: { platform?: string; json?: boolean }) => {
      const [{ auditApproval }, { renderAudit }] = await Promise.all([inspect(), timeline()]);
      const result = await withServices(['database', 'temporal'], (s) => auditApproval(s, approvalNo, opts.platform));
      if (opts.json) printJson(result);
      else out(renderAudit(result));
      if (result.disagreements.length > 0) process.exitCode = 1;
    }));

  audit.command('verify')
    .description('check every ledger row against its workflow history (outcome, source, reviewer, policy hash, facts) and the ledger\'s hash chain; exit 1 on any mismatch')
    .option('--since <when>', 'only rows written at or after this date (UTC) or this long ago; the hash chain is always checked whole', whenArg)
    .option('--concurrency <n>', 'histories fetched at a time (default 8)', countArg)
    .option('--json', 'print the report as JSON')
    .addHelpText('after', examples('release-gate audit verify', 'release-gate audit verify --since 24h --json > verify.json'))
    .action(action(async (opts: { since?: Date; concurrency?: number; json?: boolean }) => {
      const [{ verifyLedger }, { renderVerify }] = await Promise.all([inspect(), reports()]);
      const report = await withServices(['database', 'temporal'], (s) => verifyLedger(s, {
        ...(opts.since ? { since: opts.since } : {}), ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
        onProgress: (done, total) => { if (done % 100 === 0 && done < total) err(`checked ${done}/${total}\n`); },
      }));
      if (opts.json) printJson(report);
      else out(renderVerify(report));
      if (!report.chain.ok || report.rows.some((r) => r.error || r.disagreements.length > 0)) process.exitCode = 1;
    }));
}
