// The `release-gate` command line. Each group of commands registers itself from cli/commands/; a command loads
// what it runs (database driver, Temporal client, worker) only when it runs, so --help and `policy validate` stay quick.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerRuntimeCommands } from './commands/runtime.js';
import { registerApprovalCommands } from './commands/approvals.js';
import { registerPolicyCommands } from './commands/policy.js';
import { registerAuditCommands } from './commands/audit.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export function buildProgram(): Command {
  const program = new Command('release-gate')
    .description('Release-approval automation for TCMPP superapps: decide mini program releases by policy, escalate to reviewers, submit to TCMPP.')
    .version(version)
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: true })
    // Commander exits 1 on bad usage; the CLI's convention is 2 (cli/context.ts). Help and --version exit 0 as
    // before. Each command copies this from its parent when it is created (Command.copyInheritedSettings), so it
    // must be set before any command group registers.
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
  registerRuntimeCommands(program);
  registerApprovalCommands(program);
  registerPolicyCommands(program);
  registerAuditCommands(program);
  return program;
}

await buildProgram().parseAsync(process.argv);
