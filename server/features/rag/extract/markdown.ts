import { plainText, type Block } from "../chunking";
// The chunker's own definition of front matter, so the block we read the title from is exactly the
// block it skips when indexing (not part of the chunking package's public index on purpose: it is
// a Markdown detail; importing it keeps the two from drifting apart).
import { frontMatterLength } from "../chunking/markdown";

/**
 * Title of a Markdown document: the front matter's `title`, else the first level-1 heading (ATX
 * `# Title` or setext `Title\n===`, read from the chunker's blocks so headings inside code blocks
 * do not count), else null.
 *
 * The front matter stays in the stored text: the chunker skips it (see chunking/README.md), so
 * offsets stay those of the uploaded file and the front matter is never embedded.
 */
export function markdownTitle(source: string, blocks: readonly Block[]): string | null {
  const fromFrontMatter = frontMatterTitle(source);
  if (fromFrontMatter) return fromFrontMatter;
  const h1 = blocks.find((b) => b.kind === "heading" && b.level === 1);
  return h1 ? cleanTitle(plainText(h1)) : null;
}

/**
 * `title` from a leading YAML front matter block. A deliberately tiny reader for one top-level key —
 * plain, single- or double-quoted scalars, folded/literal blocks and indented continuation lines —
 * because a full YAML parser is a large dependency (and an attack surface: anchors, tags) for a
 * single string.
 */
export function frontMatterTitle(source: string): string | null {
  const length = frontMatterLength(source);
  if (length === 0) return null;
  const lines = source
    .slice(0, length)
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/);
  // Drop the opening `---` and everything from the closing delimiter on.
  const body = lines.slice(1);
  const close = body.findIndex((l) => /^(?:---|\.\.\.)[ \t]*$/.test(l));
  if (close >= 0) body.length = close;

  const at = body.findIndex((l) => /^title[ \t]*:(?:[ \t]|$)/i.test(l));
  if (at < 0) return null;
  const first = (body[at] ?? "").replace(/^title[ \t]*:/i, "").trim();
  const continuation: string[] = [];
  for (const line of body.slice(at + 1)) {
    if (line.trim() !== "" && !/^[ \t]/.test(line)) break;
    continuation.push(line.trim());
  }
  return cleanTitle(scalar(first, continuation));
}

function scalar(first: string, continuation: string[]): string {
  if (first.startsWith('"')) {
    const raw = [first, ...continuation].join(" ");
    const m = /^"((?:[^"\\]|\\.)*)"/.exec(raw);
    return m ? (m[1] ?? "").replace(/\\(.)/g, (_, c: string) => ({ n: "\n", t: "\t" })[c] ?? c) : raw.slice(1);
  }
  if (first.startsWith("'")) {
    const raw = [first, ...continuation].join(" ");
    const m = /^'((?:[^']|'')*)'/.exec(raw);
    return m ? (m[1] ?? "").replace(/''/g, "'") : raw.slice(1);
  }
  // `|` / `>` (with optional chomping/indent indicators) introduce a block scalar on the next lines.
  if (/^[|>][+-]?\d*$/.test(first)) return continuation.join(" ");
  const withoutComment = first.replace(/(^|[ \t])#.*$/, "");
  const value = [withoutComment, ...continuation].join(" ");
  return /^(?:~|null)$/i.test(value.trim()) ? "" : value;
}

/** Collapses whitespace; an empty title is no title. */
export function cleanTitle(title: string): string | null {
  const t = title.replace(/\s+/g, " ").trim();
  return t === "" ? null : t;
}
