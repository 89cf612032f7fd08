/**
 * The texts a JSON-LD report's findings point into, and where each finding is in them: pure, so
 * the studio's report view and its tests share it.
 */
import { jsonLdScriptBlocks, lineColumn, looksLikeHtml, nearestPathRange, offsetOf } from "@/lib/jsonld-path";
import type { JsonLdFinding, JsonLdInputKind } from "@/lib/schemas/jsonld";

export type HighlightRange = { start: number; end: number };

/** A JSON text shown beside the findings: one per document (an HTML page has one per script block). */
export type JsonSource = {
  /** e.g. "Block 2" for the second script block of a page. */
  label?: string;
  text: string;
  /** The text is valid JSON: findings are placed by their JSONPath (else by line:column). */
  parsed: boolean;
  /** The text was reformatted for reading (it came minified): its lines are not the source's. */
  formatted?: boolean;
  /** Raw text only: the text that was validated and where this one starts in it (line:column findings). */
  origin?: { text: string; offset: number };
  /** Line number of the text's first line in what was validated. */
  firstLine?: number;
};

export type Located = { source: number; range: HighlightRange; exact: boolean; path: string };

/** Where a finding is in the texts shown: by its path in a pretty-printed document, else by line:column. */
export function locateFinding(sources: JsonSource[], f: JsonLdFinding): Located | null {
  const index = f.block ?? 0;
  const src = sources[index];
  if (!src) return null;
  if (src.parsed) {
    const n = nearestPathRange(src.text, f.path);
    if (n)
      return {
        source: index,
        range: { start: n.range.keyStart ?? n.range.start, end: n.range.end },
        exact: n.exact,
        path: n.path,
      };
  }
  if (f.line === undefined) return null;
  const column = f.column ?? 1;
  let at = offsetOf(src.text, f.line, column);
  if (src.origin) {
    // The validator counts lines in the whole page; fall back to the block's own lines.
    const inPage = offsetOf(src.origin.text, f.line, column) - src.origin.offset;
    if (inPage >= 0 && inPage <= src.text.length) at = inPage;
  }
  const lineEnd = src.text.indexOf("\n", at);
  let end = lineEnd < 0 ? src.text.length : lineEnd;
  let start = at;
  if (end === start) {
    // The end of a line (or of the text): mark the character before, so something shows.
    if (start > 0) start -= 1;
    else end = Math.min(src.text.length, 1);
  }
  return { source: index, range: { start, end }, exact: true, path: f.path };
}

/**
 * A text as pasted when it has lines of its own (line numbers then match the source and the
 * validator's line:column); a minified document is formatted for reading instead. Text that is
 * no JSON is shown as it is, its findings placed by line:column.
 */
function source(text: string, origin: { text: string; offset: number }, label?: string): JsonSource {
  const firstLine = lineColumn(origin.text, origin.offset).line;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { label, text, parsed: false, origin, firstLine };
  }
  if (text.trim().includes("\n")) return { label, text, parsed: true, origin, firstLine };
  return { label, text: JSON.stringify(doc, null, 2), parsed: true, formatted: true };
}

/** What the report's findings point into: the document, or each script block of a page. */
export function sourcesOf(text: string, kind: JsonLdInputKind): JsonSource[] {
  const html = kind === "html" || (kind === "auto" && looksLikeHtml(text));
  if (!html) return [source(text.replace(/^\uFEFF/, ""), { text, offset: text.charCodeAt(0) === 0xfeff ? 1 : 0 })];
  const blocks = jsonLdScriptBlocks(text);
  return blocks.map((b, i) =>
    source(
      text.slice(b.start, b.end),
      { text, offset: b.start },
      blocks.length > 1 ? `Block ${i + 1}` : "Script block",
    ),
  );
}
