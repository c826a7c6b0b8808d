// The JSONPath subset conditions may use: `$.a.b`, `$.list[0]`, `$["odd key"]`. Facts are plain JSON objects,
// so a plain walk is all a policy needs; jsonpath-plus (json-rules-engine's default resolver) would also accept
// filter scripts and recursive descent, which a hostile policy could use to burn the worker's time.
export type PathSegment = string | number;

const segmentPattern = /^(?:\.([A-Za-z_$][\w$]*)|\[(\d{1,6})\]|\["((?:[^"\\]|\\.)*)"\]|\['([^'\\]*)'\])/;

// One evaluation reads each condition's path in the validator, the fact check, the engine and the explanation;
// parsing is pure and paths are short (at most 256 characters), so the answers are kept. Bounded, oldest out first.
const maxCachedPaths = 1024;
const pathCache = new Map<string, readonly PathSegment[] | string>();

/** The segments of `path` (frozen: they are shared), or a message saying why it is not a path this engine follows. */
export function parseJsonPath(path: string): readonly PathSegment[] | string {
  if (path.length > 256) return 'is too long (at most 256 characters)';
  let parsed = pathCache.get(path);
  if (parsed === undefined) {
    parsed = parse(path);
    if (typeof parsed !== 'string') Object.freeze(parsed);
    if (pathCache.size >= maxCachedPaths) pathCache.delete(pathCache.keys().next().value!);
    pathCache.set(path, parsed);
  }
  return parsed;
}

function parse(path: string): PathSegment[] | string {
  if (!path.startsWith('$')) return `must start with "$", such as "$.bump" (got ${JSON.stringify(path)})`;
  const segments: PathSegment[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const m = segmentPattern.exec(rest);
    if (!m) {
      return `only plain paths such as "$.field", "$.list[0]" or "$[\\"odd key\\"]" are supported (stuck at ${JSON.stringify(rest.slice(0, 20))})`;
    }
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else if (m[3] !== undefined) {
      try {
        segments.push(JSON.parse(`"${m[3]}"`) as string);
      } catch {
        return `has a bad escape in ${JSON.stringify(m[0])}`;
      }
    }
    else segments.push(m[4]!);
    rest = rest.slice(m[0].length);
  }
  return segments;
}

/** The value at `segments`, or undefined where the walk leaves the data (never an inherited property). */
export function resolveSegments(value: unknown, segments: readonly PathSegment[]): unknown {
  let current = value;
  for (const s of segments) {
    if (typeof s === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[s];
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, s)) return undefined;
      current = (current as Record<string, unknown>)[s];
    }
  }
  return current;
}

/** json-rules-engine's pathResolver: a path the validator did not accept resolves to nothing. */
export function resolveJsonPath(value: unknown, path: string): unknown {
  const segments = parseJsonPath(path);
  return typeof segments === 'string' ? undefined : resolveSegments(value, segments);
}
