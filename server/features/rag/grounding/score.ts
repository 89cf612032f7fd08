/**
 * Scoring: how well each chunk (or pair of chunks from one document) supports a sentence, which
 * candidates pass, and the report's overall score.
 */
import type { DetectedFact } from "./facts";
import { matchFact, overlap, type ChunkIndex } from "./match";
import type { SentenceVerdict } from "./types";

/** One chunk against one sentence. */
export type ChunkEval = {
  index: ChunkIndex;
  /** matched[i]: does the chunk state facts[i]? */
  matched: boolean[];
  overlap: number;
  score: number;
};

/** One chunk, or two chunks of the same document read together. */
export type Candidate = {
  members: ChunkEval[];
  matched: boolean[];
  overlap: number;
  score: number;
  /** Every number, price, percentage, date, measure and name is stated. */
  hardOk: boolean;
  /** Every fact, claims included, is stated. */
  allOk: boolean;
  /** allOk and the content-word overlap reaches the threshold. */
  pass: boolean;
  matchedCount: number;
};

export type Evaluation = {
  singles: ChunkEval[];
  /** Best first: passing, then all hard facts, then most facts, single before pair, then score. */
  candidates: Candidate[];
};

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Support score in 0..1: 0.6 × share of the sentence's facts stated + 0.4 × content-word overlap. */
export function supportScore(matched: readonly boolean[], wordOverlap: number): number {
  const share = matched.length ? matched.filter(Boolean).length / matched.length : 1;
  return round3(0.6 * share + 0.4 * wordOverlap);
}

/**
 * Evaluates every chunk against a sentence's facts and content stems. When no single chunk passes, pairs of
 * chunks from the same document (same defined `documentId`) are tried too, each member having to state a
 * fact the other does not: a product sheet often gives the price in one chunk and the weight in another.
 */
export function evaluate(
  facts: readonly DetectedFact[],
  stems: ReadonlySet<string>,
  chunks: readonly ChunkIndex[],
  minOverlap: number,
): Evaluation {
  const singles = chunks.map((index): ChunkEval => {
    const matched = facts.map((f) => matchFact(f, index));
    const ov = overlap(stems, index.stems);
    return { index, matched, overlap: ov, score: supportScore(matched, ov) };
  });
  const candidates = singles.map((e) => candidate(facts, [e], e.matched, e.overlap, minOverlap));
  if (!candidates.some((c) => c.pass)) {
    const useful = singles.filter((e) => e.index.chunk.documentId !== undefined && e.matched.some(Boolean));
    for (let i = 0; i < useful.length; i++) {
      for (let j = i + 1; j < useful.length; j++) {
        const a = useful[i]!;
        const b = useful[j]!;
        if (a.index.chunk.documentId !== b.index.chunk.documentId) continue;
        const aOnly = a.matched.some((m, k) => m && !b.matched[k]);
        const bOnly = b.matched.some((m, k) => m && !a.matched[k]);
        if (!aOnly || !bOnly) continue;
        const matched = a.matched.map((m, k) => m || b.matched[k]!);
        const members = a.score >= b.score ? [a, b] : [b, a];
        candidates.push(candidate(facts, members, matched, overlap(stems, a.index.stems, b.index.stems), minOverlap));
      }
    }
  }
  candidates.sort(compareCandidates);
  return { singles, candidates };
}

function candidate(
  facts: readonly DetectedFact[],
  members: ChunkEval[],
  matched: boolean[],
  wordOverlap: number,
  minOverlap: number,
): Candidate {
  const hardOk = facts.every((f, i) => !f.hard || matched[i]);
  const allOk = matched.every(Boolean);
  return {
    members,
    matched,
    overlap: wordOverlap,
    score: supportScore(matched, wordOverlap),
    hardOk,
    allOk,
    pass: allOk && wordOverlap >= minOverlap,
    matchedCount: matched.filter(Boolean).length,
  };
}

function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    Number(b.pass) - Number(a.pass) ||
    Number(b.hardOk) - Number(a.hardOk) ||
    b.matchedCount - a.matchedCount ||
    a.members.length - b.members.length ||
    b.score - a.score ||
    a.members[0]!.index.position - b.members[0]!.index.position ||
    (a.members[1]?.index.position ?? 0) - (b.members[1]?.index.position ?? 0)
  );
}

/** Chunk evaluations best first (score, then input order). */
export function byScore(a: ChunkEval, b: ChunkEval): number {
  return b.score - a.score || a.index.position - b.index.position;
}

/** The report's arithmetic: score = supported / factual, 1 when nothing is factual. */
export function summarize(sentences: SentenceVerdict[]) {
  const factual = sentences.filter((s) => s.factual);
  const supportedCount = factual.filter((s) => s.supported === true).length;
  return {
    sentences,
    factualCount: factual.length,
    supportedCount,
    score: factual.length === 0 ? 1 : supportedCount / factual.length,
    unsupported: factual.filter((s) => s.supported === false),
  };
}
