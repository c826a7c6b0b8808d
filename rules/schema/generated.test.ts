import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../cli/generate-policy-docs.js';
import { catalogEntries } from '../fact-catalog.js';
import { operatorNames } from '../operators/index.js';
import { buildPolicyJsonSchema } from './policy-json-schema.js';

describe('generated policy schema and docs', () => {
  it.each(generatedFiles().map((f) => [f.path.replace(/^.*\/(rules|docs)\//, '$1/'), f] as const))('%s is in step with rules/ (npm run policy:schema)', (_name, file) => {
    expect(readFileSync(file.path, 'utf8')).toBe(file.content);
  });

  it('lists every fact path and operator of the catalog', () => {
    const schema = JSON.stringify(buildPolicyJsonSchema());
    for (const e of catalogEntries()) if (e.path) expect(schema).toContain(JSON.stringify(e.path));
    for (const op of operatorNames) expect(schema).toContain(`"const":"${op}"`);
    const docs = readFileSync(new URL('../../docs/policy.md', import.meta.url), 'utf8');
    for (const e of catalogEntries()) expect(docs).toContain(`| \`${e.name}\` |`);
    for (const op of operatorNames) expect(docs).toContain(`| \`${op}\` |`);
  });
});
