import { isControl } from "./decode";

/** The parts of a PDF.js `TextItem` the layout needs (kept structural so it is testable alone). */
export type PositionedText = {
  str: string;
  /** PDF.js text matrix `[a, b, c, d, x, y]`; y grows upwards. */
  transform: number[];
  height: number;
  /** PDF.js sets this on the last item of a line. */
  hasEOL: boolean;
};

/**
 * A vertical step between two lines larger than this many line heights is a paragraph break.
 * Body text is set at about 1.2× its font size; paragraph spacing or an empty line adds at least
 * half a line more.
 */
const PARAGRAPH_GAP = 1.5;

/**
 * Rebuilds one page's text from PDF.js text items: a line break where PDF.js marks the end of a
 * line or the baseline moves, and a blank line where the vertical gap says a new paragraph starts,
 * so the text chunker (which splits on blank lines) sees paragraphs rather than one long block.
 * Items arrive in content-stream order, which for generated PDFs is reading order; multi-column
 * layouts come out column by column when the producer wrote them that way.
 */
export function layoutPageText(items: readonly PositionedText[]): string {
  type Line = { text: string; y: number; height: number };
  const lines: Line[] = [];
  let current: Line | null = null;
  let endOfLine = false;

  for (const item of items) {
    const y = item.transform[5] ?? 0;
    // Some producers report height 0; the matrix's vertical scale is the font size then.
    const height = Math.max(item.height, Math.abs(item.transform[3] ?? 0), 1);
    if (item.str !== "") {
      const newBaseline = current !== null && Math.abs(y - current.y) > Math.max(height, current.height) / 2;
      if (current && (endOfLine || newBaseline)) {
        lines.push(current);
        current = null;
      }
      endOfLine = false;
      if (current) {
        current.text += item.str;
        current.height = Math.max(current.height, height);
      } else if (item.str.trim() !== "") {
        // Whitespace before a line's first word is spacing, not text.
        current = { text: item.str, y, height };
      }
    }
    if (item.hasEOL) endOfLine = true;
  }
  if (current) lines.push(current);

  const out: string[] = [];
  lines.forEach((line, i) => {
    const before = lines[i - 1];
    if (before && Math.abs(before.y - line.y) > PARAGRAPH_GAP * Math.max(before.height, line.height)) out.push("");
    out.push(line.text.trim());
  });
  return stripControls(out.join("\n")).trim();
}

/**
 * Drops control characters that broken font encodings leave in PDF text (NUL in particular, which
 * PostgreSQL refuses in text columns). Tabs and line breaks stay.
 */
function stripControls(text: string): string {
  let out = "";
  for (const ch of text) if (!isControl(ch.charCodeAt(0))) out += ch;
  return out;
}
