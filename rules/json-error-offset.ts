// Where a JSON text first goes wrong, for the messages V8 gives without a position ("Unexpected token ','").
// A small scanner that only locates the fault; JSON.parse still does the parsing.
const maxNesting = 10_000;

/** The offset of the first character that makes `text` invalid JSON, or null when it is valid. */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++; };
  const stack: ('{' | '[')[] = [];
  // Expect states: a value, then what may follow it inside the current container.
  let expect: 'value' | 'after' | 'key' | 'key-or-end' | 'value-or-end' = 'value';
  for (;;) {
    ws();
    const c = text[i];
    if (expect === 'value' || expect === 'value-or-end') {
      if (expect === 'value-or-end' && c === ']') { stack.pop(); i++; expect = 'after'; continue; }
      if (c === '{' || c === '[') {
        if (stack.length >= maxNesting) return i;
        stack.push(c); i++; expect = c === '{' ? 'key-or-end' : 'value-or-end'; continue;
      }
      const end = scalarEnd(text, i);
      if (end === null) return i;
      i = end; expect = 'after'; continue;
    }
    if (expect === 'key' || expect === 'key-or-end') {
      if (expect === 'key-or-end' && c === '}') { stack.pop(); i++; expect = 'after'; continue; }
      if (c !== '"') return i;
      const end = stringEnd(text, i);
      if (end === null) return Math.min(i, text.length);
      i = end; ws();
      if (text[i] !== ':') return i;
      i++; expect = 'value'; continue;
    }
    // after a value
    const top = stack[stack.length - 1];
    if (top === undefined) return i < text.length ? i : null;
    if (c === ',') { i++; expect = top === '{' ? 'key' : 'value'; continue; }
    if ((top === '{' && c === '}') || (top === '[' && c === ']')) { stack.pop(); i++; continue; }
    return i;
  }
}

function scalarEnd(text: string, i: number): number | null {
  if (text[i] === '"') return stringEnd(text, i);
  for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return i + word.length;
  const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
  return m ? i + m[0].length : null;
}

function stringEnd(text: string, i: number): number | null {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 34) return j + 1;
    if (c < 32) return null;
    if (c === 92) {
      const e = text[j + 1];
      if (e === 'u') { if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return null; j += 5; } else if (e !== undefined && '"\\/bfnrt'.includes(e)) j++; else return null;
    }
  }
  return null;
}
