// Commands on approvals: push one in (submit), decide an escalated one (decide), look at one (show), list the
// ledger (decisions, pending), and serve the reviewer HTTP API (api).
import { Option, type Command } from 'commander';
import type { LedgerFilter } from '../../ledger/types.js';
import { renderApprovalView, renderDecideResult, renderPushResult } from '../approvals/render-approval.js';
import { renderDecisions, renderPending } from '../approvals/render-list.js';
import { UsageError, action, cliConfig, cliLogger, examples } from '../context.js';
import { identifierArg, limitArg, outcomeArg, portArg, reviewerArg, stateArg, whenArg } from '../options.js';
import { withServices } from '../services.js';

// What a command runs is imported when it runs: it needs the Temporal client, which the other commands (and
// --help) should not wait to load.
const push = () => import('../../intake/push.js');
const decide = () => import('../../reviews/decide.js');
const inspect = () => import('../../reviews/inspect.js');
const api = () => import('../approvals/run-api.js');

const print = (text: string) => { process.stdout.write(text); };
const printJson = (value: unknown) => print(JSON.stringify(value, null, 2) + '\n');

function approvalCommand(program: Command, name: string): Command {
  return program.command(name)
    .argument('<approvalNo>', 'the approval number TCMPP gives the release request (e.g. aud8k2m5q1x7z3w9pa)', identifierArg)
    .requiredOption('--platform <id>', 'the TCMPP platform id the approval belongs to', identifierArg);
}

export function registerApprovalCommands(program: Command): void {
  approvalCommand(program, 'submit')
    .description('push one approval in: check it with TCMPP and start its approval workflow (idempotent)')
    .addHelpText('after', examples('release-gate submit aud8k2m5q1x7z3w9pa --platform T04257DS9431720WTAG')
      + '\nPrints started, already running, or already decided, with the workflow id. An approval TCMPP does not\nknow, or one no longer processing, is an error (exit 1).\n')
    .action(action(async (approvalNo: string, opts: { platform: string }) => {
      const { pushApproval } = await push();
      const pushed = await withServices(['tcmpp', 'temporal'], (s) => pushApproval(s, { platformId: opts.platform, approvalNo }, 'cli'));
      print(renderPushResult(opts.platform, approvalNo, pushed));
    }));

  approvalCommand(program, 'decide')
    .description("decide an escalated approval as a reviewer (the workflow's decide Update)")
    .requiredOption('--reviewer <name>', 'who decides (recorded in the ledger and shown in TCMPP history)', reviewerArg)
    .addOption(new Option('--approve', 'approve the release').conflicts('reject'))
    .addOption(new Option('--reject', 'reject the release (needs --note)').conflicts('approve'))
    .option('--note <text>', 'the reason, sent to TCMPP; required with --reject, at most APPROVAL_NOTE_MAX_LENGTH characters')
    .addHelpText('after', examples(
      'release-gate decide aud8k2m5q1x7z3w9pa --platform T04257DS9431720WTAG --reviewer alice --approve',
      "release-gate decide aud8k2m5q1x7z3w9pa --platform T04257DS9431720WTAG --reviewer bob --reject --note 'Crashes on login'",
    ) + '\nA refusal (not waiting for a reviewer, already decided by you, note too long) is printed as is (exit 1).\n')
    .action(action(async (approvalNo: string, opts: { platform: string; reviewer: string; approve?: boolean; reject?: boolean; note?: string }) => {
      if (!opts.approve && !opts.reject) throw new UsageError('--approve or --reject: one of them is required');
      const note = opts.note?.trim();
      if (opts.reject && !note) throw new UsageError('--note: required with --reject (TCMPP requires the reason for a rejection)');
      const decision = { reviewer: opts.reviewer, outcome: opts.approve ? 'approve' as const : 'reject' as const, ...(note ? { note } : {}) };
      const { decideApproval } = await decide();
      const result = await withServices(['temporal'], (s) => decideApproval(s.client, opts.platform, approvalNo, decision));
      print(renderDecideResult(approvalNo, decision, result));
    }));

  approvalCommand(program, 'show')
    .description('where one approval stands: stage, policy decision, reasons, fired rules, reviewer decisions, ledger row')
    .option('--json', 'print the live workflow state and the ledger row as one JSON object')
    .addHelpText('after', examples('release-gate show aud8k2m5q1x7z3w9pa --platform T04257DS9431720WTAG', 'release-gate show aud8k2m5q1x7z3w9pa --platform T04257DS9431720WTAG --json | jq .ledger.firedRules'))
    .action(action(async (approvalNo: string, opts: { platform: string; json?: boolean }) => {
      const { inspectApproval } = await inspect();
      const view = await withServices(['database', 'temporal'], (s) => inspectApproval(s.client, s.ledger, opts.platform, approvalNo));
      if (opts.json) printJson(view);
      else print(renderApprovalView(opts.platform, approvalNo, view));
    }));

  program.command('decisions')
    .description('list the decision ledger, newest first')
    .option('--since <when>', 'changed since a date (2026-12-01, 2026-12-01T09:30:00Z) or a duration back (30m, 24h, 7d, 2w)', whenArg)
    .option('--outcome <outcome>', 'approve, reject, or pending (escalated, awaiting a reviewer)', outcomeArg)
    .option('--state <state>', 'pending, decided, conflict (decided differently in the TCMPP console) or failed', stateArg)
    .option('--platform <id>', 'only this TCMPP platform', identifierArg)
    .option('--limit <n>', 'at most this many rows (1 to 1000)', limitArg, 50)
    .option('--json', 'print the rows as one JSON array (every field, for scripts)')
    .addHelpText('after', examples('release-gate decisions --since 24h', 'release-gate decisions --outcome reject --platform T04257DS9431720WTAG --limit 20', 'release-gate decisions --since 2026-12-01 --json > decisions.json'))
    .action(action(async (opts: { since?: Date; outcome?: LedgerFilter['outcome']; state?: LedgerFilter['state']; platform?: string; limit: number; json?: boolean }) => {
      const filter: LedgerFilter = { limit: opts.limit };
      if (opts.since) filter.since = opts.since;
      if (opts.outcome) filter.outcome = opts.outcome;
      if (opts.state) filter.state = opts.state;
      if (opts.platform) filter.platformId = opts.platform;
      const rows = await withServices(['database'], (s) => s.ledger.list(filter));
      if (opts.json) printJson(rows);
      else print(renderDecisions(rows));
    }));

  program.command('pending')
    .description('escalated approvals waiting for a reviewer, each with the release-gate decide command to run')
    .option('--platform <id>', 'only this TCMPP platform', identifierArg)
    .option('--reviewer <name>', 'fill your name into the printed commands', reviewerArg)
    .option('--limit <n>', 'at most this many (1 to 1000)', limitArg, 100)
    .option('--json', 'print the pending ledger rows as one JSON array')
    .addHelpText('after', examples('release-gate pending', 'release-gate pending --platform T04257DS9431720WTAG --reviewer alice'))
    .action(action(async (opts: { platform?: string; reviewer?: string; limit: number; json?: boolean }) => {
      const filter: LedgerFilter = { state: 'pending', limit: opts.limit, ...(opts.platform ? { platformId: opts.platform } : {}) };
      const rows = await withServices(['database'], (s) => s.ledger.list(filter));
      if (opts.json) printJson(rows);
      else print(renderPending(rows, opts.reviewer));
    }));

  program.command('api')
    .description('run the reviewer HTTP API on HTTP_PORT until SIGTERM or Ctrl-C')
    .option('--host <address>', 'address to listen on; 0.0.0.0 for every interface (then set API_TOKEN)', '127.0.0.1')
    .option('--port <port>', 'port to listen on instead of HTTP_PORT (0: any free port)', portArg)
    .addHelpText('after', examples('HTTP_PORT=8080 release-gate api', 'API_TOKEN=$(openssl rand -hex 24) release-gate api --host 0.0.0.0')
      + '\nRoutes: POST /api/approvals, GET /api/approvals, GET /api/approvals/PLATFORM/APPROVAL,\nPOST /api/approvals/PLATFORM/APPROVAL/decision, GET /healthz. With API_TOKEN set, /api/ routes need\n"Authorization: Bearer $API_TOKEN".\n')
    .action(action(async (opts: { host: string; port?: number }) => (await api()).runApi(cliConfig(), cliLogger('api'), { host: opts.host, ...(opts.port !== undefined ? { port: opts.port } : {}) })));
}
