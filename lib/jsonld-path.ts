/**
 * Where a finding's JSONPath (`$["@graph"][0].offers.price`) is in a JSON text: pure and
 * isomorphic, so the studio highlights a path in the browser and the CLI turns it into
 * line:column, without loading the validator. Paths follow the validator's format: dot keys
 * for identifiers, `["…"]` (a JSON string) for other keys, `[n]` for indices.
 */

export type PathSegment = string | number;

export type TextRange = {
  /** UTF-16 offsets of the value: `[start, end)`. */
  start: number;
  end: number;
  /** Where the member begins when the value is an object member: its key's opening quote. */
  keyStart?: number;
};

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The segments of a path, or null when it is not one. */
export function parseJsonPath(path: string): PathSegment[] | null {
  if (!path.startsWith("$")) return null;
  const out: PathSegment[] = [];
  let i = 1;
  while (i < path.length) {
    if (path[i] === ".") {
      let j = i + 1;
      while (j < path.length && path[j] !== "." && path[j] !== "[") j++;
      const key = path.slice(i + 1, j);
      if (!IDENTIFIER.test(key)) return null;
      out.push(key);
      i = j;
    } else if (path[i] === "[") {
      if (path[i + 1] === '"') {
        let j = i + 2;
        while (j < path.length && path[j] !== '"') j += path[j] === "\\" ? 2 : 1;
        if (path[j + 1] !== "]") return null;
        try {
          out.push(JSON.parse(path.slice(i + 1, j + 1)) as string);
        } catch {
          return null;
        }
        i = j + 2;
      } else {
        const close = path.indexOf("]", i);
        const digits = close < 0 ? "" : path.slice(i + 1, close);
        if (!/^\d+$/.test(digits)) return null;
        out.push(Number(digits));
        i = close + 1;
      }
    } else return null;
  }
  return out;
}

export function formatJsonPath(segments: readonly PathSegment[]): string {
  let out = "$";
  for (const s of segments)
    out += typeof s === "number" ? `[${s}]` : IDENTIFIER.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
  return out;
}

class Malformed extends Error {}

/** A small scanner over JSON text that knows where each value starts and ends. */
class Scanner {
  constructor(readonly text: string) {}

  ws(i: number): number {
    while (i < this.text.length && " \t\n\r".includes(this.text[i]!)) i++;
    return i;
  }

  /** End (exclusive) of the string starting at `i` (an opening quote). */
  stringEnd(i: number): number {
    if (this.text[i] !== '"') throw new Malformed();
    let j = i + 1;
    while (j < this.text.length && this.text[j] !== '"') j += this.text[j] === "\\" ? 2 : 1;
    if (j >= this.text.length) throw new Malformed();
    return j + 1;
  }

  /** End (exclusive) of the value starting at `i` (no leading whitespace). */
  valueEnd(i: number): number {
    const ch = this.text[i];
    if (ch === '"') return this.stringEnd(i);
    if (ch === "{" || ch === "[") {
      let j = this.ws(i + 1);
      const close = ch === "{" ? "}" : "]";
      if (this.text[j] === close) return j + 1;
      for (;;) {
        if (ch === "{") {
          j = this.ws(this.stringEnd(j));
          if (this.text[j] !== ":") throw new Malformed();
          j = this.ws(j + 1);
        }
        j = this.ws(this.valueEnd(j));
        if (this.text[j] === ",") j = this.ws(j + 1);
        else if (this.text[j] === close) return j + 1;
        else throw new Malformed();
      }
    }
    const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(this.text.slice(i, i + 400));
    if (!m) throw new Malformed();
    return i + m[0].length;
  }

  /** The range of the child `seg` of the value at `i`, or null when it has none. */
  child(i: number, seg: PathSegment): TextRange | null {
    const ch = this.text[i];
    if (ch === "{" && typeof seg === "string") {
      let j = this.ws(i + 1);
      let found: TextRange | null = null;
      if (this.text[j] === "}") return null;
      for (;;) {
        const keyStart = j;
        const keyEnd = this.stringEnd(j);
        const key = JSON.parse(this.text.slice(keyStart, keyEnd)) as string;
        j = this.ws(keyEnd);
        if (this.text[j] !== ":") throw new Malformed();
        const start = this.ws(j + 1);
        const end = this.valueEnd(start);
        // JSON.parse keeps the last of duplicate keys; so does the validator, and so does this.
        if (key === seg) found = { start, end, keyStart };
        j = this.ws(end);
        if (this.text[j] === ",") j = this.ws(j + 1);
        else if (this.text[j] === "}") return found;
        else throw new Malformed();
      }
    }
    if (ch === "[" && typeof seg === "number") {
      let j = this.ws(i + 1);
      if (this.text[j] === "]") return null;
      for (let n = 0; ; n++) {
        const end = this.valueEnd(j);
        if (n === seg) return { start: j, end };
        j = this.ws(end);
        if (this.text[j] === ",") j = this.ws(j + 1);
        else return null;
      }
    }
    return null;
  }
}

/** The range of the value at `path` in a JSON text, or null when the path is not in it. */
export function pathRange(text: string, path: string): TextRange | null {
  const segments = parseJsonPath(path);
  if (!segments) return null;
  return nearest(text, segments, true)?.range ?? null;
}

/**
 * The value at `path`, or else at its deepest ancestor in the text (a missing required property
 * is reported at the node that lacks it; a path into a property that is not there lands on the
 * node). Null only when the text is not JSON or the path is malformed.
 */
export function nearestPathRange(
  text: string,
  path: string,
): { range: TextRange; path: string; exact: boolean } | null {
  const segments = parseJsonPath(path);
  if (!segments) return null;
  return nearest(text, segments, false);
}

function nearest(
  text: string,
  segments: PathSegment[],
  exactOnly: boolean,
): { range: TextRange; path: string; exact: boolean } | null {
  const s = new Scanner(text);
  try {
    const start = s.ws(text.charCodeAt(0) === 0xfeff ? 1 : 0);
    let range: TextRange = { start, end: s.valueEnd(start) };
    for (const [depth, seg] of segments.entries()) {
      const next = s.child(range.start, seg);
      if (!next) {
        if (exactOnly) return null;
        return { range, path: formatJsonPath(segments.slice(0, depth)), exact: false };
      }
      range = next;
    }
    return { range, path: formatJsonPath(segments), exact: true };
  } catch (e) {
    // RangeError: nesting too deep to scan (the validator reports that as its own finding).
    if (e instanceof Malformed || e instanceof SyntaxError || e instanceof RangeError) return null;
    throw e;
  }
}

/** 1-based line and column (in UTF-16 units) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The offset of a 1-based line and column (clamped to the text). */
export function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf("\n", at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  const lineEnd = text.indexOf("\n", at);
  return Math.min(at + Math.max(column - 1, 0), lineEnd < 0 ? text.length : lineEnd);
}

/**
 * Offsets of the text inside each `<script type="application/ld+json">` element of an HTML page,
 * in document order (the validator's `block` numbers them the same way). A lexical scan, enough
 * to place findings: script contents are raw text in HTML, so no entity is decoded.
 */
export function jsonLdScriptBlocks(html: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const open = /<script\b([^>]*)>/gi;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const type = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(m[1] ?? "");
    const value = (type?.[1] ?? type?.[2] ?? type?.[3] ?? "").split(";")[0]!.trim().toLowerCase();
    const start = m.index + m[0].length;
    const close = html.slice(start).search(/<\/script\s*>/i);
    const end = close < 0 ? html.length : start + close;
    if (value === "application/ld+json") out.push({ start, end });
    open.lastIndex = end;
  }
  return out;
}

/** Whether the validator's `auto` reads a text as HTML: its first non-space character is `<`. */
export function looksLikeHtml(text: string): boolean {
  return text.trimStart().startsWith("<");
}
