/**
 * Retrieval metrics for the labelled evaluation sets (see README.md). Pure: no I/O, no clock.
 *
 * Ranks are 1-based in results and messages; arrays are 0-based (`ranked[0]` is rank 1).
 * Invalid input (k < 1, negative grades, a query without relevant labels, ...) throws a
 * RangeError instead of producing a number that looks like a score.
 */

/** One labelled relevant passage: a phrase that occurs exactly once in the source file. */
export interface RelevanceLabel {
  /** File name of the source document, e.g. "returns-and-exchanges.md". */
  source: string;
  /** Verbatim phrase from that file; a result matches when its text contains it. */
  contains: string;
  /** 2 = answers the query, 1 = related. Must be ≥ 1. */
  grade: number;
}

export interface LabelledQuery {
  id: string;
  relevant: readonly RelevanceLabel[];
}

/** One retrieved chunk, as the search service ranked it (best first). */
export interface RankedResult {
  /** The document's source: a file name, or a path or `kind:` source whose last segment is the file name. */
  source: string;
  /** The chunk's text (or its slice of the source document). */
  text: string;
}

export const DEFAULT_K = 10;

// ---------------------------------------------------------------------------------------------
// Matching a ranked result to labels
// ---------------------------------------------------------------------------------------------

/** Collapses every run of whitespace (spaces, tabs, line breaks, NBSP, ...) to one space and trims. */
export function normalizeWhitespace(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/**
 * A result's source matches a label's file name when they are equal, or when the last segment of
 * the result's source, split at `/`, `\` and `:`, equals it: a path ("kb/faq.txt") or a prefixed
 * document source ("cli:faq.txt", "upload:faq.txt"). Case-sensitive.
 */
export function sameSource(resultSource: string, labelSource: string): boolean {
  if (resultSource === labelSource) return true;
  const last = resultSource.split(/[\\/:]/).pop();
  return last === labelSource;
}

/** Source matches and the whitespace-normalised text contains the whitespace-normalised phrase. */
export function matchesLabel(result: RankedResult, label: RelevanceLabel): boolean {
  if (!sameSource(result.source, label.source)) return false;
  const phrase = normalizeWhitespace(label.contains);
  return phrase !== "" && normalizeWhitespace(result.text).includes(phrase);
}

/**
 * For each rank, the indexes (into `labels`) of the labels first matched at that rank.
 * A label is consumed by the first (best-ranked) result that matches it; later results that also
 * contain its phrase get nothing for it. One result may match several labels.
 */
export function matchRanking(results: readonly RankedResult[], labels: readonly RelevanceLabel[]): number[][] {
  const found = new Set<number>();
  return results.map((result) => {
    const newly: number[] = [];
    labels.forEach((label, i) => {
      if (!found.has(i) && matchesLabel(result, label)) {
        found.add(i);
        newly.push(i);
      }
    });
    return newly;
  });
}

// ---------------------------------------------------------------------------------------------
// Metrics
// ---------------------------------------------------------------------------------------------

function checkK(k: number, allowInfinity = false): void {
  if (allowInfinity && k === Infinity) return;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
}

function asCount(v: number | boolean, what: string, rank: number): number {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (!Number.isInteger(v) || v < 0)
    throw new RangeError(`${what} at rank ${rank} must be a non-negative integer, got ${v}`);
  return v;
}

function asGrade(g: number, what: string, index: number): number {
  if (!Number.isFinite(g) || g < 0) throw new RangeError(`${what}[${index}] must be a finite grade ≥ 0, got ${g}`);
  return g;
}

/**
 * Recall@k: the share of the relevant labels found in the top k results.
 *
 * `hits[i]` is what the result at rank i+1 newly found: a boolean or 0/1 flag when a result can
 * match at most one label, or a count when it can match several (as `judgeRun` passes). Not
 * grades: a grade-2 hit is one label, not two. Throws when `totalRelevant` < 1 or the hits over the
 * whole list add up to more than `totalRelevant`.
 */
export function recallAtK(hits: readonly (number | boolean)[], totalRelevant: number, k: number): number {
  checkK(k);
  if (!Number.isInteger(totalRelevant) || totalRelevant < 1)
    throw new RangeError(`totalRelevant must be a positive integer, got ${totalRelevant}`);
  let all = 0;
  let top = 0;
  hits.forEach((h, i) => {
    const n = asCount(h, "hits", i + 1);
    all += n;
    if (i < k) top += n;
  });
  if (all > totalRelevant) throw new RangeError(`hits add up to ${all}, more than totalRelevant (${totalRelevant})`);
  return top / totalRelevant;
}

/**
 * Reciprocal rank: 1 / rank of the first relevant result (a value > 0 or `true`) among the top k,
 * 0 when there is none. Accepts flags, counts or grades. `k` defaults to the whole list.
 */
export function reciprocalRank(ranked: readonly (number | boolean)[], k: number = Infinity): number {
  checkK(k, true);
  const n = Math.min(ranked.length, k);
  for (let i = 0; i < n; i++) {
    const v = ranked[i]!;
    if (typeof v === "number" && (!Number.isFinite(v) || v < 0))
      throw new RangeError(`ranked value at rank ${i + 1} must be ≥ 0, got ${v}`);
    if (v === true || (typeof v === "number" && v > 0)) return 1 / (i + 1);
  }
  return 0;
}

/** DCG@k with graded gains 2^g − 1 and discount log2(rank + 1). */
export function dcgAtK(grades: readonly number[], k: number): number {
  checkK(k);
  let sum = 0;
  const n = Math.min(grades.length, k);
  for (let i = 0; i < n; i++) {
    const g = asGrade(grades[i]!, "grades", i);
    sum += (2 ** g - 1) / Math.log2(i + 2);
  }
  return sum;
}

/**
 * nDCG@k = DCG@k(grades) / DCG@k(idealGrades sorted best first).
 *
 * `grades[i]` is the grade credited to the result at rank i+1 (0 for irrelevant); `idealGrades` are
 * the grades of all relevant labels of the query, in any order (only the best k count). Throws when
 * the ideal has no positive grade (nDCG is undefined without anything relevant). For the result to
 * stay within [0, 1], the positive `grades` must be a sub-multiset of `idealGrades`, which `judgeRun`
 * guarantees by crediting each label at most once.
 */
export function ndcgAtK(grades: readonly number[], idealGrades: readonly number[], k: number): number {
  checkK(k);
  const ideal = idealGrades.map((g, i) => asGrade(g, "idealGrades", i)).sort((a, b) => b - a);
  const idcg = dcgAtK(ideal, k);
  if (idcg === 0) throw new RangeError("idealGrades must contain a grade > 0");
  return dcgAtK(grades, k) / idcg;
}

/** Arithmetic mean. Throws on an empty list rather than return NaN. */
export function meanOf(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("meanOf needs at least one value");
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

// ---------------------------------------------------------------------------------------------
// Judging a run
// ---------------------------------------------------------------------------------------------

export interface LabelHit {
  /** Index of the label in `query.relevant`. */
  label: number;
  /** 1-based rank of the first result that matched it (may be beyond k). */
  rank: number;
}

export interface QueryJudgement {
  id: string;
  /** Recall@k: labels found in the top k / all labels of the query. */
  recall: number;
  /** Reciprocal rank of the first result (within the top k) that matches any label; 0 if none. */
  rr: number;
  /** nDCG@k; each result is credited with the best grade among the labels it newly matched. */
  ndcg: number;
  /** Labels found anywhere in the ranked list, in rank order (ranks beyond k included). */
  found: LabelHit[];
  /** Indexes of labels not found anywhere in the ranked list. */
  missed: number[];
}

export interface RunJudgement {
  k: number;
  queries: QueryJudgement[];
  /** Means over all queries (macro average): recall@k, MRR@k, nDCG@k. */
  mean: { recall: number; rr: number; ndcg: number };
}

/** Judges one query's ranked results. See `judgeRun`. */
export function judgeQuery(
  query: LabelledQuery,
  results: readonly RankedResult[],
  k: number = DEFAULT_K,
): QueryJudgement {
  checkK(k);
  if (query.relevant.length === 0) throw new RangeError(`query ${query.id} has no relevant labels`);
  query.relevant.forEach((l, i) => {
    if (!Number.isFinite(l.grade) || l.grade < 1)
      throw new RangeError(`query ${query.id}: label ${i} has grade ${l.grade}; relevant labels need a grade ≥ 1`);
  });
  const perRank = matchRanking(results, query.relevant);
  const counts = perRank.map((labels) => labels.length);
  const grades = perRank.map((labels) => labels.reduce((best, i) => Math.max(best, query.relevant[i]!.grade), 0));
  const found: LabelHit[] = perRank.flatMap((labels, r) => labels.map((label) => ({ label, rank: r + 1 })));
  const foundSet = new Set(found.map((f) => f.label));
  return {
    id: query.id,
    recall: recallAtK(counts, query.relevant.length, k),
    rr: reciprocalRank(counts, k),
    ndcg: ndcgAtK(
      grades,
      query.relevant.map((l) => l.grade),
      k,
    ),
    found,
    missed: query.relevant.map((_, i) => i).filter((i) => !foundSet.has(i)),
  };
}

/**
 * Scores a retrieval run against a labelled set.
 *
 * `rankedResultsPerQuery[i]` are the results for `queries[i]`, best first; a query with no results
 * scores 0 everywhere. Matching: a result matches a label when `sameSource` holds and its
 * whitespace-normalised text contains the label's whitespace-normalised phrase (case-sensitive).
 * Each label counts once, at the first rank that matches it. Recall@k counts every label a result
 * newly matches; nDCG@k credits a result with the best grade among them (a result is one position
 * in the ranking), so a chunk that covers two labelled passages gets the recall of both but the gain
 * of one.
 */
export function judgeRun(
  queries: readonly LabelledQuery[],
  rankedResultsPerQuery: readonly (readonly RankedResult[])[],
  k: number = DEFAULT_K,
): RunJudgement {
  checkK(k);
  if (queries.length === 0) throw new RangeError("judgeRun needs at least one query");
  if (rankedResultsPerQuery.length !== queries.length)
    throw new RangeError(
      `got results for ${rankedResultsPerQuery.length} queries, expected ${queries.length} (one list per query, in order)`,
    );
  const judged = queries.map((q, i) => judgeQuery(q, rankedResultsPerQuery[i]!, k));
  return {
    k,
    queries: judged,
    mean: {
      recall: meanOf(judged.map((j) => j.recall)),
      rr: meanOf(judged.map((j) => j.rr)),
      ndcg: meanOf(judged.map((j) => j.ndcg)),
    },
  };
}
