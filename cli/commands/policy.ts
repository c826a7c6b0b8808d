// `release-gate policy ...`: check, test and explain a policy file (no environment, no database needed), and
// manage the versioned policy store in PostgreSQL that the workers load the active policy from.
import { Option, type Command } from 'commander';
import { action, examples } from '../context.js';

// Loaded when a command runs, so `policy validate` never loads the database driver and the rest stay quick to start.
const offline = () => import('../policy/offline-commands.js');
const stored = () => import('../policy/store-commands.js');

const storeNote = `
The store is the PostgreSQL of DATABASE_URL; when it is unset, the embedded development server (started for the
command when \`make dev\` is not running).\n`;

const noteMaxLengthOption = () => new Option('--note-max-length <n>', 'longest note, as APPROVAL_NOTE_MAX_LENGTH (default: that variable, else 500)');

export function registerPolicyCommands(program: Command): void {
  const policy = program
    .command('policy')
    .description('check, test and explain policies; publish and activate versions in the policy store')
    .addHelpText('after', examples(
      'release-gate policy validate rules/default.policy.json',
      'release-gate policy test rules/default.policy.json',
      'release-gate policy publish my.policy.json --note "stricter weekends" --activate',
    ));

  /** A command on the policy store: its help says which database that is, then shows the examples. */
  const storeCommand = (name: string, description: string, ...exampleLines: string[]) =>
    policy.command(name).description(description).addHelpText('after', storeNote + examples(...exampleLines));

  policy
    .command('validate')
    .description('check a policy file: prints a summary and exits 0, or every problem as FILE: PATH: MESSAGE and exits 1')
    .argument('<file>', 'policy JSON file')
    .addHelpText('after', examples('release-gate policy validate rules/default.policy.json'))
    .action(action(async (file: string) => (await offline()).validateCommand(file)));

  policy
    .command('test')
    .description('run policy test cases (facts and the expected outcome) and print PASS/FAIL for each; exits 1 on any failure')
    .argument('<file>', 'policy JSON file')
    .argument('[cases...]', 'case files { description, facts, expect: { outcome, firedRules? } }; default rules/cases/*.json')
    .option('--json', 'print the results as JSON')
    .addOption(noteMaxLengthOption())
    .addHelpText('after', examples(
      'release-gate policy test rules/default.policy.json',
      'release-gate policy test my.policy.json rules/cases/*.json my-cases/*.json',
    ))
    .action(action(async (file: string, cases: string[], opts: { json?: boolean; noteMaxLength?: string }) => (await offline()).testCommand(file, cases, opts)));

  policy
    .command('explain')
    .description('evaluate a policy over a facts file and explain the decision: every rule and condition with the values it saw')
    .argument('<file>', 'policy JSON file')
    .argument('<facts>', 'facts JSON file (the facts of one approval, or a case file with a "facts" key)')
    .option('--json', 'print the decision as JSON, as the workflow records it')
    .addOption(noteMaxLengthOption())
    .addHelpText('after', examples(
      'release-gate policy explain rules/default.policy.json rules/cases/escalate-major-version.json',
      'release-gate policy explain my.policy.json facts.json --json | jq .outcome',
    ))
    .action(action(async (file: string, facts: string, opts: { json?: boolean; noteMaxLength?: string }) => (await offline()).explainCommand(file, facts, opts)));

  storeCommand('publish', 'validate a policy file and store it as a new immutable version (the same content again returns its existing version)',
    'release-gate policy publish my.policy.json --author alice --note "block expired plans" --activate')
    .argument('<file>', 'policy JSON file')
    .option('--author <name>', 'who publishes it (default: $USER)')
    .option('--note <text>', 'why this version exists')
    .option('--activate', 'make it the active policy right away')
    .action(action(async (file: string, opts: { author?: string; note?: string; activate?: boolean }) => (await stored()).publishCommand(file, opts)));

  storeCommand('activate', 'make a published version the active policy (workflows load it from then on); logged with who and when',
    'release-gate policy activate 3')
    .argument('<version>', 'version number, from policy list')
    .option('--by <name>', 'who activates it (default: $USER)')
    .action(action(async (version: string, opts: { by?: string }) => (await stored()).activateCommand(version, opts)));

  storeCommand('list', 'list the published versions; * marks the active one', 'release-gate policy list')
    .option('--json', 'print as JSON')
    .action(action(async (opts: { json?: boolean }) => (await stored()).listCommand(opts)));

  storeCommand('show', 'show a version: hash, author, activations and the document',
    'release-gate policy show 2', 'release-gate policy show 2 --document > v2.policy.json')
    .argument('<version>', 'version number')
    .option('--json', 'print the whole record as JSON')
    .option('--document', 'print only the policy document (to save it as a file)')
    .action(action(async (version: string, opts: { json?: boolean; document?: boolean }) => (await stored()).showCommand(version, opts)));

  storeCommand('diff', 'what changed from version A to version B: settings, rules added, removed and changed (with a line diff)',
    'release-gate policy diff 2 3')
    .argument('<a>', 'the older version')
    .argument('<b>', 'the newer version')
    .option('--json', 'print the differences as JSON')
    .action(action(async (a: string, b: string, opts: { json?: boolean }) => (await stored()).diffCommand(a, b, opts)));

  storeCommand('active', 'which version is active, since when and by whom; exits 1 when none is', 'release-gate policy active')
    .option('--json', 'print as JSON')
    .action(action(async (opts: { json?: boolean }) => (await stored()).activeCommand(opts)));
}
