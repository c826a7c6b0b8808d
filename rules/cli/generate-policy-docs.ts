// npm run policy:schema: writes rules/policy.schema.json and the generated tables of docs/policy.md from the
// catalog and operator lists. With --check it writes nothing and fails when either file is out of step.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withGeneratedSections } from '../schema/policy-docs.js';
import { buildPolicyJsonSchema } from '../schema/policy-json-schema.js';

export const schemaPath = fileURLToPath(new URL('../policy.schema.json', import.meta.url));
export const docsPath = fileURLToPath(new URL('../../docs/policy.md', import.meta.url));

export function generatedFiles(): { path: string; content: string }[] {
  return [
    { path: schemaPath, content: `${JSON.stringify(buildPolicyJsonSchema(), null, 2)}\n` },
    { path: docsPath, content: withGeneratedSections(readFileSync(docsPath, 'utf8')) },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { path, content } of generatedFiles()) {
    let current = '';
    try { current = readFileSync(path, 'utf8'); } catch { /* a missing file is out of step */ }
    if (current === content) continue;
    stale++;
    if (check) process.stderr.write(`${path} is out of step with rules/: run npm run policy:schema\n`);
    else { writeFileSync(path, content); process.stdout.write(`wrote ${path}\n`); }
  }
  if (check && stale > 0) process.exitCode = 1;
}
