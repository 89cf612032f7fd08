/** A retrieved knowledge-base passage that generated text may cite. */
export type GroundingChunk = {
  id: string;
  text: string;
  documentId?: string;
  documentTitle?: string;
  headingPath?: string[];
};

export type FactKind = "number" | "price" | "percent" | "date" | "measure" | "entity" | "claim";

/** A checkable fact found in a sentence; offsets are into the text given to `groundText`. */
export type Fact = {
  kind: FactKind;
  /** Exact slice of the input text. */
  text: string;
  /** Canonical form used for matching, e.g. `USD 149`, `30%`, `1100 g`, `2026-03-03`, `trailhead 2`. */
  normalized: string;
  start: number;
  end: number;
  /** Whether the sentence's supporting (or best candidate) source states this fact. */
  supported: boolean;
};

export type SupportingChunk = { chunkId: string; score: number; matchedFacts: string[] };

export type SentenceVerdict = {
  index: number;
  text: string;
  /** `text === input.slice(start, end)`. */
  start: number;
  end: number;
  /** Does the sentence state a checkable fact? */
  factual: boolean;
  facts: Fact[];
  /** `null` when the sentence is not factual. */
  supported: boolean | null;
  /** Chunks that support the sentence, best first (empty when unsupported). */
  support: SupportingChunk[];
  method: "lexical" | "lexical+judge";
  /** One human sentence explaining the verdict. */
  reason: string;
};

export type GroundingReport = {
  sentences: SentenceVerdict[];
  factualCount: number;
  supportedCount: number;
  /** supportedCount / factualCount, 1 when there are no factual sentences. */
  score: number;
  unsupported: SentenceVerdict[];
};

/**
 * An entailment judge (a model). Given a claim and candidate passages, says for each passage whether it
 * entails the claim. Passages are sent together, so a judge may read them jointly.
 */
export type Entailment = (
  claim: string,
  passages: { chunkId: string; text: string }[],
) => Promise<{ chunkId: string; entailed: boolean; confidence: number }[]>;

export type LexicalOptions = {
  /**
   * Share (0..1) of the sentence's content words (stop words removed, lightly stemmed) that the supporting
   * chunk(s) must contain. Default 0.3.
   */
  minOverlap?: number;
};

export type GroundingOptions = LexicalOptions & {
  /** Optional judge, used only when a real model is configured. */
  entail?: Entailment;
  /** Minimum judge confidence for an `entailed: true` answer to count. Default 0.5. */
  minJudgeConfidence?: number;
};
