// A parser for the regular-expression subset policies may use. The match runs on a Thompson NFA (nfa.ts) in time
// linear in the input, so no pattern can backtrack catastrophically; what the NFA cannot do (backreferences,
// lookaround, \b) is refused here with the position and the reason, instead of being silently approximated.
export type CharTest = (cp: number) => boolean;

export type PatternNode =
  | { type: 'empty' }
  | { type: 'char'; test: CharTest }
  | { type: 'seq'; items: PatternNode[] }
  | { type: 'alt'; options: PatternNode[] }
  | { type: 'repeat'; node: PatternNode; min: number; max: number }
  | { type: 'bol' }
  | { type: 'eol' };

export class PatternSyntaxError extends Error {
  override name = 'PatternSyntaxError';
  constructor(readonly pattern: string, readonly position: number, readonly reason: string) {
    super(`invalid pattern at character ${position + 1}: ${reason}`);
  }
}

/** The largest {n,m} bound accepted; larger repetitions are better written as length checks. */
export const maxRepeat = 1000;

const digit: CharTest = (c) => c >= 48 && c <= 57;
const word: CharTest = (c) => digit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const space: CharTest = (c) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x1680 || c === 0x202f || c === 0x205f;
const not = (t: CharTest): CharTest => (c) => !t(c);
const classEscapes: Record<string, CharTest> = { d: digit, D: not(digit), w: word, W: not(word), s: space, S: not(space) };
const controlEscapes: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 };

export function parsePattern(source: string, ignoreCase: boolean): PatternNode {
  const cps = Array.from(source);
  let pos = 0;
  const fail = (reason: string, at = pos): never => { throw new PatternSyntaxError(source, at, reason); };
  const peek = () => cps[pos];
  const fold = (t: CharTest): CharTest => (ignoreCase ? (c) => t(c) || t(lower(c)) || t(upper(c)) : t);
  const literal = (cp: number): CharTest => (ignoreCase ? ((l) => (c: number) => lower(c) === l)(lower(cp)) : (c) => c === cp);

  function alternation(): PatternNode {
    const options = [sequence()];
    while (peek() === '|') { pos++; options.push(sequence()); }
    return options.length === 1 ? options[0]! : { type: 'alt', options };
  }

  function sequence(): PatternNode {
    const items: PatternNode[] = [];
    while (pos < cps.length && peek() !== '|' && peek() !== ')') items.push(quantified());
    return items.length === 0 ? { type: 'empty' } : items.length === 1 ? items[0]! : { type: 'seq', items };
  }

  function quantified(): PatternNode {
    const start = pos;
    const atom = atomNode();
    const q = quantifier();
    if (!q) return atom;
    if (atom.type === 'bol' || atom.type === 'eol') fail('an anchor cannot be repeated', start);
    if (peek() === '?') pos++; // lazy and greedy match the same strings; only a yes/no answer is needed
    if (peek() === '+') fail('possessive quantifiers are not supported');
    if (quantifierStart()) fail('a quantifier cannot follow another quantifier');
    return { type: 'repeat', node: atom, ...q };
  }

  function quantifierStart(): boolean {
    const c = peek();
    return c === '*' || c === '+' || c === '?' || (c === '{' && braceQuantifierAhead());
  }

  function quantifier(): { min: number; max: number } | null {
    const c = peek();
    if (c === '*') { pos++; return { min: 0, max: Infinity }; }
    if (c === '+') { pos++; return { min: 1, max: Infinity }; }
    if (c === '?') { pos++; return { min: 0, max: 1 }; }
    if (c === '{' && braceQuantifierAhead()) {
      const start = pos;
      const m = /^\{(\d+)(,(\d*))?\}/.exec(cps.slice(pos, pos + 24).join(''))!;
      pos += m[0].length;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      if (min > maxRepeat || (max !== Infinity && max > maxRepeat)) fail(`repetition bounds above ${maxRepeat} are not allowed`, start);
      if (max < min) fail(`{${min},${max}}: the upper bound is below the lower one`, start);
      return { min, max };
    }
    return null;
  }

  function braceQuantifierAhead(): boolean {
    return /^\{\d+(,\d*)?\}/.test(cps.slice(pos, pos + 24).join(''));
  }

  function atomNode(): PatternNode {
    const c = peek()!;
    const start = pos;
    pos++;
    switch (c) {
      case '^': return { type: 'bol' };
      case '$': return { type: 'eol' };
      case '.': return { type: 'char', test: (x) => x !== 10 && x !== 13 && x !== 0x2028 && x !== 0x2029 };
      case '[': return { type: 'char', test: fold(charClass(start)) };
      case '(': {
        if (peek() === '?') {
          if (cps[pos + 1] === ':') pos += 2;
          else fail(cps[pos + 1] === '<' && cps[pos + 2] !== '=' && cps[pos + 2] !== '!' ? 'named groups are not supported: use (?:...)' : 'lookahead and lookbehind are not supported', start);
        }
        const inner = alternation();
        if (peek() !== ')') fail('unclosed group: missing ")"', start);
        pos++;
        return inner;
      }
      case ')': return fail('unmatched ")"', start);
      case '*': case '+': case '?': return fail(`nothing to repeat before "${c}"`, start);
      case '{': if (braceQuantifierAhead()) fail('nothing to repeat before "{"', start); return { type: 'char', test: literal(123) };
      case '\\': return escape(start);
      default: return { type: 'char', test: literal(c.codePointAt(0)!) };
    }
  }

  function escape(start: number): PatternNode {
    const e = peek();
    if (e === undefined) fail('the pattern ends with a lone backslash', start);
    pos++;
    if (classEscapes[e!]) return { type: 'char', test: classEscapes[e!]! };
    if (e === 'b' || e === 'B') fail('word boundaries (\\b, \\B) are not supported', start);
    if (/^[1-9]$/.test(e!) || e === 'k') fail('backreferences are not supported', start);
    return { type: 'char', test: literal(escapedCodePoint(e!, start)) };
  }

  function escapedCodePoint(e: string, start: number): number {
    if (controlEscapes[e] !== undefined) return controlEscapes[e];
    if (e === 'x' || e === 'u') {
      const len = e === 'x' ? 2 : 4;
      const hex = cps.slice(pos, pos + len).join('');
      if (hex.length !== len || !/^[0-9A-Fa-f]+$/.test(hex)) fail(`\\${e} needs ${len} hex digits`, start);
      pos += len;
      return parseInt(hex, 16);
    }
    if (/^[A-Za-z0-9]$/.test(e)) fail(`unknown escape \\${e}`, start);
    return e.codePointAt(0)!;
  }

  function charClass(start: number): CharTest {
    const negate = peek() === '^';
    if (negate) pos++;
    const tests: CharTest[] = [];
    let first = true;
    while (pos < cps.length && (peek() !== ']' || first)) {
      first = false;
      const lo = classMember(start);
      if (peek() === '-' && cps[pos + 1] !== undefined && cps[pos + 1] !== ']' && typeof lo === 'number') {
        pos++;
        const hi = classMember(start);
        if (typeof hi !== 'number') fail('a range cannot end with a class escape such as \\d', start);
        if ((hi as number) < lo) fail('a character range is out of order', start);
        tests.push((c) => c >= lo && c <= (hi as number));
      } else {
        tests.push(typeof lo === 'number' ? (c) => c === lo : lo);
      }
    }
    if (peek() !== ']') fail('unclosed character class: missing "]"', start);
    pos++;
    const any: CharTest = (c) => tests.some((t) => t(c));
    return negate ? not(any) : any;
  }

  function classMember(start: number): number | CharTest {
    const c = cps[pos++]!;
    if (c !== '\\') return c.codePointAt(0)!;
    const e = cps[pos++];
    if (e === undefined) return fail('the pattern ends with a lone backslash', start);
    if (classEscapes[e]) return classEscapes[e];
    if (e === 'b') return 8;
    return escapedCodePoint(e, start);
  }

  const tree = alternation();
  if (pos < cps.length) fail('unmatched ")"');
  return tree;
}

function lower(cp: number): number {
  return String.fromCodePoint(cp).toLowerCase().codePointAt(0)!;
}

function upper(cp: number): number {
  return String.fromCodePoint(cp).toUpperCase().codePointAt(0)!;
}
