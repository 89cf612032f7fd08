import { htmlBlocks, htmlLines, renderHtml, tableHeaderRow, type HtmlBlock } from "./html";
import { frontMatterLength, lexMarkdownBlocks, markdownPlain, tableRow } from "./markdown";
import type { Block, BlockInternals, Segment, SourceFormat } from "./types";

export type { Block, BlockKind, SourceFormat } from "./types";

const internals = new WeakMap<Block, BlockInternals>();

/**
 * Turns a source into a flat, ordered list of non-overlapping blocks.
 *
 * - Markdown: top-level tokens of `marked` (headings, paragraphs, lists, tables, code, block quotes;
 *   HTML blocks become paragraphs of their visible text, comments are dropped). A leading YAML
 *   front matter block is skipped. Horizontal rules and link definitions produce no block.
 * - Text: paragraphs separated by blank lines. Nothing is guessed to be a heading; a paragraph whose
 *   every line starts with a bullet (`-`, `*`, `•`, `1.`, `1)`) is a list.
 * - HTML (parse5): h1–h6, p, ul/ol, table, pre, blockquote and stray li; other elements are
 *   containers whose loose inline content becomes paragraphs. head, script, style, noscript,
 *   template, nav, footer (and svg, math, iframe, object, select, textarea) are skipped.
 *
 * For every block `source.slice(block.start, block.end)` is the block's exact source text.
 */
export function parseBlocks(source: string, format: SourceFormat): Block[] {
  if (format === "html") return parseHtml(source);
  if (format === "markdown") {
    const raw = lexMarkdownBlocks(source);
    if (raw) {
      return raw.map((r) => {
        const block: Block = {
          kind: r.kind,
          format: "markdown",
          text: normalizeNewlines(source.slice(r.start, r.end)),
          ...(r.level !== undefined ? { level: r.level } : {}),
          start: r.start,
          end: r.end,
        };
        internals.set(block, markdownInternals(source, block));
        return block;
      });
    }
    // marked's token raws did not line up with the source: degrade to plain-text paragraphs
    // (format "text") rather than lie about offsets.
  }
  return parseText(source, format === "markdown" ? frontMatterLength(source) : 0);
}

/**
 * The text used for embedding: Markdown markup stripped (emphasis, code spans, links → link text,
 * images → alt text, entities decoded), list bullets as "- " (ordered lists keep their numbers),
 * table rows as "cell | cell", code without fences. Text and HTML blocks already hold plain text.
 */
export function plainText(block: Block): string {
  if (block.format === "markdown") return markdownPlain(block.kind, block.text);
  return block.text;
}

/** Helpers for splitting a block at exact offsets (used by the chunker). */
export function blockInternals(block: Block): BlockInternals {
  const found = internals.get(block);
  if (!found) throw new Error("blockInternals: the block was not produced by parseBlocks");
  return found;
}

function normalizeNewlines(s: string): string {
  return s.replace(/\r\n|\r/g, "\n");
}

/** Non-blank source lines in [start, end), trimmed, with offsets. */
function lineSegments(source: string, start: number, end: number, render: (s: number, e: number) => string) {
  const out: Segment[] = [];
  const slice = source.slice(start, end);
  const re = /[^\r\n]+/g;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const lead = m[0].length - m[0].trimStart().length;
    const trimmed = m[0].trim();
    if (trimmed === "") continue;
    const s = start + m.index + lead;
    const e = s + trimmed.length;
    const text = render(s, e);
    out.push({ start: s, end: e, text });
  }
  return out;
}

function markdownInternals(source: string, block: Block): BlockInternals {
  const render = (s: number, e: number) => markdownPlain(block.kind, source.slice(s, e));
  const lines = lineSegments(source, block.start, block.end, render).filter((l) => l.text !== "");
  const header =
    block.kind === "table" ? tableRow(source.slice(block.start, block.end).split(/\r\n|\r|\n/)[0] ?? "") : undefined;
  return { source, lines, render, tagAware: false, ...(header ? { header } : {}) };
}

const BULLET = /^\s*(?:[-*•]|\d{1,9}[.)])\s+\S/;

function parseText(source: string, from: number): Block[] {
  const blocks: Block[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  re.lastIndex = from;
  let paraStart = -1;
  let paraEnd = -1;
  const flush = () => {
    if (paraStart < 0) return;
    const start = paraStart;
    const end = paraEnd;
    paraStart = -1;
    const render = (s: number, e: number) => textPlain(source.slice(s, e));
    const text = render(start, end);
    const lines = lineSegments(source, start, end, render);
    const block: Block = {
      kind: lines.length > 0 && lines.every((l) => BULLET.test(l.text)) ? "list" : "paragraph",
      format: "text",
      text,
      start,
      end,
    };
    internals.set(block, { source, lines, render, tagAware: false });
    blocks.push(block);
  };
  for (let m = re.exec(source); m && m.index < source.length; m = re.exec(source)) {
    const lineText = m[0].replace(/[\r\n]+$/, "");
    if (lineText.trim() === "") {
      flush();
    } else {
      const lead = lineText.length - lineText.trimStart().length;
      if (paraStart < 0) paraStart = m.index + lead;
      paraEnd = m.index + lineText.trimEnd().length;
    }
    if (m[0] === "") break;
  }
  flush();
  return blocks;
}

function textPlain(s: string): string {
  return normalizeNewlines(s)
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .trim();
}

function parseHtml(source: string): Block[] {
  const out: Block[] = [];
  for (const hb of htmlBlocks(source)) {
    const render = (s: number, e: number) => renderHtml(source, hb.nodes, s, e);
    const text = render(hb.start, hb.end);
    if (text.trim() === "") continue;
    const block: Block = {
      kind: hb.kind,
      format: "html",
      text: hb.kind === "heading" ? text.replace(/\s+/g, " ") : text,
      ...(hb.level !== undefined ? { level: hb.level } : {}),
      start: hb.start,
      end: hb.end,
    };
    internals.set(block, {
      source,
      lines: htmlLines(source, hb).filter((l) => l.text.trim() !== ""),
      render,
      tagAware: true,
      ...htmlHeader(source, hb),
    });
    out.push(block);
  }
  return out;
}

function htmlHeader(source: string, hb: HtmlBlock): { header?: string } {
  const el = hb.nodes[0];
  if (hb.kind !== "table" || !el || !("tagName" in el)) return {};
  const row = tableHeaderRow(el);
  const loc = row?.sourceCodeLocation;
  if (!row || !loc) return {};
  const header = renderHtml(source, hb.nodes, loc.startOffset, loc.endOffset);
  return header ? { header } : {};
}
