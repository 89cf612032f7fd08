/**
 * `EmbeddingModelV3` implementation of the offline engine: a LEXICAL hashing embedder, not a
 * neural model. Texts that share words, word pairs and word fragments get similar vectors; texts
 * that mean the same thing in different words do not (no synonyms, no semantics).
 *
 * Method (`lexical-hash-v1`, 512 dimensions):
 * 1. Unicode NFKC normalisation, then lower-casing.
 * 2. Words = runs of letters/digits (`[\p{L}\p{M}\p{N}]+`).
 * 3. Features: every word (`w:`), every adjacent word pair (`b:`), and the character 3-grams of
 *    every word wrapped in boundary markers `<word>` (`c:`). A small English stop-word list gets a
 *    low unigram weight and no 3-grams.
 * 4. Each feature's count tf is weighted sublinearly `1 + ln(tf)`, then multiplied by its group
 *    weight (words 1.0, stop words 0.1, bigrams 0.6, 3-grams 0.3).
 * 5. Feature hashing: h = fmix32(FNV-1a-32(feature)); bucket = h mod 512 (low 9 bits); sign = −1
 *    when bit 31 of h is set, else +1. Weighted values are summed per bucket.
 * 6. The vector is L2-normalised. A text without any word (empty, whitespace, punctuation only)
 *    embeds to the ZERO vector — `cosineSimilarity` from "ai" returns 0 for it; stores that divide
 *    by the norm (e.g. pgvector cosine distance) must skip such rows.
 */
import {
  TooManyEmbeddingValuesForCallError,
  type EmbeddingModelV3,
  type EmbeddingModelV3CallOptions,
  type EmbeddingModelV3Result,
} from "@ai-sdk/provider";
import { stableHash } from "./hash";
import { OFFLINE_PROVIDER_ID } from "./language-model";
import { countTokens } from "./tokens";

export const OFFLINE_EMBEDDING_MODEL_ID = "lexical-hash-v1";
export const OFFLINE_EMBEDDING_DIMENSIONS = 512;
export const OFFLINE_MAX_EMBEDDINGS_PER_CALL = 512;

const WORD_WEIGHT = 1.0;
const STOPWORD_WEIGHT = 0.1;
const BIGRAM_WEIGHT = 0.6;
const TRIGRAM_WEIGHT = 0.3;

const STOPWORDS = new Set(
  (
    "a an and are as at be been but by can do for from has have he her his i if in into is it its me my no not of on " +
    "or our out over so than that the their them then there these they this those to too up us was we were what when " +
    "which who will with you your"
  ).split(" "),
);

const WORD_RE = /[\p{L}\p{M}\p{N}]+/gu;

/** Lower-cased, NFKC-normalised words of `text`. */
export function lexicalWords(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(WORD_RE) ?? [];
}

/** Weighted features of a text (before hashing); exported for tests and debugging. */
export function lexicalFeatures(text: string): Map<string, number> {
  const words = lexicalWords(text);
  const counts = new Map<string, { tf: number; weight: number }>();
  const add = (feature: string, weight: number) => {
    const entry = counts.get(feature);
    if (entry) entry.tf += 1;
    else counts.set(feature, { tf: 1, weight });
  };
  words.forEach((word, i) => {
    const stop = STOPWORDS.has(word);
    add(`w:${word}`, stop ? STOPWORD_WEIGHT : WORD_WEIGHT);
    const nextWord = words[i + 1];
    if (nextWord !== undefined) add(`b:${word} ${nextWord}`, BIGRAM_WEIGHT);
    if (!stop) {
      const chars = [...`<${word}>`];
      for (let j = 0; j + 3 <= chars.length; j++) add(`c:${chars.slice(j, j + 3).join("")}`, TRIGRAM_WEIGHT);
    }
  });
  const out = new Map<string, number>();
  for (const [feature, { tf, weight }] of counts) out.set(feature, (1 + Math.log(tf)) * weight);
  return out;
}

/** Embeds one text (see module docs). Deterministic; unit length, or all zeros for word-less text. */
export function embedText(text: string, dimensions: number = OFFLINE_EMBEDDING_DIMENSIONS): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const [feature, value] of lexicalFeatures(text)) {
    const h = stableHash(feature);
    const bucket = h % dimensions;
    const sign = h >>> 31 === 1 ? -1 : 1;
    vector[bucket] = (vector[bucket] ?? 0) + sign * value;
  }
  let norm = 0;
  for (const v of vector) norm += v * v;
  norm = Math.sqrt(norm);
  if (norm === 0) return vector;
  return vector.map((v) => v / norm);
}

export interface OfflineEmbeddingModelOptions {
  /** Defaults to {@link OFFLINE_EMBEDDING_MODEL_ID}. */
  modelId?: string;
  /** Defaults to "lectern.offline". */
  provider?: string;
}

export class OfflineEmbeddingModel implements EmbeddingModelV3 {
  readonly specificationVersion = "v3" as const;
  readonly provider: string;
  readonly modelId: string;
  readonly maxEmbeddingsPerCall = OFFLINE_MAX_EMBEDDINGS_PER_CALL;
  readonly supportsParallelCalls = true;
  readonly dimensions = OFFLINE_EMBEDDING_DIMENSIONS;

  constructor(options: OfflineEmbeddingModelOptions = {}) {
    this.provider = options.provider ?? OFFLINE_PROVIDER_ID;
    this.modelId = options.modelId ?? OFFLINE_EMBEDDING_MODEL_ID;
  }

  async doEmbed(options: EmbeddingModelV3CallOptions): Promise<EmbeddingModelV3Result> {
    const signal = options.abortSignal;
    if (signal?.aborted) throw signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
    if (options.values.length > this.maxEmbeddingsPerCall) {
      throw new TooManyEmbeddingValuesForCallError({
        provider: this.provider,
        modelId: this.modelId,
        maxEmbeddingsPerCall: this.maxEmbeddingsPerCall,
        values: options.values,
      });
    }
    const embeddings = options.values.map((value) => embedText(value, this.dimensions));
    const tokens = options.values.reduce((sum, value) => sum + countTokens(value), 0);
    return {
      embeddings,
      usage: { tokens },
      warnings: [],
      providerMetadata: {
        lectern: {
          engine: "lexical-hash",
          kind: "lexical-hashing-embedder",
          notNeural: true,
          dimensions: this.dimensions,
        },
      },
    };
  }
}

/** Creates the offline lexical embedding model (512-dimensional feature hashing, not neural). */
export function createOfflineEmbeddingModel(options: OfflineEmbeddingModelOptions = {}): OfflineEmbeddingModel {
  return new OfflineEmbeddingModel(options);
}
