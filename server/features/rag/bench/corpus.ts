/**
 * Deterministic synthetic knowledge base for the RAG benchmark (`npm run bench:rag`): Markdown
 * product sheets and store policies of an outdoor retailer, each a `# Title`, an intro and
 * `## ` sections, so the real chunker gives ~20 chunks per document. Every document is generated
 * from (seed, index) alone: the first N documents of a large corpus are exactly the documents of
 * a small one.
 *
 * Queries are built from one chunk each (a few of its rarest words, sometimes one of them swapped
 * for a word a shopper might use instead), so every query has a known target chunk and
 * recall@k = share of queries whose target is in the top k.
 */
import { mulberry32 } from "@/lib/random";
import { chunkDocument } from "../chunking";
import {
  ACTIONS,
  ACTIVITIES,
  ADJECTIVES,
  CATEGORIES,
  COLOURS,
  COMMON_WORDS,
  CONDITIONS,
  FEATURES,
  MATERIALS,
  PARTS,
  PLACES,
  POLICY_TERMS,
  PRODUCT_LINES,
  RELATED,
  SEASONS,
  STORE_NAMES,
} from "./vocabulary";

export const DEFAULT_SEED = 20_240_611;
/** Chunks per generated document: one intro chunk and 19 sections. */
export const CHUNKS_PER_DOC = 20;
const SECTIONS_PER_DOC = CHUNKS_PER_DOC - 1;
/** Section bodies stay under the chunker's default target (1200 chars with the heading line). */
const BODY_MIN = 420;
const BODY_MAX = 1000;

// ---------------------------------------------------------------------------------------------
// PRNG

export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  /** Skewed pick: early items much more often than late ones (a long tail, as in real text). */
  skewed<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
};

/** A seeded random source (mulberry32) with the helpers the generator uses. */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    skewed: (xs) => xs[Math.floor(next() ** 2 * xs.length)]!,
    chance: (p) => next() < p,
  };
}

/** Seed of document `index`: documents are independent of each other and of the corpus size. */
function docSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Documents

export type SyntheticDoc = {
  index: number;
  /** File name uploaded (`kb-000042.md`); the knowledge base's source is `upload:<name>`. */
  name: string;
  kind: "product" | "policy";
  title: string;
  tags: string[];
  markdown: string;
};

type Ctx = {
  rng: Rng;
  kind: "product" | "policy";
  line: string;
  model: string;
  category: string;
  sku: string;
  store: string;
  place: string;
  material: string;
};

const PRODUCT_SECTIONS = [
  "Overview",
  "Who it is for",
  "Materials",
  "Construction",
  "Fit and sizing",
  "Size chart",
  "Features",
  "Specifications",
  "Weight breakdown",
  "Colours",
  "Care and cleaning",
  "Reproofing",
  "Storage",
  "Repairs",
  "Spare parts",
  "Warranty",
  "Sustainability",
  "Compatible accessories",
  "Packing tips",
  "Field test notes",
  "Known issues",
  "Frequently asked questions",
  "Compared with the previous model",
  "Reviews summary",
  "Safety notes",
  "In the box",
  "Returns for this product",
  "Temperature and weather ratings",
  "Set-up instructions",
  "Adjusting the fit",
];

const POLICY_SECTIONS = [
  "Returns window",
  "Condition of returned items",
  "Refund method",
  "Refund timing",
  "Exchanges",
  "Online orders",
  "Returns in store",
  "Damaged on arrival",
  "Wrong item received",
  "Shipping zones",
  "Delivery times",
  "Shipping costs",
  "Customs and duties",
  "Click and collect",
  "Gift cards",
  "Price match",
  "Promotions and discount codes",
  "Loyalty programme",
  "Rentals",
  "Rental deposits",
  "Repair service",
  "Warranty claims",
  "Contact and opening hours",
  "Data protection",
  "Accessibility",
  "Business customers",
  "Events and courses",
  "Second-hand and trade-in",
  "Lost property",
  "Complaints",
];

const POLICY_TOPICS = [
  "Returns and refunds",
  "Shipping and delivery",
  "Warranty and repairs",
  "Rentals",
  "Membership",
  "Store services",
];

const MODELS = [
  "2",
  "3",
  "25",
  "32",
  "38",
  "45",
  "55",
  "65",
  "2P",
  "3P",
  "Pro",
  "Lite",
  "UL",
  "GTX",
  "Hoody",
  "Mid",
  "Low",
  "XT",
  "Alpine",
  "Trail",
];

const grams = (r: Rng) => `${r.int(40, 2600)} g`;
const litres = (r: Rng) => `${r.pick([0.5, 0.75, 1, 1.5, 2, 12, 18, 22, 28, 32, 38, 45, 55, 65, 75])} L`;
const denier = (r: Rng) => `${r.pick([7, 10, 15, 20, 30, 40, 70, 100, 210, 420, 500])}D`;
const celsius = (r: Rng) => `${r.int(-30, 15)} °C`;
const price = (r: Rng) => `€${r.int(9, 890)}`;
const days = (r: Rng) => `${r.pick([14, 30, 60, 90, 100, 365])} days`;
const mm = (r: Rng) => `${r.int(2, 40)} mm`;
const hours = (r: Rng) => `${r.int(2, 180)} hours`;

/** One sentence; the context decides the nouns, the templates the shape. */
type Template = (c: Ctx) => string;

const PRODUCT_SENTENCES: Template[] = [
  (c) =>
    `The ${c.line} ${c.model} uses ${c.rng.skewed(MATERIALS)} for the ${c.rng.skewed(PARTS)} and ${c.rng.skewed(MATERIALS)} where it meets the ${c.rng.skewed(PARTS)}.`,
  (c) =>
    `It weighs ${grams(c.rng)} in size ${c.rng.pick(["S", "M", "L", "XL", "42", "44", "regular", "long"])}, with a ${denier(c.rng)} ${c.rng.skewed(MATERIALS)} shell.`,
  (c) =>
    `Built for ${c.rng.skewed(ACTIVITIES)} in ${c.rng.skewed(CONDITIONS)}, it stays ${c.rng.skewed(ADJECTIVES)} and ${c.rng.skewed(FEATURES)}.`,
  (c) =>
    `${cap(c.rng.skewed(ACTIONS))} the ${c.rng.skewed(PARTS)} ${c.rng.pick(["after every trip", "once a season", "before storing it", "when it looks dull", "if water stops beading"])}.`,
  (c) =>
    `The ${c.rng.skewed(PARTS)} is ${c.rng.skewed(FEATURES)} and ${c.rng.skewed(FEATURES)}, so ${c.rng.skewed(ACTIVITIES)} in ${c.rng.skewed(CONDITIONS)} is no problem.`,
  (c) =>
    `Our testers took the ${c.line} through ${c.rng.int(2, 40)} days of ${c.rng.skewed(ACTIVITIES)} near ${c.rng.skewed(PLACES)} and rated the ${c.rng.skewed(PARTS)} ${c.rng.skewed(ADJECTIVES)}.`,
  (c) =>
    `Volume is ${litres(c.rng)}; the ${c.rng.skewed(PARTS)} adds ${grams(c.rng)} and can be removed for ${c.rng.skewed(ACTIVITIES)}.`,
  (c) => `Comfort is rated to ${celsius(c.rng)} and the limit to ${celsius(c.rng)} for ${c.rng.skewed(SEASONS)} use.`,
  (c) =>
    `Available in ${c.rng.skewed(COLOURS)}, ${c.rng.skewed(COLOURS)} and ${c.rng.skewed(COLOURS)}; article ${c.sku}-${c.rng.int(10, 99)}.`,
  (c) =>
    `Do not ${c.rng.skewed(ACTIONS)} it with fabric softener: it clogs the ${c.rng.skewed(MATERIALS)} and the ${c.rng.skewed(FEATURES)} finish stops working.`,
  (c) =>
    `Spare ${c.rng.skewed(PARTS)} and ${c.rng.skewed(PARTS)} cost ${price(c.rng)} and ship within ${c.rng.int(1, 10)} working days.`,
  (c) =>
    `The ${c.rng.skewed(FEATURES)} ${c.rng.skewed(PARTS)} sits ${mm(c.rng)} lower than on the previous ${c.line}, which makes it ${c.rng.skewed(ADJECTIVES)}.`,
  (c) =>
    `A ${c.rng.skewed(ADJECTIVES)} ${c.category} for ${c.rng.skewed(ACTIVITIES)} that packs down to the size of a ${c.rng.pick(["water bottle", "grapefruit", "loaf of bread", "paperback", "coffee mug", "football"])}.`,
  (c) =>
    `The battery lasts ${hours(c.rng)} on low and ${hours(c.rng)} on high; recharge it over USB-C in ${c.rng.int(2, 9)} hours.`,
  (c) =>
    `If the ${c.rng.skewed(PARTS)} ${c.rng.pick(["squeaks", "slips", "frays", "delaminates", "leaks", "sticks", "rattles"])}, ${c.rng.skewed(ACTIONS)} it and ${c.rng.skewed(ACTIONS)} the ${c.rng.skewed(PARTS)}.`,
  (c) =>
    `We source the ${c.rng.skewed(MATERIALS)} from a ${c.rng.skewed(FEATURES)} mill in ${c.rng.skewed(PLACES)} and dye it without ${c.rng.pick(["PFAS", "chrome", "azo dyes", "solvents", "PVC"])}.`,
  (c) =>
    `Size up if you wear a ${c.rng.skewed(MATERIALS)} ${c.rng.skewed(CATEGORIES)} underneath; the ${c.rng.skewed(PARTS)} is ${c.rng.skewed(ADJECTIVES)}.`,
  (c) =>
    `Compared with the ${c.rng.skewed(PRODUCT_LINES)} ${c.rng.pick(MODELS)}, it is ${grams(c.rng)} lighter and ${c.rng.skewed(ADJECTIVES)} around the ${c.rng.skewed(PARTS)}.`,
  (c) => `Hydrostatic head is ${c.rng.int(1, 30) * 1000} mm and breathability ${c.rng.int(5, 40) * 1000} g/m²/24h.`,
  (c) =>
    `Reviewers from ${c.rng.skewed(PLACES)} call it ${c.rng.skewed(ADJECTIVES)}, ${c.rng.skewed(ADJECTIVES)} and ${c.rng.skewed(ADJECTIVES)}, though some wanted a ${c.rng.skewed(FEATURES)} ${c.rng.skewed(PARTS)}.`,
  (c) =>
    `${cap(c.rng.pick(COMMON_WORDS))} ${c.rng.pick(COMMON_WORDS)} the ${c.rng.skewed(PARTS)} ${c.rng.pick(COMMON_WORDS)} ${c.rng.skewed(CONDITIONS)}.`,
  (c) =>
    `The ${c.rng.skewed(FEATURES)} ${c.category} fits ${c.rng.skewed(CATEGORIES)} and ${c.rng.skewed(CATEGORIES)} from the ${c.rng.skewed(PRODUCT_LINES)} range.`,
];

const POLICY_SENTENCES: Template[] = [
  (c) =>
    `You can ${c.rng.skewed(ACTIONS)} ${c.rng.skewed(ADJECTIVES)} items within ${days(c.rng)} with the ${c.rng.skewed(POLICY_TERMS)} or ${c.rng.skewed(POLICY_TERMS)}.`,
  (c) =>
    `Refunds go back to the original payment method within ${c.rng.int(2, 14)} working days once the ${c.rng.skewed(POLICY_TERMS)} is checked.`,
  (c) =>
    `Orders over ${price(c.rng)} ship free to ${c.rng.skewed(PLACES)}; below that the ${c.rng.skewed(POLICY_TERMS)} costs ${price(c.rng)}.`,
  (c) =>
    `The ${c.store} store in ${c.place} accepts ${c.rng.skewed(POLICY_TERMS)} and ${c.rng.skewed(POLICY_TERMS)} from ${c.rng.int(7, 10)}:00 to ${c.rng.int(17, 21)}:00.`,
  (c) =>
    `${cap(plural(c.rng.skewed(CATEGORIES)))} with a broken ${c.rng.skewed(POLICY_TERMS)} cannot be returned unless they are ${c.rng.skewed(ADJECTIVES)}.`,
  (c) =>
    `A ${c.rng.skewed(POLICY_TERMS)} of ${price(c.rng)} applies to ${c.rng.skewed(CATEGORIES)} rentals for ${c.rng.skewed(ACTIVITIES)}.`,
  (c) =>
    `Customs in ${c.rng.skewed(PLACES)} may charge ${c.rng.skewed(POLICY_TERMS)} on parcels over ${price(c.rng)}; the ${c.rng.skewed(POLICY_TERMS)} shows the amount.`,
  (c) =>
    `Members of the ${c.rng.pick(["Trail", "Summit", "Basecamp", "Ridge", "Fjord"])} tier earn ${c.rng.int(1, 10)} points per euro and get ${c.rng.skewed(POLICY_TERMS)} on ${c.rng.skewed(CATEGORIES)} repairs.`,
  (c) =>
    `${cap(c.rng.skewed(ADJECTIVES))} or ${c.rng.skewed(ADJECTIVES)} goods count as a ${c.rng.skewed(POLICY_TERMS)}, not ${c.rng.skewed(POLICY_TERMS)}.`,
  (c) =>
    `Send a photo of the ${c.rng.skewed(PARTS)} and your ${c.rng.skewed(POLICY_TERMS)} to the ${c.store} team; we answer within ${c.rng.int(1, 5)} days.`,
  (c) =>
    `Reference ${c.sku}: the ${c.rng.skewed(POLICY_TERMS)} process for ${c.rng.skewed(CATEGORIES)} bought before ${c.rng.int(2019, 2025)} differs.`,
  (c) =>
    `Delivery to ${c.rng.skewed(PLACES)} takes ${c.rng.int(1, 9)} to ${c.rng.int(10, 21)} working days with our ${c.rng.skewed(POLICY_TERMS)}.`,
  (c) =>
    `${cap(c.rng.pick(COMMON_WORDS))} ${c.rng.pick(COMMON_WORDS)} the ${c.rng.skewed(POLICY_TERMS)} ${c.rng.pick(COMMON_WORDS)} ${c.rng.pick(COMMON_WORDS)} ${c.rng.skewed(POLICY_TERMS)}.`,
  (c) =>
    `We ${c.rng.skewed(ACTIONS)} ${c.rng.skewed(FEATURES)} ${plural(c.rng.skewed(CATEGORIES))} free of charge for ${days(c.rng)} after purchase.`,
];

function plural(s: string): string {
  return s.endsWith("s") ? s : `${s}s`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function paragraph(c: Ctx, templates: Template[], chars: number): string {
  const out: string[] = [];
  let n = 0;
  while (n < chars) {
    const s = c.rng.pick(templates)(c);
    out.push(s);
    n += s.length + 1;
  }
  return out.join(" ");
}

function sectionBody(c: Ctx, title: string): string {
  const templates = c.kind === "product" ? PRODUCT_SENTENCES : POLICY_SENTENCES;
  const target = c.rng.int(BODY_MIN, BODY_MAX - 120);
  const blocks: string[] = [];
  let used = 0;
  if (c.kind === "product" && (title === "Specifications" || title === "Size chart" || c.rng.chance(0.08))) {
    const rows = [
      `| Spec | ${c.line} ${c.model} |`,
      "|---|---|",
      `| Weight | ${grams(c.rng)} |`,
      `| Fabric | ${denier(c.rng)} ${c.rng.skewed(MATERIALS)} |`,
      `| Volume | ${litres(c.rng)} |`,
      `| Colour | ${c.rng.skewed(COLOURS)} |`,
      `| Article | ${c.sku} |`,
    ].join("\n");
    blocks.push(rows);
    used += rows.length;
  } else if (c.rng.chance(0.2)) {
    const items = Array.from(
      { length: c.rng.int(3, 5) },
      () => `- ${cap(c.rng.skewed(FEATURES))} ${c.rng.skewed(c.kind === "product" ? PARTS : POLICY_TERMS)}`,
    ).join("\n");
    blocks.push(items);
    used += items.length;
  }
  while (used < target) {
    const p = paragraph(c, templates, Math.min(c.rng.int(180, 420), target - used + 60));
    if (used + p.length > BODY_MAX) break;
    blocks.push(p);
    used += p.length + 2;
  }
  return blocks.join("\n\n");
}

export function generateDocument(index: number, seed = DEFAULT_SEED): SyntheticDoc {
  const rng = createRng(docSeed(seed, index));
  const kind = rng.chance(0.8) ? "product" : "policy";
  const c: Ctx = {
    rng,
    kind,
    line: rng.pick(PRODUCT_LINES),
    model: rng.pick(MODELS),
    category: rng.pick(CATEGORIES),
    sku: `NW-${String(rng.int(0, 99_999)).padStart(5, "0")}`,
    store: rng.pick(STORE_NAMES),
    place: rng.pick(PLACES),
    material: rng.pick(MATERIALS),
  };
  const title =
    kind === "product" ? `${c.line} ${c.model} ${c.category}` : `${rng.pick(POLICY_TOPICS)}: ${c.store}, ${c.place}`;
  const pool = kind === "product" ? PRODUCT_SECTIONS : POLICY_SECTIONS;
  // 19 distinct section titles in catalogue order.
  const chosen = new Set<number>();
  while (chosen.size < SECTIONS_PER_DOC) chosen.add(rng.int(0, pool.length - 1));
  const sections = [...chosen].sort((a, b) => a - b).map((i) => pool[i]!);
  const intro =
    kind === "product"
      ? `The ${c.line} ${c.model} is a ${rng.skewed(FEATURES)} ${c.category} in ${c.material} for ${rng.skewed(ACTIVITIES)}. ${paragraph(c, PRODUCT_SENTENCES, rng.int(250, 500))}`
      : `This page describes how the ${c.store} store in ${c.place} handles ${rng.skewed(POLICY_TERMS)}. ${paragraph(c, POLICY_SENTENCES, rng.int(250, 500))}`;
  const parts = [`# ${title}`, intro];
  for (const s of sections) parts.push(`## ${s}`, sectionBody(c, s));
  const tags = kind === "product" ? ["product", c.category.replace(/ /g, "-")] : ["policy"];
  return {
    index,
    name: `kb-${String(index).padStart(6, "0")}.md`,
    kind,
    title,
    tags,
    markdown: `${parts.join("\n\n")}\n`,
  };
}

/** Documents for about `chunks` chunks (whole documents, CHUNKS_PER_DOC each). */
export function generateCorpus(opts: { chunks: number; seed?: number }): SyntheticDoc[] {
  const count = Math.max(1, Math.ceil(opts.chunks / CHUNKS_PER_DOC));
  return Array.from({ length: count }, (_, i) => generateDocument(i, opts.seed));
}

// ---------------------------------------------------------------------------------------------
// Chunks and queries

export type CorpusChunk = { doc: number; ordinal: number; text: string };

/** The chunks the knowledge base will make of these documents (the real chunker, same options). */
export function chunkCorpus(
  docs: readonly SyntheticDoc[],
  opts: { targetChars?: number; overlapChars?: number } = {},
): CorpusChunk[] {
  const out: CorpusChunk[] = [];
  for (const d of docs) {
    const chunks = chunkDocument(d.markdown, {
      format: "markdown",
      targetChars: opts.targetChars ?? 1200,
      overlapChars: opts.overlapChars ?? 150,
    });
    for (const c of chunks) out.push({ doc: d.index, ordinal: c.index, text: c.text });
  }
  return out;
}

const STOP = new Set(
  "a an and are as at be but by for from has have how i in is it its of on or our so than that the their this to was we what when where which who why will with you your do does can not no".split(
    " ",
  ),
);

/** Lower-cased words, the way both search engines split text (letters and digits). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export type BenchQuery = {
  id: number;
  text: string;
  /** The chunk the query was built from. */
  target: { doc: number; ordinal: number };
  /** Words taken from the target (before any swap). */
  picked: string[];
  /** Set when one picked word was replaced by a related word. */
  swapped: { from: string; to: string } | null;
};

/**
 * `count` queries from distinct chunks chosen uniformly. Each takes 3–5 words among the 8 rarest
 * words (with a letter, 3+ characters, no stop word) of its chunk — document frequency over the
 * whole corpus, ties alphabetical — in their order in the chunk; one query in four has its last
 * word replaced by the chunk's rarest number of 3+ digits; with probability `swapRate` one word
 * is replaced by a related word (RELATED in vocabulary.ts), which the target may not contain.
 */
export function buildQueries(
  chunks: readonly CorpusChunk[],
  opts: { count: number; seed?: number; swapRate?: number },
): BenchQuery[] {
  const rng = createRng((opts.seed ?? DEFAULT_SEED) ^ 0x5bd1e995);
  const swapRate = opts.swapRate ?? 0.3;
  const df = new Map<string, number>();
  for (const c of chunks) for (const w of new Set(words(c.text))) df.set(w, (df.get(w) ?? 0) + 1);

  const want = Math.min(opts.count, chunks.length);
  const used = new Set<number>();
  const out: BenchQuery[] = [];
  while (out.length < want) {
    const at = rng.int(0, chunks.length - 1);
    if (used.has(at)) continue;
    used.add(at);
    const chunk = chunks[at]!;
    const order = words(chunk.text);
    const rarest = (keep: (w: string) => boolean) =>
      [...new Set(order)]
        .filter((w) => !STOP.has(w) && keep(w))
        .sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
    const candidates = rarest((w) => w.length >= 3 && /\p{L}/u.test(w)).slice(0, 8);
    if (candidates.length < 3) continue;
    const k = Math.min(candidates.length, rng.int(3, 5));
    const pool = [...candidates];
    const picked: string[] = [];
    while (picked.length < k) picked.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
    // Now and then a shopper types a number too (a price, a weight, an article number).
    const number = rarest((w) => /^\d{3,}$/.test(w))[0];
    if (number && rng.chance(0.25)) picked[picked.length - 1] = number;
    picked.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    let text = [...picked];
    let swapped: BenchQuery["swapped"] = null;
    if (rng.chance(swapRate)) {
      const i = picked.findIndex((w) => RELATED[w] !== undefined);
      if (i >= 0) {
        swapped = { from: picked[i]!, to: RELATED[picked[i]!]! };
        text[i] = swapped.to;
      } else {
        // None of the picked words has a common alternative: swap in one for another word of the chunk.
        const other = order.find((w) => RELATED[w] !== undefined && !picked.includes(w));
        if (other) {
          swapped = { from: other, to: RELATED[other]! };
          text = [...picked.slice(0, -1), swapped.to];
        }
      }
    }
    out.push({
      id: out.length,
      text: text.join(" "),
      target: { doc: chunk.doc, ordinal: chunk.ordinal },
      picked,
      swapped,
    });
  }
  return out;
}
