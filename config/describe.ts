// The configuration table of README.md, generated from the schema so the two cannot drift apart
// (config/readme.test.ts fails when they do; `npx tsx scripts/config-table.ts` rewrites the table).
import { configSchema } from './schema.js';

export interface VariableDoc {
  name: string;
  defaultValue: string;
  description: string;
}

export function describeVariables(): VariableDoc[] {
  return Object.entries(configSchema.shape).map(([name, schema]) => {
    const parsed = schema.safeParse(undefined);
    const defaultValue = parsed.success && parsed.data !== undefined ? JSON.stringify(parsed.data) : '';
    return { name, defaultValue: defaultValue === '[]' ? '(none)' : defaultValue.replace(/^"|"$/g, ''), description: schema.description ?? '' };
  });
}

export function configTableMarkdown(): string {
  const rows = describeVariables().map((v) => `| \`${v.name}\` | ${v.defaultValue ? `\`${v.defaultValue}\`` : '(unset)'} | ${v.description} |`);
  return ['| variable | default | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

export const tableStart = '<!-- config-table:start -->';
export const tableEnd = '<!-- config-table:end -->';

export function withConfigTable(readme: string): string {
  const start = readme.indexOf(tableStart);
  const end = readme.indexOf(tableEnd);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${tableStart} ... ${tableEnd} markers`);
  return `${readme.slice(0, start + tableStart.length)}\n${configTableMarkdown()}\n${readme.slice(end)}`;
}
