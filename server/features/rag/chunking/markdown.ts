import { Marked, type Token, type Tokens } from "marked";
import { collapse, decodeEntities, htmlSnippetText } from "./entities";
import type { BlockKind } from "./types";

/** A private Marked instance: extensions registered elsewhere with `marked.use()` cannot change our tokens. */
const md = new Marked({ gfm: true, breaks: false, pedantic: false });

export interface RawMarkdownBlock {
  kind: BlockKind;
  level?: number;
  /** Offsets into the original source. */
  start: number;
  end: number;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Length of a leading YAML front matter block (`---` … `---`), 0 when there is none. */
export function frontMatterLength(source: string): number {
  const m = FRONT_MATTER.exec(source);
  if (m) return m[0].length;
  return source.startsWith("\uFEFF") ? 1 : 0;
}

/**
 * Lexes Markdown into top-level blocks with offsets into `source`.
 *
 * marked only normalises line endings (`\r\n`/`\r` → `\n`) before lexing, and the `raw` of the
 * top-level tokens concatenates back to the normalised text; we map normalised offsets back to the
 * original ones. Returns `null` when the raws do not line up (the caller falls back to plain text).
 */
export function lexMarkdownBlocks(source: string): RawMarkdownBlock[] | null {
  const base = frontMatterLength(source);
  const body = source.slice(base);
  const norm = body.replace(/\r\n|\r/g, "\n");
  // map[i] = offset in `body` of normalised character i (map[norm.length] = body.length)
  const map = new Int32Array(norm.length + 1);
  for (let i = 0, j = 0; i < norm.length; i++, j++) {
    map[i] = j;
    if (body.charCodeAt(j) === 13 && body.charCodeAt(j + 1) === 10) j++;
  }
  map[norm.length] = body.length;

  const tokens = md.lexer(norm);
  const blocks: RawMarkdownBlock[] = [];
  let pos = 0;
  for (const token of tokens) {
    const raw = token.raw;
    if (!norm.startsWith(raw, pos)) return null;
    let s = pos;
    let e = pos + raw.length;
    pos = e;
    const kind = kindOf(token);
    if (!kind) continue;
    // Leading blank lines never belong to a block; leading spaces do only for indented code.
    if (kind === "code") {
      const lastNl = /^\s*\n/.exec(norm.slice(s, e));
      if (lastNl) s += lastNl[0].length;
    } else {
      while (s < e && /\s/.test(norm[s] ?? "")) s++;
    }
    while (e > s && /\s/.test(norm[e - 1] ?? "")) e--;
    if (e <= s) continue;
    if (token.type === "html" && htmlSnippetText(norm.slice(s, e)) === "") continue; // comments, empty tags
    blocks.push({
      kind,
      ...(token.type === "heading" ? { level: (token as Tokens.Heading).depth } : {}),
      start: base + (map[s] ?? 0),
      end: base + (map[e] ?? 0),
    });
  }
  if (pos !== norm.length) return null;
  return blocks;
}

function kindOf(token: Token): BlockKind | null {
  switch (token.type) {
    case "space":
    case "hr":
    case "def":
      return null;
    case "heading":
      return "heading";
    case "list":
      return "list";
    case "table":
      return "table";
    case "code":
      return "code";
    case "blockquote":
      return "quote";
    default:
      return "paragraph"; // paragraph, text, html and anything an extension might produce
  }
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const TABLE_DELIMITER = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$/;

/** Plain text (for embedding) of Markdown source belonging to a block of the given kind. */
export function markdownPlain(kind: BlockKind, markdown: string): string {
  const src = markdown.replace(/\r\n|\r/g, "\n");
  if (kind === "table")
    return src
      .split("\n")
      .map(tableRow)
      .filter((r) => r !== "")
      .join("\n");
  if (kind === "code") {
    const lines = src.split("\n");
    if (lines.length > 0 && FENCE.test(lines[0] ?? "")) lines.shift();
    if (lines.length > 0 && FENCE.test(lines[lines.length - 1] ?? "")) lines.pop();
    return lines.join("\n").replace(/^\n+|\s+$/g, "");
  }
  return tidy(blocksText(md.lexer(src)));
}

/** One table row as `cell | cell`; the delimiter row yields "". */
export function tableRow(line: string): string {
  const t = line.trim();
  if (t === "" || TABLE_DELIMITER.test(t)) return "";
  const cells = t.split(/(?<!\\)\|/);
  if (cells.length > 1 && cells[0]?.trim() === "") cells.shift();
  if (cells.length > 1 && cells[cells.length - 1]?.trim() === "") cells.pop();
  return cells
    .map((c) => collapse(blocksText(md.lexer(c.trim().replace(/\\\|/g, "|")))))
    .join(" | ")
    .trim();
}

function tidy(s: string): string {
  return s
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\n+$/g, "");
}

function blocksText(tokens: Token[]): string {
  const out: string[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case "space":
      case "hr":
      case "def":
      case "checkbox":
        break;
      case "heading":
      case "paragraph":
        out.push(inlineText((t as Tokens.Heading | Tokens.Paragraph).tokens));
        break;
      case "text": {
        const tt = t as Tokens.Text;
        out.push(tt.tokens ? inlineText(tt.tokens) : textValue(tt.text));
        break;
      }
      case "code":
        out.push((t as Tokens.Code).text);
        break;
      case "blockquote":
        out.push(blocksText((t as Tokens.Blockquote).tokens));
        break;
      case "list":
        out.push(listText(t as Tokens.List));
        break;
      case "table": {
        const tt = t as Tokens.Table;
        const row = (cells: Tokens.TableCell[]) => cells.map((c) => collapse(inlineText(c.tokens))).join(" | ");
        out.push([row(tt.header), ...tt.rows.map(row)].join("\n"));
        break;
      }
      case "html":
        out.push(htmlSnippetText(t.raw));
        break;
      default:
        out.push("text" in t && typeof t.text === "string" ? t.text : t.raw);
    }
  }
  return out.filter((s) => s !== "").join("\n");
}

function listText(list: Tokens.List): string {
  const lines: string[] = [];
  for (const item of list.items) {
    // Keep the author's own number for ordered lists ("3)" stays "3)"); bullets become "- ".
    const marker = list.ordered ? (/^\s*(\d{1,9}[.)])/.exec(item.raw)?.[1] ?? "1.") : "-";
    const task = item.task ? (item.checked ? "[x] " : "[ ] ") : "";
    const content = blocksText(item.tokens).split("\n");
    lines.push(`${marker} ${task}${content[0] ?? ""}`);
    for (const rest of content.slice(1)) lines.push(`  ${rest}`);
  }
  return lines.join("\n");
}

function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return "";
  let out = "";
  for (const t of tokens) {
    switch (t.type) {
      case "text": {
        const tt = t as Tokens.Text;
        out += tt.tokens ? inlineText(tt.tokens) : textValue(tt.text);
        break;
      }
      case "escape":
      case "codespan":
        out += (t as Tokens.Escape | Tokens.Codespan).text;
        break;
      case "image":
        out += (t as Tokens.Image).text;
        break;
      case "br":
        out += "\n";
        break;
      case "html":
      case "checkbox":
        break;
      default:
        if ("tokens" in t && Array.isArray(t.tokens)) out += inlineText(t.tokens as Token[]);
        else out += "text" in t && typeof t.text === "string" ? t.text : t.raw;
    }
  }
  return out;
}

/** Literal text: entities decoded, unresolved reference links (`[text][ref]`) reduced to their text. */
function textValue(s: string): string {
  return decodeEntities(s).replace(/\[([^\]\n]+)\]\[[^\]\n]*\]/g, "$1");
}
