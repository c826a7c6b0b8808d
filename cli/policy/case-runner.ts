// `policy test`: runs case files against a policy and prints the results in the manner of `opa test`: one row per
// case, the reason under each failure, and PASS/FAIL counts at the end.
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { readJsonFile, resolvePolicyPath } from '../../policies/policy-file.js';
import { runPolicyCase, type CaseResult } from '../../rules/cases.js';
import { renderTable } from '../table.js';

export interface CaseFileResult extends CaseResult {
  file: string;
}

/** rules/cases/*.json of the working directory, else of the project (so it works from any directory). */
export function defaultCaseFiles(): string[] {
  const dir = resolvePolicyPath('rules/cases');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => relative(process.cwd(), join(dir, f)) || join(dir, f));
}

export async function runCaseFiles(policyDocument: unknown, files: string[], noteMaxLength: number): Promise<CaseFileResult[]> {
  const results: CaseFileResult[] = [];
  for (const file of files) {
    const name = basename(file).replace(/\.json$/, '');
    let doc: unknown;
    try {
      doc = readJsonFile(file);
    } catch (err) {
      results.push({ file, name, passed: false, expected: null, actual: null, firedRules: [], message: (err as Error).message });
      continue;
    }
    results.push({ file, ...(await runPolicyCase(policyDocument, doc, { name, noteMaxLength })) });
  }
  return results;
}

export function formatCaseResults(results: CaseFileResult[]): string {
  const rows = results.map((r) => [
    r.name,
    r.passed ? 'PASS' : 'FAIL',
    r.expected ? r.expected.outcome : '-',
    r.actual ?? '-',
    r.firedRules.length > 0 ? r.firedRules.join(', ') : '(none)',
  ]);
  const table = renderTable(['CASE', 'RESULT', 'EXPECTED', 'ACTUAL', 'FIRED RULES'], rows).split('\n');
  const lines = [table[0]!];
  results.forEach((r, k) => {
    lines.push(table[k + 1]!);
    if (!r.passed) {
      lines.push(`    ${r.file}: ${r.message ?? 'failed'}`);
      if (r.expected?.firedRules) lines.push(`    expected fired rules: ${r.expected.firedRules.join(', ') || '(none)'}`);
    }
  });
  const failed = results.filter((r) => !r.passed).length;
  lines.push('-'.repeat(80), `PASS: ${results.length - failed}/${results.length}`);
  if (failed > 0) lines.push(`FAIL: ${failed}/${results.length}`);
  return lines.join('\n');
}
