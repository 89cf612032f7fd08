/**
 * Near-duplicate detection for short texts (ad headlines, subject lines).
 *
 * Both texts are normalised (NFKC, lower case, punctuation dropped, English stop words removed,
 * a trailing plural "s" folded). The score is the larger of two Jaccard indices: over the word
 * sets, and over character 3-gram shingles of the normalised word sequence. Words catch
 * reordering ("Free shipping today" / "Today: free shipping"); shingles catch small edits
 * ("Free delivery on orders" / "Free delivery on all order").
 */

const STOP_WORDS = new Set(
  (
    "a an and are as at be but by for from has have how in into is it its of on or our so than that the their " +
    "them then there these this those to up was we were what when where which who why will with you your all any " +
    "each every more most now just very can do does get got here out over new"
  ).split(" "),
);

/** Normalised words of `text` (stop words removed; if only stop words remain, they are kept). */
export function normalisedWords(text: string): string[] {
  const words = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/['’]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w));
  const content = words.filter((w) => !STOP_WORDS.has(w));
  return content.length > 0 ? content : words;
}

function shingles(words: readonly string[], size = 3): Set<string> {
  const joined = ` ${words.join(" ")} `;
  const out = new Set<string>();
  if (joined.trim().length === 0) return out;
  if (joined.length <= size) out.add(joined);
  for (let i = 0; i + size <= joined.length; i++) out.add(joined.slice(i, i + size));
  return out;
}

function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** A text normalised once, for comparing it with many others. */
export type Prepared = { key: string; words: ReadonlySet<string>; shingles: ReadonlySet<string> };

export function prepare(text: string): Prepared {
  const w = normalisedWords(text);
  return { key: w.join(" "), words: new Set(w), shingles: shingles(w) };
}

/** `similarity` on prepared texts. */
export function similarityOf(a: Prepared, b: Prepared): number {
  if (a.words.size === 0 || b.words.size === 0) return 0;
  if (a.key === b.key) return 1;
  return Math.max(jaccard(a.words, b.words), jaccard(a.shingles, b.shingles));
}

/** Similarity of two short texts, 0 (nothing shared) to 1 (same after normalisation). */
export function similarity(a: string, b: string): number {
  return similarityOf(prepare(a), prepare(b));
}

export type NearDuplicate = { a: number; b: number; score: number };

/** Every pair (a < b, indices into `texts`) whose similarity is at least `threshold`. */
export function nearDuplicates(texts: readonly string[], threshold = 0.8): NearDuplicate[] {
  const prepared = texts.map((t) => prepare(t ?? ""));
  const out: NearDuplicate[] = [];
  for (let a = 0; a < prepared.length; a++) {
    for (let b = a + 1; b < prepared.length; b++) {
      const score = similarityOf(prepared[a]!, prepared[b]!);
      if (score >= threshold) out.push({ a, b, score });
    }
  }
  return out;
}
