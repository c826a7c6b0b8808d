// "did you mean ...?" for misspelt facts, fields and operators: the nearest known name by edit distance, or a
// known alias (gt for greaterThan) from other rule languages authors bring along.

/** The closest candidate within a sensible distance, or null. */
export function closest(input: string, candidates: readonly string[], aliases: Readonly<Record<string, string>> = {}): string | null {
  const lower = input.toLowerCase();
  const alias = aliases[lower];
  if (alias) return alias;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = c.toLowerCase() === lower ? 0 : distance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const allowed = Math.max(2, Math.floor(input.length / 3));
  return best !== null && bestDistance <= allowed ? best : null;
}

export function didYouMean(input: string, candidates: readonly string[], aliases: Readonly<Record<string, string>> = {}): string {
  const c = closest(input, candidates, aliases);
  return c ? ` (did you mean "${c}"?)` : '';
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
