/**
 * JSONPath strings used in findings: `$` is the root, identifier-like keys use dot notation
 * (`$.offers.price`), every other key uses a bracket with a JSON string (`$["@graph"]`,
 * `$["schema:name"]`), array indices use `[n]`. `parsePath` is the exact inverse, so a path in a
 * finding can always be mapped back to the source (see `pathRange`).
 */

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export const ROOT_PATH = "$";

// Keys repeat endlessly (name, offers, @type…): remember each key's path suffix. Bounded so a
// document with millions of distinct keys cannot grow it without limit.
const suffixes = new Map<string, string>();
const MAX_SUFFIXES = 10_000;

export function keyPath(base: string, key: string): string {
  let suffix = suffixes.get(key);
  if (suffix === undefined) {
    suffix = IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
    if (suffixes.size < MAX_SUFFIXES) suffixes.set(key, suffix);
  }
  return base + suffix;
}

export function indexPath(base: string, index: number): string {
  return `${base}[${index}]`;
}

export function formatPath(segments: readonly PathSegment[]): string {
  let out = ROOT_PATH;
  for (const s of segments) out = typeof s === "number" ? indexPath(out, s) : keyPath(out, s);
  return out;
}

/** Parses a path produced by `formatPath`; returns null for anything else. */
export function parsePath(path: string): PathSegment[] | null {
  if (!path.startsWith(ROOT_PATH)) return null;
  const segments: PathSegment[] = [];
  let i = 1;
  while (i < path.length) {
    const ch = path[i];
    if (ch === ".") {
      let j = i + 1;
      while (j < path.length && path[j] !== "." && path[j] !== "[") j++;
      const key = path.slice(i + 1, j);
      if (!IDENTIFIER.test(key)) return null;
      segments.push(key);
      i = j;
    } else if (ch === "[") {
      if (path[i + 1] === '"') {
        // Find the closing quote that is not escaped, then let JSON.parse undo the escaping.
        let j = i + 2;
        while (j < path.length && path[j] !== '"') j += path[j] === "\\" ? 2 : 1;
        if (path[j + 1] !== "]") return null;
        try {
          segments.push(JSON.parse(path.slice(i + 1, j + 1)) as string);
        } catch {
          return null;
        }
        i = j + 2;
      } else {
        const close = path.indexOf("]", i);
        if (close < 0) return null;
        const digits = path.slice(i + 1, close);
        if (!/^\d+$/.test(digits)) return null;
        segments.push(Number(digits));
        i = close + 1;
      }
    } else {
      return null;
    }
  }
  return segments;
}

/** True when `path` is `ancestor` itself or lies inside it. */
export function isWithin(path: string, ancestor: string): boolean {
  if (!path.startsWith(ancestor)) return false;
  const next = path[ancestor.length];
  return next === undefined || next === "." || next === "[";
}
