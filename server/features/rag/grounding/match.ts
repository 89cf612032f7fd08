/**
 * Matching facts against source chunks. A chunk is indexed once: its facts (same detector as sentences),
 * its numeric values, its names in comparable form and its word stems. A chunk's searchable text is its
 * document title, heading path and text, so a product name that only appears in the title still counts.
 */
import { detectFacts, type DetectedFact } from "./facts";
import type { GroundingChunk } from "./types";
import { allStems, execAll, normalizeName } from "./words";

export type ChunkIndex = {
  chunk: GroundingChunk;
  /** Position in the input, the tie-breaker that keeps results deterministic. */
  position: number;
  /** How the chunk is named in reasons: document title, heading path or id. */
  label: string;
  /** Text sent to a judge: title and heading path line, then the chunk text. */
  passage: string;
  keys: Set<string>;
  values: Set<string>;
  dates: string[];
  names: string;
  stems: Set<string>;
};

export function indexChunk(chunk: GroundingChunk, position: number): ChunkIndex {
  const context = [chunk.documentTitle, chunk.headingPath?.join(" > ")].filter((s): s is string => !!s?.trim());
  const search = [...context, chunk.text].join("\n");
  const facts = detectFacts(search, { entities: false });
  const keys = new Set<string>();
  const values = new Set<string>();
  const dates: string[] = [];
  for (const f of facts) {
    keys.add(f.key);
    for (const v of f.values) values.add(v);
    if (f.kind === "date") dates.push(f.normalized);
  }
  // Any 4-digit number can be the year a sentence mentions.
  for (const m of execAll(search, /(?<![\p{L}\p{N}.,])(1[89]\d\d|2\d\d\d)(?![\p{N}])/gu)) values.add(m[1]!);
  const title = chunk.documentTitle?.trim() || chunk.headingPath?.filter((h) => h.trim()).join(" > ") || "";
  return {
    chunk,
    position,
    label: title ? `'${title}'` : `chunk ${chunk.id}`,
    passage: [...context.filter((c) => !chunk.text.startsWith(c)), chunk.text].join("\n"),
    keys,
    values,
    dates,
    names: ` ${normalizeName(search)} `,
    stems: allStems(search),
  };
}

/** Does the chunk state this fact? Numbers, prices, percents, measures and dates must match exactly. */
export function matchFact(f: DetectedFact, c: ChunkIndex): boolean {
  switch (f.kind) {
    case "number":
      // A bare number is stated by any number, price, measure or percentage with that value.
      return f.values.length ? f.values.some((v) => c.values.has(v)) : c.keys.has(f.key);
    case "price":
    case "percent":
    case "measure":
      return c.keys.has(f.key);
    case "date":
      return matchDate(f.normalized, c);
    case "entity":
      return f.normalized !== "" && c.names.includes(` ${f.normalized} `);
    case "claim":
      return c.keys.has(f.key) || (!f.exactOnly && f.stems.length > 0 && f.stems.every((s) => c.stems.has(s)));
  }
}

/**
 * A less specific date is stated by a more specific one ("March 2026" by "2026-03-31", "2026" by any date
 * in 2026 or the number 2026), never the other way round.
 */
function matchDate(d: string, c: ChunkIndex): boolean {
  if (d.startsWith("T")) return c.dates.includes(d);
  if (d.startsWith("--")) return c.dates.some((x) => x === d || (!x.startsWith("--") && x.endsWith(d.slice(1))));
  if (/^\d{4}$/.test(d)) return c.values.has(d);
  return c.dates.some((x) => x === d || x.startsWith(`${d}-`));
}

/** Share of the sentence's content stems found in the chunk stems (1 when the sentence has none). */
export function overlap(sentenceStems: ReadonlySet<string>, ...chunkStems: ReadonlySet<string>[]): number {
  if (sentenceStems.size === 0) return 1;
  let hit = 0;
  for (const s of sentenceStems) if (chunkStems.some((c) => c.has(s))) hit++;
  return hit / sentenceStems.size;
}
