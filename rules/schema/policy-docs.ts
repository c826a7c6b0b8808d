// The generated parts of docs/policy.md: the fact catalog and the operators, from the same lists the validator
// uses, so the documentation says exactly what a policy may use (a test fails when the file is out of step).
import { catalogEntries } from '../fact-catalog.js';
import { typeName } from '../fact-types.js';
import { allOperators, decorators } from '../operators/index.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function factTableMarkdown(): string {
  const rows = catalogEntries().map((e) => {
    const where = e.path === null ? `\`"fact": "${e.fact}"\`` : `\`"fact": "${e.fact}", "path": "${e.path}"\``;
    const example = e.example === null ? '' : `\`${cell(JSON.stringify(e.example))}\``;
    return `| \`${e.name}\` | ${where} | ${cell(typeName(e.type))} | ${cell(e.description)} | ${example} |`;
  });
  return ['| fact | in a condition | type | meaning | example |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

export function operatorTableMarkdown(): string {
  const rows = allOperators.map((o) => `| \`${o.name}\` | ${o.builtin ? 'json-rules-engine' : 'release-gate'} | ${cell(o.factKinds)} | ${cell(o.summary)} |`);
  const decoratorRows = Object.entries(decorators).map(([d, meaning]) => `| \`${d}:\` | ${cell(meaning)} |`);
  return [
    '| operator | from | fact | holds when |', '| --- | --- | --- | --- |', ...rows,
    '', 'Decorators go before an operator name (`not:contains`, `someFact:matchesPattern`):', '',
    '| decorator | meaning |', '| --- | --- |', ...decoratorRows,
  ].join('\n');
}

const sections: Record<string, () => string> = { 'fact-catalog': factTableMarkdown, operators: operatorTableMarkdown };

/** `doc` with every `<!-- NAME:start -->...<!-- NAME:end -->` section regenerated. */
export function withGeneratedSections(doc: string): string {
  let out = doc;
  for (const [name, render] of Object.entries(sections)) {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const a = out.indexOf(start);
    const b = out.indexOf(end);
    if (a < 0 || b < a) throw new Error(`docs/policy.md lacks the ${start} ... ${end} markers`);
    out = `${out.slice(0, a + start.length)}\n${render()}\n${out.slice(b)}`;
  }
  return out;
}
