import { blockInternals } from "./parse";
import type { Block, BlockInternals, Segment } from "./types";

/** A piece of a block: a contiguous source range and its plain text (a split table repeats its header). */
export type Piece = Segment;

type Level = "line" | "sentence" | "word" | "char";

/**
 * Splits a block into pieces whose text is at most `budget` characters.
 *
 * A block whose plain text fits is returned whole. Otherwise it is cut at line boundaries
 * (source lines, table rows, list items), a line that is still too long at sentence boundaries,
 * then at whitespace, and as a last resort inside a word. Pieces are contiguous and in order:
 * the first starts at `block.start`, the last ends at `block.end`, and each ends where the next
 * begins (minus whitespace), so every character of the block belongs to exactly one piece.
 * Pieces of a split table after the first start with the header row (not part of their offsets).
 */
export function splitBlock(block: Block, text: string, budget: number): Piece[] {
  if (text.length <= budget) return [{ start: block.start, end: block.end, text }];
  const inner = blockInternals(block);
  const header = inner.header && inner.header.length <= budget / 2 ? inner.header : undefined;
  const room = header ? budget - header.length - 1 : budget;

  const atoms = inner.lines.length > 1 ? inner.lines : [{ start: block.start, end: block.end, text }];
  let pieces = pack(atoms, "line", room, inner, block);
  if (pieces.length === 0) return [{ start: block.start, end: block.end, text: text.slice(0, budget) }];

  // Make pieces contiguous over the whole block.
  pieces = pieces.map((p, i) => {
    const next = pieces[i + 1];
    const start = i === 0 ? block.start : p.start;
    const end = next ? trimEndOffset(inner, p.end, next.start) : block.end;
    return { start, end, text: p.text };
  });
  if (header) {
    pieces = pieces.map((p, i) => (i === 0 || p.text.startsWith(header) ? p : { ...p, text: `${header}\n${p.text}` }));
  }
  return pieces;
}

/** The largest offset ≤ `to` (and ≥ `from`) that ends on a non-whitespace source character. */
function trimEndOffset(inner: BlockInternals, from: number, to: number): number {
  let e = to;
  while (e > from && /\s/.test(inner.source[e - 1] ?? "")) e--;
  return e;
}

const JOIN: Record<Level, string> = { line: "\n", sentence: " ", word: " ", char: "" };
const FINER: Record<Level, Level | null> = { line: "sentence", sentence: "word", word: "char", char: null };

/** Greedy packing of atoms into pieces of at most `budget` characters; too-big atoms are cut finer. */
function pack(atoms: Segment[], level: Level, budget: number, inner: BlockInternals, block: Block): Piece[] {
  const out: Piece[] = [];
  let cur: Piece | null = null;
  const sep = JOIN[level];
  for (const atom of atoms) {
    if (atom.text === "") continue;
    if (atom.text.length > budget) {
      if (cur) out.push(cur);
      cur = null;
      out.push(...cutFiner(atom, level, budget, inner, block));
      continue;
    }
    if (cur && cur.text.length + sep.length + atom.text.length <= budget) {
      cur = { start: cur.start, end: atom.end, text: cur.text + sep + atom.text };
    } else {
      if (cur) out.push(cur);
      cur = { ...atom };
    }
  }
  if (cur) out.push(cur);
  return out;
}

function cutFiner(atom: Segment, level: Level, budget: number, inner: BlockInternals, block: Block): Piece[] {
  const finer = FINER[level];
  if (finer === "char" || finer === null) return charCut(atom, budget, inner);
  const starts =
    finer === "sentence" ? sentenceStarts(inner, atom.start, atom.end) : wordStarts(inner, atom.start, atom.end);
  if (starts.length === 0) return cutFiner(atom, finer, budget, inner, block);
  const bounds = [atom.start, ...starts, atom.end];
  const atoms: Segment[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const s = bounds[i] ?? atom.start;
    let e = bounds[i + 1] ?? atom.end;
    while (e > s && /\s/.test(inner.source[e - 1] ?? "")) e--;
    if (e > s) atoms.push({ start: s, end: e, text: inner.render(s, e) });
  }
  return pack(atoms, finer, budget, inner, block);
}

/** Hard cut: fixed-size windows, never inside a tag (HTML) or a surrogate pair. */
function charCut(atom: Segment, budget: number, inner: BlockInternals): Piece[] {
  const out: Piece[] = [];
  const inTag = inner.tagAware ? tagMask(inner.source, atom.start, atom.end) : null;
  let s = atom.start;
  while (s < atom.end) {
    let n = Math.min(budget, atom.end - s);
    let e = s;
    let text = "";
    for (;;) {
      e = s + n;
      while (e < atom.end && e > s + 1 && (isLowSurrogate(inner.source.charCodeAt(e)) || inTag?.[e - atom.start])) e--;
      if (e <= s) e = Math.min(atom.end, s + n);
      text = inner.render(s, e);
      if (text.length <= budget || n <= 1) break;
      n = Math.max(1, Math.floor(n * 0.8));
    }
    if (text !== "") out.push({ start: s, end: e, text: text.slice(0, budget) });
    s = e;
  }
  return out;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** inTag[i] is true when source[start + i] lies inside an HTML tag, comment or declaration. */
function tagMask(src: string, start: number, end: number): Uint8Array {
  const mask = new Uint8Array(end - start + 1);
  let inside = false;
  for (let i = start; i < end; i++) {
    const c = src[i];
    if (!inside && c === "<" && /[A-Za-z/!?]/.test(src[i + 1] ?? "")) inside = true;
    if (inside) mask[i - start] = 1;
    if (inside && c === ">") inside = false;
  }
  return mask;
}

const SENTENCE_END = /(?:[.!?…]+["'”’)\]*_]*\s+|[。！？]+["'”’)\]]*\s*)/g;

/** Offsets where a new sentence starts inside (start, end). */
export function sentenceStarts(inner: BlockInternals, start: number, end: number): number[] {
  return boundaryStarts(inner, SENTENCE_END, start, end);
}

/** Offsets where a new word starts inside (start, end). */
export function wordStarts(inner: BlockInternals, start: number, end: number): number[] {
  return boundaryStarts(inner, /\s+/g, start, end);
}

function boundaryStarts(inner: BlockInternals, re: RegExp, start: number, end: number): number[] {
  const slice = inner.source.slice(start, end);
  const mask = inner.tagAware ? tagMask(inner.source, start, end) : null;
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    if (m[0] === "") {
      re.lastIndex++;
      continue;
    }
    const b = m.index + m[0].length;
    if (mask?.[m.index]) continue;
    if (b > 0 && b < slice.length) out.push(start + b);
  }
  return out;
}
