/**
 * Source positions. JSON is parsed with the fast native `JSON.parse`; momoa (a JSON parser that
 * keeps locations) runs only when something needs a position: a syntax error, or findings to map
 * back to line/column and to the range the UI highlights.
 */
import { parse as parseWithLocations, type AnyNode, type DocumentNode, type ElementNode } from "@humanwhocodes/momoa";

import { parsePath } from "./paths";

export type SourceRange = { start: number; end: number };
export type LineColumn = { line: number; column: number };

/** Offset → 1-based line/column, by binary search over precomputed line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  at(offset: number): LineColumn {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] as number) + 1 };
  }
}

export type ParsedJson =
  { ok: true; value: unknown } | { ok: false; message: string; offset: number; line: number; column: number };

/** A byte-order mark is not JSON but common in saved files; it is skipped, offsets kept. */
function bomLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

export function parseJson(text: string): ParsedJson {
  const bom = bomLength(text);
  const body = bom ? text.slice(bom) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (nativeError) {
    return { ok: false, ...syntaxError(body, bom, nativeError) };
  }
}

function syntaxError(
  body: string,
  bom: number,
  nativeError: unknown,
): { message: string; offset: number; line: number; column: number } {
  if (body.trim() === "")
    return { message: "Empty input: expected a JSON-LD object", offset: bom, line: 1, column: 1 + bom };
  try {
    parseWithLocations(body);
  } catch (e) {
    // momoa errors carry line/column/offset; its message ends with "(line:column)", which we drop.
    const err = e as { message?: string; line?: number; column?: number; offset?: number };
    if (typeof err.line === "number" && typeof err.column === "number") {
      const message = (err.message ?? "Invalid JSON").replace(/\s*\(\d+:\d+\)\s*$/, "");
      return {
        message: `Invalid JSON: ${message}`,
        offset: (err.offset ?? 0) + bom,
        line: err.line,
        column: err.column + (err.line === 1 ? bom : 0),
      };
    }
  }
  // momoa accepted what JSON.parse refused (or overflowed): fall back to V8's position.
  const message = nativeError instanceof Error ? nativeError.message : String(nativeError);
  const m = /position (\d+)/.exec(message);
  const offset = (m ? Number(m[1]) : 0) + bom;
  const lc = new LineIndex(body).at(offset - bom);
  return { message: `Invalid JSON: ${message}`, offset, line: lc.line, column: lc.column + (lc.line === 1 ? bom : 0) };
}

/** Parses a JSON text once (with locations) and answers many path → range questions. */
export class PathLocator {
  private doc: DocumentNode | null | undefined;
  private readonly bom: number;

  constructor(private readonly text: string) {
    this.bom = bomLength(text);
  }

  private root(): DocumentNode | null {
    if (this.doc === undefined) {
      try {
        this.doc = parseWithLocations(this.bom ? this.text.slice(this.bom) : this.text);
      } catch {
        // Invalid JSON, or so deep that the recursive parser overflows: no positions.
        this.doc = null;
      }
    }
    return this.doc;
  }

  range(path: string): SourceRange | null {
    const segments = parsePath(path);
    const doc = segments ? this.root() : null;
    if (!segments || !doc) return null;
    let node: AnyNode = doc.body;
    for (const seg of segments) {
      if (typeof seg === "number") {
        if (node.type !== "Array") return null;
        const element: ElementNode | undefined = node.elements[seg];
        if (!element) return null;
        node = element.value;
      } else {
        if (node.type !== "Object") return null;
        // JSON.parse keeps the last of duplicate keys, so the last member is the one validated.
        let found: AnyNode | null = null;
        for (const member of node.members) {
          if (member.name.type === "String" && member.name.value === seg) found = member.value;
        }
        if (!found) return null;
        node = found;
      }
    }
    return { start: node.loc.start.offset + this.bom, end: node.loc.end.offset + this.bom };
  }
}

/** Source offsets of the value at `path` (the finding path format, see `paths.ts`) in a JSON text. */
export function pathRange(text: string, path: string): SourceRange | null {
  return new PathLocator(text).range(path);
}
