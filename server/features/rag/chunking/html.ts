import { parse, type DefaultTreeAdapterTypes } from "parse5";
import { decodeEntities } from "./entities";
import type { BlockKind, Segment } from "./types";

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Elements whose content is never indexed. */
const SKIP = new Set([
  "head",
  "script",
  "style",
  "noscript",
  "template",
  "nav",
  "footer",
  "svg",
  "math",
  "iframe",
  "object",
  "select",
  "textarea",
]);

/** Skipped elements that may sit inside a run of text without ending the paragraph. */
const SKIP_INLINE = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "iframe",
  "object",
  "select",
  "textarea",
]);

/** Phrasing elements: runs of these (and text) inside a container form an anonymous paragraph. */
const INLINE = new Set([
  "a",
  "abbr",
  "acronym",
  "b",
  "bdi",
  "bdo",
  "big",
  "br",
  "button",
  "cite",
  "code",
  "data",
  "del",
  "dfn",
  "em",
  "font",
  "i",
  "img",
  "input",
  "ins",
  "kbd",
  "label",
  "mark",
  "meter",
  "nobr",
  "output",
  "picture",
  "progress",
  "q",
  "s",
  "samp",
  "small",
  "span",
  "strike",
  "strong",
  "sub",
  "sup",
  "time",
  "tt",
  "u",
  "var",
  "wbr",
]);

const BLOCK_KIND: Record<string, BlockKind> = {
  h1: "heading",
  h2: "heading",
  h3: "heading",
  h4: "heading",
  h5: "heading",
  h6: "heading",
  p: "paragraph",
  ul: "list",
  ol: "list",
  li: "list",
  table: "table",
  pre: "code",
  blockquote: "quote",
};

/** Elements that break lines in the rendered text. */
const LINE_BREAKING = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tr",
  "ul",
  "caption",
]);

export interface HtmlBlock {
  kind: BlockKind;
  level?: number;
  start: number;
  end: number;
  /** The nodes making up the block (one element, or a run of inline siblings). */
  nodes: Node[];
}

function isElement(n: Node): n is Element {
  return "tagName" in n;
}

function span(n: Node): [number, number] | null {
  const loc = n.sourceCodeLocation;
  let s = loc ? loc.startOffset : Infinity;
  let e = loc ? loc.endOffset : -Infinity;
  if ("childNodes" in n && n.nodeName !== "#document") {
    for (const c of n.childNodes) {
      const cs = span(c);
      if (cs) {
        s = Math.min(s, cs[0]);
        e = Math.max(e, cs[1]);
      }
    }
  }
  return s < e ? [s, e] : null;
}

/** Parses HTML into blocks with offsets into the raw HTML. */
export function htmlBlocks(source: string): HtmlBlock[] {
  const doc = parse(source, { sourceCodeLocationInfo: true });
  const blocks: HtmlBlock[] = [];
  let run: Node[] = [];

  const flushRun = () => {
    const nodes = run;
    run = [];
    // Whitespace-only text at the edges of a run is layout, not content.
    const blank = (n: Node | undefined) => n?.nodeName === "#text" && "value" in n && n.value.trim() === "";
    while (blank(nodes[0])) nodes.shift();
    while (blank(nodes[nodes.length - 1])) nodes.pop();
    if (nodes.length === 0) return;
    let s = Infinity;
    let e = -Infinity;
    for (const n of nodes) {
      const sp = span(n);
      if (sp) {
        s = Math.min(s, sp[0]);
        e = Math.max(e, sp[1]);
      }
    }
    if (!(s < e)) return;
    // Trim raw whitespace at the edges of the run.
    while (s < e && /\s/.test(source[s] ?? "")) s++;
    while (e > s && /\s/.test(source[e - 1] ?? "")) e--;
    if (s < e) blocks.push({ kind: "paragraph", start: s, end: e, nodes });
  };

  const visit = (node: Node) => {
    if (node.nodeName === "#text") {
      run.push(node);
      return;
    }
    if (!isElement(node)) {
      if ("childNodes" in node) for (const c of node.childNodes) visit(c);
      return;
    }
    const tag = node.tagName;
    if (SKIP.has(tag)) {
      if (!SKIP_INLINE.has(tag)) flushRun();
      return;
    }
    if (INLINE.has(tag)) {
      run.push(node);
      return;
    }
    flushRun();
    const kind = BLOCK_KIND[tag];
    if (kind) {
      const sp = span(node);
      if (sp) {
        blocks.push({
          kind,
          ...(kind === "heading" ? { level: Number(tag.slice(1)) } : {}),
          start: sp[0],
          end: sp[1],
          nodes: [node],
        });
      }
      return;
    }
    for (const c of node.childNodes) visit(c);
    flushRun();
  };
  visit(doc);
  flushRun();

  // Malformed markup (foster parenting) can move nodes; keep blocks ordered and disjoint.
  blocks.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: HtmlBlock[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (prev && b.start < prev.end) {
      if (b.end <= prev.end) continue;
      b.start = prev.end;
    }
    out.push(b);
  }
  return out;
}

/**
 * Plain text of the part of `nodes` lying in [start, end) of the raw HTML: whitespace collapsed,
 * entities decoded, list items as "- item" (nested lists indented), table cells joined by " | ",
 * one row per line, `<pre>` content verbatim.
 */
export function renderHtml(source: string, nodes: Node[], start: number, end: number): string {
  const lines: string[] = [];
  let line = "";
  const newline = () => {
    if (line.trim() !== "") lines.push(line.replace(/\s+$/, ""));
    line = "";
  };
  const appendText = (text: string, pre: boolean) => {
    if (pre) {
      const parts = text.split("\n");
      parts.forEach((p, i) => {
        if (i > 0) newline();
        line += p;
      });
      return;
    }
    const t = text.replace(/\s+/g, " ");
    if (t === " " && (line === "" || line.endsWith(" "))) return;
    line += line === "" || line.endsWith(" ") ? t.replace(/^ /, "") : t;
  };

  const walk = (node: Node, pre: boolean, depth: number, row: { cells: number } | null) => {
    const sp = span(node);
    if (!sp || sp[1] <= start || sp[0] >= end) return;
    if (node.nodeName === "#text" && "value" in node) {
      const loc = node.sourceCodeLocation;
      if (!loc) return;
      const value =
        loc.startOffset >= start && loc.endOffset <= end
          ? node.value
          : decodeEntities(source.slice(Math.max(loc.startOffset, start), Math.min(loc.endOffset, end)));
      appendText(value, pre);
      return;
    }
    if (!isElement(node)) return;
    const tag = node.tagName;
    if (SKIP.has(tag)) return;
    const begins = sp[0] >= start; // the element starts inside the range
    if (tag === "br") {
      if (pre) newline();
      else appendText(" ", false);
      return;
    }
    if (tag === "td" || tag === "th") {
      if (row) {
        if (row.cells > 0 && begins) line = `${line.replace(/\s+$/, "")} | `;
        row.cells++;
      }
      for (const c of node.childNodes) walk(c, pre, depth, null);
      return;
    }
    if (tag === "tr") {
      newline();
      const r = { cells: 0 };
      for (const c of node.childNodes) walk(c, pre, depth, r);
      newline();
      return;
    }
    if (tag === "li") {
      newline();
      if (begins) line = `${"  ".repeat(depth)}- `;
      for (const c of node.childNodes) walk(c, pre, depth + 1, null);
      newline();
      return;
    }
    const breaks = LINE_BREAKING.has(tag);
    if (breaks) newline();
    const inPre = pre || tag === "pre";
    for (const c of node.childNodes) walk(c, inPre, depth, row);
    if (breaks) newline();
  };
  for (const n of nodes) walk(n, false, 0, null);
  newline();
  // A lone "-" is a list item whose text lies outside the range.
  return lines
    .map((l) => l.replace(/\s+$/, ""))
    .filter((l) => l !== "" && l.trim() !== "-")
    .join("\n");
}

/** Line-level units of an HTML block: table rows, top-level list items, `<pre>` lines. */
export function htmlLines(source: string, block: HtmlBlock): Segment[] {
  const el = block.nodes.length === 1 ? block.nodes[0] : undefined;
  const render = (s: number, e: number) => renderHtml(source, block.nodes, s, e);
  const fromNodes = (nodes: Node[]): Segment[] =>
    nodes.flatMap((n) => {
      const sp = span(n);
      return sp ? [{ start: sp[0], end: sp[1], text: render(sp[0], sp[1]) }] : [];
    });
  if (el && isElement(el)) {
    if (el.tagName === "table") return fromNodes(tableRows(el));
    if (el.tagName === "ul" || el.tagName === "ol") return fromNodes(el.childNodes.filter((c) => c.nodeName === "li"));
    if (el.tagName === "pre") return sourceLines(source, block.start, block.end, render);
  }
  return [{ start: block.start, end: block.end, text: render(block.start, block.end) }];
}

/** The rows of a table (not of tables nested in its cells). */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (n: Node) => {
    if (!isElement(n)) return;
    if (n.tagName === "tr") {
      rows.push(n);
      return;
    }
    if (n.tagName === "table" && n !== table) return;
    for (const c of n.childNodes) walk(c);
  };
  walk(table);
  return rows;
}

/** The header row of a table: the first row when it sits in <thead> or holds only <th> cells. */
export function tableHeaderRow(table: Element): Element | null {
  const first = tableRows(table)[0];
  if (!first) return null;
  const cells = first.childNodes.filter(isElement);
  const inHead = first.parentNode?.nodeName === "thead";
  return inHead || (cells.length > 0 && cells.every((c) => c.tagName === "th")) ? first : null;
}

function sourceLines(source: string, start: number, end: number, render: (s: number, e: number) => string): Segment[] {
  const out: Segment[] = [];
  const re = /[^\r\n]+/g;
  const slice = source.slice(start, end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const s = start + m.index;
    const e = s + m[0].length;
    const text = render(s, e);
    if (text.trim() !== "") out.push({ start: s, end: e, text });
  }
  return out;
}
