/**
 * Grounding: per sentence, does a knowledge-base chunk support each fact the sentence states?
 * Lexical/numeric matching first; an optional entailment judge may confirm or veto, never overrule a
 * mismatched number or name.
 */
import { z } from "zod";
import { detectFacts, type DetectedFact } from "./facts";
import { indexChunk, type ChunkIndex } from "./match";
import { candidateLabel, list, notFactualReason, supportedReason, unsupportedReason } from "./reason";
import { byScore, evaluate, summarize, type Candidate, type ChunkEval, type Evaluation } from "./score";
import { splitSentences, type Sentence } from "./sentences";
import type {
  Entailment,
  GroundingChunk,
  GroundingOptions,
  GroundingReport,
  LexicalOptions,
  SentenceVerdict,
  SupportingChunk,
} from "./types";
import { contentStems } from "./words";

export const DEFAULT_MIN_OVERLAP = 0.3;
export const DEFAULT_MIN_JUDGE_CONFIDENCE = 0.5;
/** At most this many candidate chunks are shown to the judge. */
export const MAX_JUDGE_PASSAGES = 3;
const JUDGE_CONCURRENCY = 4;

type Prepared = {
  sentence: Sentence;
  facts: DetectedFact[];
  stems: Set<string>;
};

type Lexical = {
  verdict: SentenceVerdict;
  evaluation: Evaluation | null;
  prepared: Prepared;
};

/** Synchronous lexical grounding (no judge). */
export function groundTextLexical(text: string, chunks: GroundingChunk[], opts: LexicalOptions = {}): GroundingReport {
  const minOverlap = checkRatio("minOverlap", opts.minOverlap, DEFAULT_MIN_OVERLAP);
  const index = chunks.map(indexChunk);
  return summarize(prepare(text).map((p) => lexical(p, index, minOverlap).verdict));
}

/**
 * Grounds `text` in `chunks`. Without `opts.entail` this is `groundTextLexical`. With a judge, factual
 * sentences whose numbers, prices, dates, measures and names all match a chunk (or a same-document pair)
 * are shown to the judge with their top ≤3 candidate chunks: the judge can confirm a soft claim the words
 * did not fully cover, or veto a lexical match. If the judge throws or answers malformed data, the
 * lexical verdict stands and the reason says so.
 */
export async function groundText(
  text: string,
  chunks: GroundingChunk[],
  opts: GroundingOptions = {},
): Promise<GroundingReport> {
  const minOverlap = checkRatio("minOverlap", opts.minOverlap, DEFAULT_MIN_OVERLAP);
  const minConfidence = checkRatio("minJudgeConfidence", opts.minJudgeConfidence, DEFAULT_MIN_JUDGE_CONFIDENCE);
  const index = chunks.map(indexChunk);
  const lexicals = prepare(text).map((p) => lexical(p, index, minOverlap));
  const entail = opts.entail;
  if (!entail) return summarize(lexicals.map((l) => l.verdict));
  const verdicts = await mapLimit(lexicals, JUDGE_CONCURRENCY, (l) => judged(l, entail, minOverlap, minConfidence));
  return summarize(verdicts);
}

function checkRatio(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new RangeError(`${name} must be a number from 0 to 1 (got ${value})`);
  }
  return value;
}

function prepare(text: string): Prepared[] {
  return splitSentences(text).map((sentence) => {
    const local = detectFacts(sentence.text);
    const numeric = local.filter((f) => f.kind !== "entity" && f.kind !== "claim");
    const stems = contentStems(sentence.text, numeric);
    const facts = local.map((f) => ({ ...f, start: f.start + sentence.start, end: f.end + sentence.start }));
    return { sentence, facts, stems };
  });
}

function lexical(p: Prepared, chunks: ChunkIndex[], minOverlap: number): Lexical {
  const { sentence, facts } = p;
  const base = { index: sentence.index, text: sentence.text, start: sentence.start, end: sentence.end };
  if (facts.length === 0) {
    const verdict: SentenceVerdict = {
      ...base,
      factual: false,
      facts: [],
      supported: null,
      support: [],
      method: "lexical",
      reason: notFactualReason(),
    };
    return { verdict, evaluation: null, prepared: p };
  }
  const evaluation = evaluate(facts, p.stems, chunks, minOverlap);
  const best = evaluation.candidates[0];
  const passing = evaluation.candidates.filter((c) => c.pass);
  let support: SupportingChunk[] = [];
  let reason: string;
  if (best?.pass) {
    const evals =
      best.members.length === 1
        ? passing.filter((c) => c.members.length === 1).map((c) => c.members[0]!)
        : best.members;
    support = [...evals].sort(byScore).map((e) => toSupport(e, facts));
    reason = supportedReason(facts, best);
  } else {
    const statedSomewhere = facts.map((_, i) => evaluation.singles.some((e) => e.matched[i]));
    reason = unsupportedReason(facts, best, statedSomewhere, minOverlap);
  }
  const verdict: SentenceVerdict = {
    ...base,
    factual: true,
    facts: facts.map((f, i) => publicFact(f, best?.matched[i] ?? false)),
    supported: best?.pass ?? false,
    support,
    method: "lexical",
    reason,
  };
  return { verdict, evaluation, prepared: p };
}

function publicFact(f: DetectedFact, supported: boolean) {
  return { kind: f.kind, text: f.text, normalized: f.normalized, start: f.start, end: f.end, supported };
}

function toSupport(e: ChunkEval, facts: readonly DetectedFact[]): SupportingChunk {
  return {
    chunkId: e.index.chunk.id,
    score: e.score,
    matchedFacts: facts.filter((_, i) => e.matched[i]).map((f) => f.text),
  };
}

const judgeAnswer = z.array(
  z.object({ chunkId: z.string(), entailed: z.boolean(), confidence: z.number().min(0).max(1) }),
);

async function judged(
  l: Lexical,
  entail: Entailment,
  minOverlap: number,
  minConfidence: number,
): Promise<SentenceVerdict> {
  const { verdict, evaluation, prepared } = l;
  if (!evaluation) return verdict;
  const facts = prepared.facts;
  // The judge never sees a sentence whose numbers or names fail: it could not make them pass.
  const hardOk = evaluation.candidates.filter((c) => c.hardOk);
  const best = hardOk[0];
  if (!best || !(verdict.supported || nearMiss(facts, best, minOverlap))) return verdict;

  const passages: ChunkEval[] = [];
  for (const c of hardOk) {
    for (const m of c.members) if (!passages.includes(m) && passages.length < MAX_JUDGE_PASSAGES) passages.push(m);
  }
  let answer: z.infer<typeof judgeAnswer>;
  try {
    const raw = await entail(
      prepared.sentence.text,
      passages.map((p) => ({ chunkId: p.index.chunk.id, text: p.index.passage })),
    );
    const parsed = judgeAnswer.safeParse(raw);
    if (!parsed.success) throw new Error("malformed judge answer");
    answer = parsed.data;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return { ...verdict, reason: `${verdict.reason} (judge failed: ${oneLine(msg)}; lexical result used)` };
  }

  const shown = new Set(passages.map((p) => p.index.chunk.id));
  const yes = answer.filter((a) => shown.has(a.chunkId) && a.entailed && a.confidence >= minConfidence);
  const confidence = Math.max(0, ...yes.map((a) => a.confidence)).toFixed(2);
  if (yes.length === 0) {
    const reason = verdict.supported
      ? `The judge found no passage that entails it, although ${supportedReason(facts, best, false)}`
      : `${verdict.reason}, and the judge did not confirm it`;
    return { ...verdict, supported: false, support: [], method: "lexical+judge", reason };
  }
  const entailedIds = new Set(yes.map((a) => a.chunkId));
  // A confirmed pair keeps both passages: together they state the facts.
  const lead = hardOk.find((c) => c.members.some((m) => entailedIds.has(m.index.chunk.id)))!;
  const evals = lead.members.length > 1 ? lead.members : passages.filter((p) => entailedIds.has(p.index.chunk.id));
  const support = [...evals].sort(byScore).map((e) => toSupport(e, facts));
  const hard = facts.filter((f) => f.hard);
  const reason = verdict.supported
    ? `${verdict.reason}, and the judge agrees (confidence ${confidence})`
    : `The judge confirmed ${candidateLabel(lead)} supports it (confidence ${confidence})${
        hard.length ? `, and ${list(hard)} ${hard.length === 1 ? "matches" : "match"} exactly` : ""
      }`;
  return {
    ...verdict,
    supported: true,
    facts: verdict.facts.map((f) => ({ ...f, supported: true })),
    support,
    method: "lexical+judge",
    reason,
  };
}

/**
 * Nearly passed: every hard fact matches and there is some lexical evidence for the rest (a hard fact, a
 * matched claim, or at least half the required word overlap).
 */
function nearMiss(facts: readonly DetectedFact[], c: Candidate, minOverlap: number): boolean {
  if (!c.hardOk) return false;
  return facts.some((f) => f.hard) || facts.some((f, i) => !f.hard && c.matched[i]) || c.overlap >= minOverlap / 2;
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim().slice(0, 200) || "unknown error";

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
