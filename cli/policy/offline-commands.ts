// The commands that work on files alone, with no environment and no database: validate, test, explain. They
// never call cliConfig(), so a policy author can run them anywhere (an editor hook, CI).
import { configSchema } from '../../config/schema.js';
import { policyContentHash } from '../../policies/canonical-hash.js';
import { readJsonFile } from '../../policies/policy-file.js';
import { evaluate } from '../../rules/evaluate.js';
import { formatDecision } from '../../rules/explain-text.js';
import { isPlainObject } from '../../rules/json.js';
import { formatProblem, validatePolicy } from '../../rules/validate.js';
import type { PolicyDocument } from '../../rules/policy.js';
import { UsageError } from '../context.js';
import { defaultCaseFiles, formatCaseResults, runCaseFiles } from './case-runner.js';

const out = (text: string) => process.stdout.write(`${text}\n`);

/** Reads and validates a policy file; prints its problems as FILE: PATH: MESSAGE and returns undefined if invalid. */
function loadValidPolicy(file: string): { policy: PolicyDocument; document: unknown } | undefined {
  const document = readJsonFile(file);
  const checked = validatePolicy(document);
  if (!checked.ok) {
    for (const p of checked.errors) out(`${file}: ${formatProblem(p)}`);
    process.stderr.write(`release-gate: ${file} is not a valid policy (${checked.errors.length} problem${checked.errors.length === 1 ? '' : 's'})\n`);
    process.exitCode = 1;
    return undefined;
  }
  for (const w of checked.warnings) out(`${file}: warning: ${formatProblem(w)}`);
  return { policy: checked.policy, document };
}

export function validateCommand(file: string): void {
  const loaded = loadValidPolicy(file);
  if (!loaded) return;
  const { policy } = loaded;
  const byType = (type: string) => policy.rules.filter((r) => r.event.type === type).length;
  out(`${file}: valid policy "${policy.name}": ${policy.rules.length} rules (${byType('reject')} reject, ${byType('escalate')} escalate, ${byType('approve')} approve), default ${policy.defaultOutcome ?? 'escalate'}, sha256 ${policyContentHash(loaded.document).slice(0, 12)}`);
}

export async function testCommand(file: string, caseFiles: string[], opts: { json?: boolean; noteMaxLength?: string }): Promise<void> {
  const noteMax = noteMaxLength(opts.noteMaxLength);
  const loaded = loadValidPolicy(file);
  if (!loaded) return;
  const files = caseFiles.length > 0 ? caseFiles : defaultCaseFiles();
  if (files.length === 0) throw new UsageError('no case files given and none in rules/cases/: pass CASE files');
  const results = await runCaseFiles(loaded.document, files, noteMax);
  const failed = results.filter((r) => !r.passed).length;
  if (opts.json) {
    out(JSON.stringify({ policy: loaded.policy.name, hash: policyContentHash(loaded.document), passed: results.length - failed, failed, results }, null, 2));
  } else {
    out(formatCaseResults(results));
  }
  if (failed > 0) process.exitCode = 1;
}

export async function explainCommand(file: string, factsFile: string, opts: { json?: boolean; noteMaxLength?: string }): Promise<void> {
  // Not validated first on purpose: an invalid policy is explained as the worker would treat it (fail-safe escalate).
  const document = readJsonFile(file);
  const factsDoc = readJsonFile(factsFile);
  // A case file carries its facts under "facts", beside the expectation; the facts of one approval have no "expect".
  const facts = isPlainObject(factsDoc) && 'facts' in factsDoc && 'expect' in factsDoc ? factsDoc.facts : factsDoc;
  const decision = await evaluate(document, facts, {
    noteMaxLength: noteMaxLength(opts.noteMaxLength),
    policyHash: policyContentHash(document),
  });
  out(opts.json ? JSON.stringify(decision, null, 2) : formatDecision(decision));
}

/** --note-max-length, else APPROVAL_NOTE_MAX_LENGTH checked by the config schema's own rule, else its default. */
function noteMaxLength(flag: string | undefined): number {
  const field = configSchema.shape.APPROVAL_NOTE_MAX_LENGTH;
  const raw = flag ?? (process.env.APPROVAL_NOTE_MAX_LENGTH || undefined);
  const parsed = field.safeParse(raw);
  if (!parsed.success) {
    const source = flag === undefined ? 'APPROVAL_NOTE_MAX_LENGTH' : '--note-max-length';
    throw new UsageError(`${source}: ${parsed.error.issues[0]?.message ?? 'invalid'} (got ${JSON.stringify(raw)})`);
  }
  return parsed.data;
}

