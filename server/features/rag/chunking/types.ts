/** Shared types of the structure-aware chunker. */

export type SourceFormat = "markdown" | "text" | "html";

export type BlockKind = "heading" | "paragraph" | "list" | "table" | "code" | "quote";

/**
 * One structural unit of a source document.
 *
 * Offset guarantee: `source.slice(start, end)` is exactly the block's source text
 * (Markdown syntax, HTML markup or plain text), trimmed of surrounding blank space.
 */
export interface Block {
  kind: BlockKind;
  /** The format of the source the block came from (decides how `plainText` reads `text`). */
  format: SourceFormat;
  /**
   * Markdown: the block's Markdown source (line endings normalised to `\n`).
   * Text: the paragraph's lines (line endings normalised, trailing spaces removed).
   * HTML: the visible text, whitespace collapsed, entities decoded; lists as `- item` lines,
   * table rows as `cell | cell` lines, `<pre>` content verbatim.
   */
  text: string;
  /** Heading level 1–6 (headings only). */
  level?: number;
  start: number;
  end: number;
}

/** A contiguous source range with the plain text it contributes. */
export interface Segment {
  start: number;
  end: number;
  text: string;
}

/** Per-block helpers the chunker needs to split blocks and build overlaps at exact offsets. */
export interface BlockInternals {
  /** The whole source document the block belongs to. */
  source: string;
  /** Line-level units: source lines (Markdown, text), table rows, list items, `<pre>` lines (HTML). */
  lines: Segment[];
  /** Plain text of any sub-range of the block. */
  render(start: number, end: number): string;
  /** Boundaries must not fall inside `<...>` tags (HTML sources). */
  tagAware: boolean;
  /** Plain text of a table's header row, repeated at the top of each piece of a split table. */
  header?: string;
}
