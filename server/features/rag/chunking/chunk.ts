import { z } from "zod";
import { blockInternals, parseBlocks, plainText } from "./parse";
import { sentenceStarts, splitBlock, wordStarts } from "./split";
import type { Block, SourceFormat } from "./types";

export interface Chunk {
  /** 0-based position in the document. */
  index: number;
  /** Text to embed: heading path line, optional overlap, then the blocks' plain texts, separated by blank lines. */
  text: string;
  /** Titles of the enclosing headings, outermost first, e.g. ["Trailhead boot", "Care"]. */
  headingPath: string[];
  /** Source span of the chunk's own blocks: `source.slice(start, end)`. Excludes the overlap. */
  start: number;
  end: number;
  /** Where the overlap prefix begins in the source (present only when the chunk has an overlap). */
  overlapStart?: number;
  /** Rough token count: ceil(text.length / 4). */
  tokenEstimate: number;
}

export const chunkOptionsSchema = z
  .object({
    format: z.enum(["markdown", "text", "html"]),
    targetChars: z.number().int().min(32).default(1200),
    maxChars: z.number().int().min(32).optional(),
    overlapChars: z.number().int().min(0).default(150),
    /** Headings of this level or higher (1 … n) always start a new chunk and a new overlap section. */
    splitHeadingLevel: z.number().int().min(0).max(6).default(2),
  })
  .transform((o) => ({ ...o, maxChars: o.maxChars ?? Math.max(2000, o.targetChars) }))
  .refine((o) => o.maxChars >= o.targetChars, { message: "maxChars must be at least targetChars", path: ["maxChars"] });

export type ChunkOptions = z.input<typeof chunkOptionsSchema>;
type Options = z.output<typeof chunkOptionsSchema>;

interface Unit {
  block: Block;
  start: number;
  end: number;
  text: string;
  heading: boolean;
}

interface Draft {
  units: Unit[];
  /** Heading blocks that open the chunk; their titles are in the heading path line, not the body. */
  pathBlocks: Block[];
  headingPath: string[];
  section: number;
}

interface PathEntry {
  level: number;
  title: string;
}

const SEP = "\n\n";

/**
 * Splits a document into retrieval chunks that respect its structure.
 * Deterministic: the same source and options always give the same chunks.
 */
export function chunkDocument(source: string, options: ChunkOptions): Chunk[] {
  const opts = chunkOptionsSchema.parse(options);
  if (source.trim() === "") return [];
  const blocks = parseBlocks(source, opts.format as SourceFormat);
  const drafts = buildDrafts(blocks, opts);
  return finish(drafts, opts);
}

/** Heading path joined for the first line of a chunk, capped at a quarter of `maxChars`. */
function pathLine(path: string[], opts: Options): string {
  const line = path.join(" > ");
  const cap = Math.max(16, Math.floor(opts.maxChars / 4));
  return line.length <= cap ? line : `${line.slice(0, cap - 1).trimEnd()}…`;
}

function joinedLength(parts: string[]): number {
  const kept = parts.filter((p) => p !== "");
  return kept.reduce((n, p) => n + p.length, 0) + SEP.length * Math.max(0, kept.length - 1);
}

function buildDrafts(blocks: Block[], opts: Options): Draft[] {
  const drafts: Draft[] = [];
  const path: PathEntry[] = [];
  let pending: Block[] = [];
  let cur: Draft | null = null;
  let section = 0;
  const titles = () => path.map((p) => p.title);
  const close = () => {
    if (cur) drafts.push(cur);
    cur = null;
  };
  const draftLength = (d: Draft, extra: string[]) =>
    joinedLength([pathLine(d.headingPath, opts), ...d.units.map((u) => u.text), ...extra]);
  // Headings followed by no content of their own become a chunk holding just the heading path.
  const emitPendingAlone = () => {
    if (pending.length === 0) return;
    close();
    drafts.push({ units: [], pathBlocks: pending, headingPath: titles(), section });
    pending = [];
  };

  for (const block of blocks) {
    if (block.kind === "heading") {
      const level = block.level ?? 1;
      const last = pending[pending.length - 1];
      if (last && level <= (last.level ?? 1)) emitPendingAlone();
      if (level <= opts.splitHeadingLevel) {
        close();
        section++;
      }
      while (path.length > 0 && (path[path.length - 1]?.level ?? 0) >= level) path.pop();
      path.push({ level, title: headingTitle(block) });
      pending.push(block);
      continue;
    }

    const line = pathLine(titles(), opts);
    const budget = opts.maxChars - (line ? line.length + SEP.length : 0);
    for (const piece of splitBlock(block, plainText(block), budget)) {
      const unit: Unit = { block, start: piece.start, end: piece.end, text: piece.text, heading: false };
      const c = cur as Draft | null;
      if (pending.length > 0) {
        const headingUnits: Unit[] = pending.map((h) => ({
          block: h,
          start: h.start,
          end: h.end,
          text: headingTitle(h),
          heading: true,
        }));
        const inline =
          c !== null &&
          c.section === section &&
          pending.every((h) => (h.level ?? 1) > opts.splitHeadingLevel) &&
          draftLength(c, [...headingUnits.map((u) => u.text), unit.text]) <= opts.targetChars;
        if (c && inline) {
          c.units.push(...headingUnits, unit);
        } else {
          close();
          cur = { units: [unit], pathBlocks: pending, headingPath: titles(), section };
        }
        pending = [];
      } else if (c && c.section === section && draftLength(c, [unit.text]) <= opts.targetChars) {
        c.units.push(unit);
      } else {
        close();
        cur = { units: [unit], pathBlocks: [], headingPath: titles(), section };
      }
    }
  }
  emitPendingAlone();
  close();
  return drafts;
}

function headingTitle(block: Block): string {
  return plainText(block).replace(/\s+/g, " ").trim();
}

function finish(drafts: Draft[], opts: Options): Chunk[] {
  return drafts.map((d, index) => {
    const first = d.pathBlocks[0] ?? d.units[0]?.block;
    const start = d.pathBlocks[0]?.start ?? d.units[0]?.start ?? first?.start ?? 0;
    const lastUnit = d.units[d.units.length - 1];
    const end = lastUnit?.end ?? d.pathBlocks[d.pathBlocks.length - 1]?.end ?? start;
    const line = pathLine(d.headingPath, opts);
    const body = d.units.map((u) => u.text).filter((t) => t !== "");

    let overlap: { start: number; text: string } | null = null;
    const prev = index > 0 ? drafts[index - 1] : undefined;
    if (prev && prev.section === d.section && d.units.length > 0 && opts.overlapChars > 0) {
      const room = Math.min(opts.overlapChars, opts.maxChars - joinedLength([line, ...body]) - SEP.length);
      const tail = [...prev.units].reverse().find((u) => !u.heading);
      if (tail && room > 0) overlap = overlapFrom(tail, room);
    }
    const text = [line, overlap?.text ?? "", ...body].filter((t) => t !== "").join(SEP);
    return {
      index,
      text,
      headingPath: d.headingPath,
      start,
      end,
      ...(overlap ? { overlapStart: overlap.start } : {}),
      tokenEstimate: Math.ceil(text.length / 4),
    };
  });
}

/**
 * The longest tail of `unit` made of whole sentences (or lines) that fits in `room` characters;
 * when even the last sentence is too long, the longest tail of whole words.
 */
function overlapFrom(unit: Unit, room: number): { start: number; text: string } | null {
  const inner = blockInternals(unit.block);
  const lineStarts = inner.lines.map((l) => l.start).filter((s) => s > unit.start && s < unit.end);
  const candidates = (starts: number[]) => [...new Set([unit.start, ...starts])].sort((a, b) => b - a);
  for (const starts of [
    [...lineStarts, ...sentenceStarts(inner, unit.start, unit.end)],
    wordStarts(inner, unit.start, unit.end),
  ]) {
    let best: { start: number; text: string } | null = null;
    for (const s of candidates(starts)) {
      const text = inner.render(s, unit.end).trim();
      if (text.length > room) break;
      if (text !== "") best = { start: s, text };
    }
    if (best) return best;
  }
  return null;
}
