// The `release-gate` command line. Each group of commands registers itself from cli/commands/.
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
    .configureHelp({ sortSubcommands: true });
  registerRuntimeCommands(program);
  registerApprovalCommands(program);
  registerPolicyCommands(program);
  registerAuditCommands(program);
  return program;
}

await buildProgram().parseAsync(process.argv);
