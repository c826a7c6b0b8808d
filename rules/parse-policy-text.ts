// Turns the text of a policy file into a value for validatePolicy, or a message that says where the JSON breaks
// (line and column), since "Unexpected token } in JSON" alone sends an author hunting through the file.
import { jsonErrorOffset } from './json-error-offset.js';
import { policyLimits } from './policy.js';

export type ParsedText = { ok: true; value: unknown } | { ok: false; error: string; line?: number; column?: number };

export function parsePolicyText(text: string): ParsedText {
  // A serialized policy is at most maxDocumentChars; allow generous whitespace on top, refuse the absurd unread.
  const limit = policyLimits.maxDocumentChars * 4;
  if (text.length > limit) return { ok: false, error: `the file is ${text.length} characters long; a policy file may be at most ${limit}` };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: 'the file is empty: a policy is a JSON object' };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const offset = errorOffset(message, body) ?? jsonErrorOffset(body);
    if (offset === null) return { ok: false, error: `not valid JSON: ${message}` };
    const { line, column } = lineColumn(body, offset);
    const lineText = body.split('\n')[line - 1] ?? '';
    const excerpt = lineText.length > 120 ? lineText.slice(Math.max(0, column - 60), column + 60) : lineText;
    return { ok: false, error: `not valid JSON at line ${line}, column ${column}: ${cleanMessage(message)}\n  ${excerpt.trimEnd()}`, line, column };
  }
}

/** V8 says "... in JSON at position 42" (Node 20) or "... (line 3 column 5)" (newer); unexpected end is the end. */
function errorOffset(message: string, text: string): number | null {
  const pos = /at position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) {
    const lines = text.split('\n');
    let offset = 0;
    for (let i = 0; i < Number(lc[1]) - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
    return offset + Number(lc[2]) - 1;
  }
  if (/Unexpected end of JSON input/i.test(message)) return text.length;
  return null;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: offset - lastBreak };
}

function cleanMessage(message: string): string {
  // V8 quotes the whole text in some messages ('Unexpected token ',', "{..." is not valid JSON'): keep the first part.
  return message.replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '').replace(/,? ?(in JSON )?at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '').trim();
}
