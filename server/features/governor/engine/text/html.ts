import { parse, parseFragment } from "parse5";
import type { DocumentFormat } from "../types";
import { type DocumentSink, DocumentSink as Sink, type ParsedDocument } from "./document";
import { appendDecoded } from "./entities";
import { TextBuilder } from "./mapped";

/** Block-level tags whose content Vale never lints (its `SkippedScopes` default, plus a few). */
export const DEFAULT_SKIPPED_TAGS = ["script", "style", "pre", "figure", "noscript", "iframe"];
/** Inline tags whose text Vale masks (its `IgnoredScopes` default). */
export const DEFAULT_IGNORED_INLINE = ["code", "tt", "kbd"];

const ALWAYS_SKIPPED = new Set(["template", "svg", "math", "textarea", "select", "object", "canvas"]);
const INLINE = new Set([
  "a",
  "abbr",
  "acronym",
  "b",
  "bdi",
  "bdo",
  "big",
  "br",
  "cite",
  "code",
  "data",
  "del",
  "dfn",
  "em",
  "i",
  "img",
  "ins",
  "kbd",
  "label",
  "mark",
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
const SCOPED: Record<string, string> = {
  h1: "text.heading.h1",
  h2: "text.heading.h2",
  h3: "text.heading.h3",
  h4: "text.heading.h4",
  h5: "text.heading.h5",
  h6: "text.heading.h6",
  li: "text.list",
  th: "text.table.header",
  td: "text.table.cell",
  caption: "text.table.caption",
  blockquote: "text.blockquote",
  figcaption: "text.figure.caption",
  title: "text.title",
};

export interface HtmlOptions {
  skippedTags?: readonly string[];
  ignoredInline?: readonly string[];
}

interface Loc {
  startOffset: number;
  endOffset: number;
  attrs?: Record<string, { startOffset: number; endOffset: number }>;
}
interface HNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  data?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HNode[];
  content?: HNode;
  sourceCodeLocation?: Loc | null;
}

class HtmlWalker {
  private current = new TextBuilder();
  private readonly scopeStack: string[] = [];
  private readonly skipped: Set<string>;
  private readonly masked: Set<string>;

  constructor(
    private readonly src: string,
    private readonly base: number,
    private readonly sink: DocumentSink,
    opts: HtmlOptions,
  ) {
    this.skipped = new Set([...(opts.skippedTags ?? DEFAULT_SKIPPED_TAGS), ...ALWAYS_SKIPPED]);
    this.masked = new Set(opts.ignoredInline ?? DEFAULT_IGNORED_INLINE);
  }

  private scope(): string {
    for (let i = this.scopeStack.length - 1; i >= 0; i--) {
      const s = SCOPED[this.scopeStack[i]!];
      if (s) return s;
    }
    return "text";
  }

  flush(): void {
    if (this.current.size > 0) {
      const scope = this.scope();
      this.sink.add(this.current.build(), scope, scope === "text");
      this.current = new TextBuilder();
    }
  }

  private text(node: HNode, mask: boolean): void {
    const loc = node.sourceCodeLocation;
    if (!loc) return;
    const start = this.base + loc.startOffset;
    const end = this.base + loc.endOffset;
    if (mask) {
      const raw = this.src.slice(start, end);
      this.current.appendAtomic(raw.replace(/[^\s]/g, "*"), start, end);
    } else {
      appendDecoded(this.current, this.src, start, end);
    }
  }

  private attrValue(node: HNode, name: string): [number, number] | null {
    const a = node.sourceCodeLocation?.attrs?.[name];
    if (!a) return null;
    const start = this.base + a.startOffset;
    const end = this.base + a.endOffset;
    const raw = this.src.slice(start, end);
    const m = /^[^=]*=\s*(["']?)/.exec(raw);
    if (!m) return null;
    return [start + m[0].length, end - (m[1] ? 1 : 0)];
  }

  walk(node: HNode, mask: boolean): void {
    const children = node.nodeName === "template" ? [] : (node.childNodes ?? []);
    for (const child of children) {
      const name = child.nodeName;
      if (name === "#text") {
        this.text(child, mask);
        continue;
      }
      if (name === "#comment") {
        this.sink.comment(child.data ?? "");
        continue;
      }
      if (name.startsWith("#")) continue;
      const tag = (child.tagName ?? name).toLowerCase();
      if (this.skipped.has(tag)) {
        this.sink.count(tag);
        continue;
      }
      if (tag === "img") {
        this.altBlock(child);
        continue;
      }
      if (tag === "br") {
        const at = child.sourceCodeLocation ? this.base + child.sourceCodeLocation.startOffset : 0;
        this.current.appendSynthetic("\n", at);
        continue;
      }
      if (INLINE.has(tag)) {
        if (tag === "a") {
          const href = child.attrs?.find((a) => a.name === "href")?.value;
          const textContent = collectText(child);
          if (href !== undefined && textContent.trim() === href.trim() && href.trim() !== "") {
            this.walk(child, true);
            continue;
          }
        }
        this.walk(child, mask || this.masked.has(tag));
        continue;
      }
      // Block-level element: text before it, inside it and after it are separate blocks.
      this.flush();
      this.scopeStack.push(tag);
      this.walk(child, mask);
      this.flush();
      this.scopeStack.pop();
    }
  }

  private altBlock(node: HNode): void {
    const range = this.attrValue(node, "alt");
    if (!range) return;
    const b = new TextBuilder();
    appendDecoded(b, this.src, range[0], range[1]);
    this.sink.add(b.build(), "text.attr.alt", false);
  }
}

function collectText(node: HNode): string {
  if (node.nodeName === "#text") return node.value ?? "";
  return (node.childNodes ?? []).map(collectText).join("");
}

/**
 * Extracts blocks from the HTML in `src[start:end]` into `sink`. With `fragment`, the range is parsed
 * as a fragment (HTML blocks inside Markdown); otherwise as a full document.
 */
export function extractHtml(
  src: string,
  sink: DocumentSink,
  opts: HtmlOptions = {},
  range: { start: number; end: number; fragment: boolean } = { start: 0, end: src.length, fragment: false },
): void {
  const slice = range.start === 0 && range.end === src.length ? src : src.slice(range.start, range.end);
  const root = (range.fragment
    ? parseFragment(slice, { sourceCodeLocationInfo: true })
    : parse(slice, { sourceCodeLocationInfo: true })) as unknown as HNode;
  const walker = new HtmlWalker(src, range.start, sink, opts);
  walker.walk(root, false);
  walker.flush();
}

export function parseHtmlDocument(
  src: string,
  opts: HtmlOptions = {},
  format: DocumentFormat = "html",
): ParsedDocument {
  const sink = new Sink("html");
  extractHtml(src, sink, opts);
  return sink.finish(src, format);
}
