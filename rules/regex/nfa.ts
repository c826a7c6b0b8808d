// Thompson's construction: the pattern becomes a graph of states, and matching follows every possible path at
// once, one input character at a time. Time is O(input length x states) whatever the pattern, so a hostile
// pattern such as (a+)+$ costs the same as a plain one. The state count is bounded at compile time.
import { parsePattern, PatternSyntaxError, type CharTest, type PatternNode } from './parse.js';

type State =
  | { kind: 'char'; test: CharTest; out: number }
  | { kind: 'split'; out: number; out2: number }
  | { kind: 'bol' | 'eol'; out: number }
  | { kind: 'match' };

/** The most NFA states one pattern may compile to (each literal costs one; {n,m} copies its body m times). */
export const maxStates = 2000;

export interface CompiledPattern {
  source: string;
  ignoreCase: boolean;
  states: number;
  /** Whether the pattern matches anywhere in `input` (like RegExp.prototype.test without the g flag). */
  test(input: string): boolean;
}

/** The NFA of `source`; pass `tree` when the caller already parsed it (to inspect it), so it is parsed once. */
export function compilePattern(source: string, ignoreCase: boolean, tree: PatternNode = parsePattern(source, ignoreCase)): CompiledPattern {
  const states: State[] = [];
  const add = (s: State): number => {
    if (states.length >= maxStates) throw new PatternSyntaxError(source, 0, `the pattern is too large: more than ${maxStates} states once repetitions are expanded`);
    states.push(s);
    return states.length - 1;
  };
  // Each fragment is built back to front: `build(node, next)` returns the entry state of node, whose exits lead to next.
  const build = (node: PatternNode, next: number): number => {
    switch (node.type) {
      case 'empty': return next;
      case 'char': return add({ kind: 'char', test: node.test, out: next });
      case 'bol': return add({ kind: 'bol', out: next });
      case 'eol': return add({ kind: 'eol', out: next });
      case 'seq': {
        let entry = next;
        for (let i = node.items.length - 1; i >= 0; i--) entry = build(node.items[i]!, entry);
        return entry;
      }
      case 'alt': {
        let entry = build(node.options[node.options.length - 1]!, next);
        for (let i = node.options.length - 2; i >= 0; i--) entry = add({ kind: 'split', out: build(node.options[i]!, next), out2: entry });
        return entry;
      }
      case 'repeat': {
        let entry = next;
        if (node.max === Infinity) {
          const loop = add({ kind: 'split', out: -1, out2: next });
          const body = build(node.node, loop);
          (states[loop] as { out: number }).out = body;
          entry = loop;
        } else {
          // x{0,3} is (x(x(x)?)?)?: built from the innermost copy out, each one "take x, or go straight on".
          for (let i = node.max; i > node.min; i--) {
            const body = build(node.node, entry);
            entry = add({ kind: 'split', out: body, out2: next });
          }
        }
        for (let i = 0; i < node.min; i++) entry = build(node.node, entry);
        return entry;
      }
    }
  };
  const matchState = add({ kind: 'match' });
  const start = build(tree, matchState);
  return { source, ignoreCase, states: states.length, test: (input) => run(states, start, input) };
}

function run(states: State[], start: number, input: string): boolean {
  const cps = Array.from(input);
  const n = cps.length;
  const mark = new Int32Array(states.length).fill(-1);
  let current: number[] = [];
  let next: number[] = [];
  const stack: number[] = [];
  // Follows the epsilon edges (splits, anchors) from s at position pos; reports whether the match state is reachable.
  const addState = (list: number[], s: number, pos: number, gen: number): boolean => {
    stack.push(s);
    let matched = false;
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (mark[id] === gen) continue;
      mark[id] = gen;
      const st = states[id]!;
      if (st.kind === 'match') matched = true;
      else if (st.kind === 'split') stack.push(st.out2, st.out);
      else if (st.kind === 'bol') { if (pos === 0) stack.push(st.out); }
      else if (st.kind === 'eol') { if (pos === n) stack.push(st.out); }
      else list.push(id);
    }
    return matched;
  };
  for (let pos = 0; pos <= n; pos++) {
    // Unanchored search: a new attempt starts at every position, sharing the same state set.
    if (addState(current, start, pos, pos)) return true;
    if (pos === n) break;
    const cp = cps[pos]!.codePointAt(0)!;
    next.length = 0;
    for (const id of current) {
      const st = states[id] as { kind: 'char'; test: CharTest; out: number };
      if (st.test(cp) && addState(next, st.out, pos + 1, pos + 1)) return true;
    }
    [current, next] = [next, current];
  }
  return false;
}
