import type { DocumentFormat } from "../types";
import { type MappedText, TextBuilder } from "./mapped";

/** State of in-document `<!-- vale ... -->` comments at a block. */
export interface ControlState {
  readonly off: boolean;
  /** Rules (`Style.Rule`) and styles (`Style`) switched off with `vale X = NO`. */
  readonly disabled: ReadonlySet<string>;
}

export const CONTROL_ON: ControlState = { off: false, disabled: new Set() };

/** Applies one `vale ...` comment (text inside `<!-- -->`) to a state; returns the new state. */
export function applyControlComment(state: ControlState, comment: string): ControlState {
  const c = comment.trim();
  if (c === "vale off") return { off: true, disabled: state.disabled };
  if (c === "vale on") return { off: false, disabled: state.disabled };
  const m = /^vale ([^\s=]+) = (YES|NO|on|off)$/.exec(c);
  if (m) {
    const next = new Set(state.disabled);
    if (m[2] === "NO" || m[2] === "off") next.add(m[1]!);
    else next.delete(m[1]!);
    return { off: state.off, disabled: next };
  }
  return state;
}

export function isDisabled(state: ControlState, rule: string, style: string): boolean {
  return state.off || state.disabled.has(rule) || state.disabled.has(style);
}

/** A scoped piece of prose: a paragraph, heading, list item, table cell, blockquote, alt text... */
export interface Block {
  text: MappedText;
  /** Scope sections, e.g. `["text", "heading", "h1", "md"]`. */
  sections: string[];
  /** A plain prose paragraph: Vale's `paragraph` scope applies to it. */
  paragraph: boolean;
  control: ControlState;
}

export interface ParsedDocument {
  source: string;
  format: DocumentFormat;
  /** Blocks in document order. */
  blocks: Block[];
  /** Vale's `summary`: paragraphs, list items and blockquotes joined by blank lines. */
  summary: MappedText;
  /** Structural counts for `metric` rules: `pre`, `list`, `blockquote`, `heading.h1`... */
  counts: Record<string, number>;
}

/** Collects blocks while a parser walks a document. */
export class DocumentSink {
  readonly blocks: Block[] = [];
  readonly counts: Record<string, number> = {};
  control: ControlState = CONTROL_ON;
  private readonly sectionsByScope = new Map<string, string[]>();

  constructor(private readonly ext: string) {}

  count(key: string, n = 1): void {
    this.counts[key] = (this.counts[key] ?? 0) + n;
  }

  comment(text: string): void {
    this.control = applyControlComment(this.control, text);
  }

  /** Adds a block unless it is blank. `scope` is a Vale scope like `text.heading.h2`. */
  add(text: MappedText, scope: string, paragraph: boolean): void {
    const trimmed = text.trim();
    if (trimmed.text.length === 0) return;
    // Blocks of one scope share their sections array (never modified).
    let sections = this.sectionsByScope.get(scope);
    if (!sections) {
      sections = scope.split(".");
      if (this.ext) sections.push(this.ext);
      this.sectionsByScope.set(scope, sections);
    }
    this.blocks.push({ text: trimmed, sections, paragraph, control: this.control });
    const kind = scope.startsWith("text.") ? scope.slice(5) : "";
    if (kind && !kind.startsWith("table") && !kind.startsWith("attr") && !kind.startsWith("frontmatter")) {
      this.count(kind);
    }
  }

  finish(source: string, format: DocumentFormat): ParsedDocument {
    // Vale's summary holds paragraphs, list items and blockquotes (not headings or tables).
    const summary = new TextBuilder();
    for (const b of this.blocks) {
      const s = b.sections;
      const inSummary =
        s[0] === "text" && (s.length === 1 || s[1] === "list" || s[1] === "blockquote" || s[1] === this.ext);
      if (!inSummary) continue;
      if (summary.size > 0) summary.appendSynthetic("\n\n", b.text.sourceStart(0));
      summary.appendMapped(b.text);
    }
    return { source, format, blocks: this.blocks, summary: summary.build(), counts: this.counts };
  }
}
