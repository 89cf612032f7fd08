import { parseDocument, isMap, isScalar, isPair } from "yaml";
import { DocumentSink, type ParsedDocument } from "./document";
import { type HtmlOptions, extractHtml } from "./html";
import { type Line, scanInline } from "./inline";
import { TextBuilder } from "./mapped";

/**
 * A line-oriented Markdown (CommonMark + GFM tables) block parser that keeps exact source
 * offsets through container markers (`>`, list indentation). It only needs to find prose, so it
 * is lenient: anything it does not recognise is treated as a paragraph.
 */

export interface MarkdownOptions extends HtmlOptions {
  /** Lint string values of YAML front matter as `text.frontmatter.<key>` blocks (Vale 3 does). Default: skip. */
  lintFrontMatter?: boolean;
}

type Container = "root" | "quote" | "list";

const RE_ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const RE_HR = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const RE_SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const RE_QUOTE = /^ {0,3}>/;
const RE_BULLET = /^( {0,3})([*+-])([ \t]+|$)/;
const RE_ORDERED = /^( {0,3})(\d{1,9})([.)])([ \t]+|$)/;
const RE_FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const RE_LINKDEF = /^ {0,3}\[(?:[^\]\\\n]|\\.)+\]:[ \t]*\S/;
const RE_TABLE_DELIM = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const RE_HTML_COMMENT = /^ {0,3}<!--/;
const RE_HTML_RAW = /^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)/i;
const RE_HTML_BLOCK_TAG =
  /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s/>]|$)/i;
const RE_HTML_LONE_TAG = /^ {0,3}<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>[ \t]*$/;

class MarkdownParser {
  constructor(
    private readonly src: string,
    private readonly sink: DocumentSink,
    private readonly opts: MarkdownOptions,
  ) {}

  private text(l: Line): string {
    return this.src.slice(l.start, l.end);
  }

  private isBlank(l: Line): boolean {
    return this.firstNonBlank(l) < 0;
  }

  /** Code of the first character that is not a space or tab, or -1. */
  private firstNonBlank(l: Line): number {
    for (let i = l.start; i < l.end; i++) {
      const c = this.src.charCodeAt(i);
      if (c !== 32 && c !== 9) return c;
    }
    return -1;
  }

  /**
   * Does the line start (after spaces and tabs) with a letter? Then no block marker can match
   * it: they all start with one of `#>*+-_=|:[<\`~` or a digit.
   */
  private startsWithLetter(l: Line): boolean {
    const c = this.firstNonBlank(l);
    return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 128;
  }

  /** Leading indentation in columns (tabs to multiples of 4). */
  private indent(l: Line): number {
    let col = 0;
    for (let i = l.start; i < l.end; i++) {
      const c = this.src[i];
      if (c === " ") col++;
      else if (c === "\t") col += 4 - (col % 4);
      else break;
    }
    return col;
  }

  /** Drops `n` columns of leading whitespace. */
  private stripCols(l: Line, n: number): Line {
    let col = 0;
    let i = l.start;
    while (i < l.end && col < n) {
      const c = this.src[i];
      if (c === " ") col++;
      else if (c === "\t") col += 4 - (col % 4);
      else break;
      i++;
    }
    return { start: i, end: l.end };
  }

  /** Does this line start a block that interrupts a paragraph? */
  private interrupts(l: Line): boolean {
    if (this.startsWithLetter(l)) return false;
    const t = this.text(l);
    if (RE_ATX.test(t) || RE_QUOTE.test(t) || RE_HR.test(t) || RE_FENCE.test(t)) return true;
    if (RE_HTML_COMMENT.test(t) || RE_HTML_RAW.test(t) || RE_HTML_BLOCK_TAG.test(t)) return true;
    const b = RE_BULLET.exec(t);
    if (b && b[3] !== "") return true;
    const o = RE_ORDERED.exec(t);
    return o !== null && o[2] === "1" && o[4] !== "";
  }

  parse(lines: Line[], container: Container): void {
    let i = 0;
    while (i < lines.length) {
      const line = lines[i]!;
      if (this.isBlank(line)) {
        i++;
        continue;
      }
      // Indented code block.
      if (this.indent(line) >= 4) {
        i++;
        while (i < lines.length && (this.isBlank(lines[i]!) || this.indent(lines[i]!) >= 4)) i++;
        this.sink.count("pre");
        continue;
      }
      if (this.startsWithLetter(line)) {
        i = this.paragraph(lines, i, container);
        continue;
      }
      const t = this.text(line);
      const fence = RE_FENCE.exec(t);
      if (fence && !(fence[2]![0] === "`" && fence[3]!.includes("`"))) {
        const ch = fence[2]![0]!;
        const len = fence[2]!.length;
        const close = new RegExp(`^ {0,3}\\${ch}{${len},}[ \\t]*$`);
        i++;
        while (i < lines.length && !close.test(this.text(lines[i]!))) i++;
        i++;
        this.sink.count("pre");
        continue;
      }
      const atx = RE_ATX.exec(t);
      if (atx) {
        this.heading(line, atx[0].length, atx[1]!.length);
        i++;
        continue;
      }
      if (RE_HR.test(t)) {
        i++;
        continue;
      }
      if (RE_QUOTE.test(t)) {
        i = this.blockquote(lines, i);
        continue;
      }
      const bullet = RE_BULLET.exec(t);
      const ordered = bullet ? null : RE_ORDERED.exec(t);
      if (bullet || ordered) {
        i = this.listItem(lines, i, bullet, ordered);
        continue;
      }
      if (RE_HTML_COMMENT.test(t) || RE_HTML_RAW.test(t) || RE_HTML_BLOCK_TAG.test(t) || RE_HTML_LONE_TAG.test(t)) {
        i = this.htmlBlock(lines, i);
        continue;
      }
      i = this.paragraph(lines, i, container);
    }
  }

  private heading(line: Line, markerLen: number, level: number): void {
    let start = line.start + markerLen;
    let end = line.end;
    const src = this.src;
    while (start < end && (src[start] === " " || src[start] === "\t")) start++;
    while (end > start && (src[end - 1] === " " || src[end - 1] === "\t")) end--;
    // Optional closing sequence of #s (preceded by a space).
    let e = end;
    while (e > start && src[e - 1] === "#") e--;
    if (e < end && (e === start || src[e - 1] === " " || src[e - 1] === "\t")) end = e;
    this.inline([{ start, end }], `text.heading.h${level}`, false);
  }

  private inline(lines: Line[], scope: string, paragraph: boolean): void {
    const r = scanInline(this.src, lines);
    for (const c of r.comments) this.sink.comment(c);
    this.sink.add(r.text, scope, paragraph);
    for (const alt of r.alts) this.sink.add(alt, "text.attr.alt", false);
  }

  private blockquote(lines: Line[], i: number): number {
    const inner: Line[] = [];
    let prevParagraph = false;
    while (i < lines.length) {
      const l = lines[i]!;
      const t = this.text(l);
      const m = RE_QUOTE.exec(t);
      if (m) {
        let start = l.start + m[0].length;
        if (this.src[start] === " " || this.src[start] === "\t") start++;
        const stripped = { start, end: l.end };
        inner.push(stripped);
        prevParagraph = !this.isBlank(stripped);
        i++;
        continue;
      }
      // Lazy continuation of a paragraph inside the quote.
      if (prevParagraph && !this.isBlank(l) && !this.interrupts(l)) {
        inner.push(l);
        i++;
        continue;
      }
      break;
    }
    this.parse(inner, "quote");
    return i;
  }

  private listItem(lines: Line[], i: number, bullet: RegExpExecArray | null, ordered: RegExpExecArray | null): number {
    const first = lines[i]!;
    const indentLen = (bullet ? bullet[1]! : ordered![1]!).length;
    const markerLen = bullet ? 1 : ordered![2]!.length + 1;
    const spaces = (bullet ? bullet[3]! : ordered![4]!).length;
    const contentCols = indentLen + markerLen + (spaces === 0 || spaces > 4 ? 1 : spaces);
    const inner: Line[] = [];
    const firstContent = { start: first.start + indentLen + markerLen + Math.min(spaces, 4), end: first.end };
    inner.push(firstContent.start > first.end ? { start: first.end, end: first.end } : firstContent);
    let prevParagraph = !this.isBlank(inner[0]!);
    i++;
    while (i < lines.length) {
      const l = lines[i]!;
      if (this.isBlank(l)) {
        inner.push(l);
        prevParagraph = false;
        i++;
        continue;
      }
      if (this.indent(l) >= contentCols) {
        const stripped = this.stripCols(l, contentCols);
        inner.push(stripped);
        prevParagraph = true;
        i++;
        continue;
      }
      if (prevParagraph && !this.interrupts(l)) {
        inner.push(this.stripCols(l, 3));
        i++;
        continue;
      }
      break;
    }
    this.parse(inner, "list");
    return i;
  }

  private htmlBlock(lines: Line[], i: number): number {
    const startIdx = i;
    const t = this.text(lines[i]!);
    let endIdx: number;
    if (RE_HTML_COMMENT.test(t)) {
      let j = i;
      while (j < lines.length && !this.text(lines[j]!).includes("-->")) j++;
      endIdx = Math.min(j, lines.length - 1);
    } else {
      const raw = RE_HTML_RAW.exec(t);
      if (raw) {
        const closeTag = `</${raw[1]!.toLowerCase()}>`;
        let j = i;
        while (j < lines.length && !this.text(lines[j]!).toLowerCase().includes(closeTag)) j++;
        endIdx = Math.min(j, lines.length - 1);
      } else {
        let j = i;
        while (j + 1 < lines.length && !this.isBlank(lines[j + 1]!)) j++;
        endIdx = j;
      }
    }
    const block = lines.slice(startIdx, endIdx + 1);
    const contiguous = block.every((l, k) => k === 0 || l.start <= block[k - 1]!.end + 2);
    if (contiguous) {
      extractHtml(this.src, this.sink, this.opts, {
        start: block[0]!.start,
        end: block[block.length - 1]!.end,
        fragment: true,
      });
    } else {
      for (const l of block)
        extractHtml(this.src, this.sink, this.opts, { start: l.start, end: l.end, fragment: true });
    }
    return endIdx + 1;
  }

  private paragraph(lines: Line[], i: number, container: Container): number {
    const para: Line[] = [];
    while (i < lines.length) {
      const l = lines[i]!;
      if (this.isBlank(l)) break;
      if (para.length > 0 && !this.startsWithLetter(l)) {
        const t = this.text(l);
        const setext = RE_SETEXT.exec(t);
        if (setext) {
          this.inline(this.trimLines(para), `text.heading.h${setext[1]![0] === "=" ? 1 : 2}`, false);
          return i + 1;
        }
        if (this.interrupts(l)) break;
        // GFM table: header row followed by a delimiter row.
        if (para.length === 1 && RE_TABLE_DELIM.test(t) && (t.includes("|") || this.text(para[0]!).includes("|"))) {
          return this.table(lines, i - 1);
        }
      }
      para.push(l);
      i++;
    }
    // Link reference definitions at the start of a paragraph are not prose.
    let k = 0;
    while (k < para.length && !this.startsWithLetter(para[k]!) && RE_LINKDEF.test(this.text(para[k]!))) k++;
    const body = para.slice(k);
    if (body.length > 0) {
      const scope = container === "quote" ? "text.blockquote" : container === "list" ? "text.list" : "text";
      this.inline(this.trimLines(body), scope, container === "root");
    }
    return i;
  }

  private trimLines(lines: Line[]): Line[] {
    return lines.map((l) => {
      let s = l.start;
      while (s < l.end && (this.src[s] === " " || this.src[s] === "\t")) s++;
      return { start: s, end: l.end };
    });
  }

  private table(lines: Line[], headerIdx: number): number {
    this.tableRow(lines[headerIdx]!, "text.table.header");
    let i = headerIdx + 2;
    while (i < lines.length) {
      const l = lines[i]!;
      if (this.isBlank(l) || (this.interrupts(l) && !this.text(l).includes("|"))) break;
      this.tableRow(l, "text.table.cell");
      i++;
    }
    return i;
  }

  private tableRow(line: Line, scope: string): void {
    const src = this.src;
    let cellStart = line.start;
    let i = line.start;
    while (i < line.end && (src[i] === " " || src[i] === "\t")) i++;
    if (src[i] === "|") cellStart = i + 1;
    const cells: Line[] = [];
    let inCode = 0;
    for (let j = cellStart; j < line.end; j++) {
      const c = src[j];
      if (c === "\\") {
        j++;
        continue;
      }
      if (c === "`") {
        let n = 0;
        while (src[j + n] === "`") n++;
        inCode = inCode === n ? 0 : inCode === 0 ? n : inCode;
        j += n - 1;
        continue;
      }
      if (c === "|" && inCode === 0) {
        cells.push({ start: cellStart, end: j });
        cellStart = j + 1;
      }
    }
    if (cellStart < line.end && src.slice(cellStart, line.end).trim() !== "")
      cells.push({ start: cellStart, end: line.end });
    for (const cell of cells) {
      const [trimmed] = this.trimLines([cell]);
      this.inline([trimmed!], scope, false);
    }
  }
}

/** Splits a source into lines (`\n`, `\r\n` or `\r`), without the line breaks. */
export function splitLines(src: string, from = 0, to = src.length): Line[] {
  const lines: Line[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const c = src.charCodeAt(i);
    if (c === 10) {
      lines.push({ start, end: i });
      start = i + 1;
    } else if (c === 13) {
      lines.push({ start, end: i });
      if (src.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ start, end: to });
  return lines;
}

/** Returns the end offset of YAML/TOML front matter at the start of `src`, or 0. */
function frontMatterEnd(src: string): { end: number; bodyStart: number; bodyEnd: number; yaml: boolean } | null {
  const m = /^(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n/.exec(src);
  if (!m) return null;
  const fence = m[1]!;
  const closeRe = fence === "---" ? /^(?:---|\.\.\.)[ \t]*$/gm : /^\+\+\+[ \t]*$/gm;
  closeRe.lastIndex = m[0].length;
  const c = closeRe.exec(src);
  if (!c) return null;
  let end = c.index + c[0].length;
  if (src[end] === "\r") end++;
  if (src[end] === "\n") end++;
  return { end, bodyStart: m[0].length, bodyEnd: c.index, yaml: fence === "---" };
}

function lintFrontMatter(src: string, fm: { bodyStart: number; bodyEnd: number }, sink: DocumentSink): void {
  const body = src.slice(fm.bodyStart, fm.bodyEnd);
  const doc = parseDocument(body, { keepSourceTokens: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return;
  for (const item of doc.contents.items) {
    if (!isPair(item) || !isScalar(item.key) || !isScalar(item.value)) continue;
    const v = item.value;
    if (typeof v.value !== "string" || !v.range) continue;
    let [a, b] = v.range;
    const raw = body.slice(a, b);
    if (raw.startsWith('"') || raw.startsWith("'")) {
      a++;
      b = Math.max(a, b - 1);
    }
    const tb = new TextBuilder();
    tb.append(body.slice(a, b), fm.bodyStart + a);
    sink.add(tb.build(), `text.frontmatter.${String(item.key.value)}`, false);
  }
}

export function parseMarkdown(src: string, opts: MarkdownOptions = {}, ext = "md"): ParsedDocument {
  const sink = new DocumentSink(ext);
  let from = 0;
  const fm = frontMatterEnd(src);
  if (fm) {
    if (opts.lintFrontMatter && fm.yaml) lintFrontMatter(src, fm, sink);
    from = fm.end;
  } else if (src.charCodeAt(0) === 0xfeff) {
    from = 1;
  }
  const parser = new MarkdownParser(src, sink, opts);
  parser.parse(splitLines(src, from), "root");
  return sink.finish(src, "markdown");
}
