export { groundText, groundTextLexical, DEFAULT_MIN_OVERLAP, DEFAULT_MIN_JUDGE_CONFIDENCE } from "./ground";
export { splitSentences, type Sentence } from "./sentences";
export { detectFacts, type DetectedFact } from "./facts";
export type {
  Entailment,
  Fact,
  FactKind,
  GroundingChunk,
  GroundingOptions,
  GroundingReport,
  LexicalOptions,
  SentenceVerdict,
  SupportingChunk,
} from "./types";
