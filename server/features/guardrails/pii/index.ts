export { analyzePii, RECOGNIZERS, DEFAULT_MIN_SCORE, resolveOverlaps } from "./analyze";
export {
  applyContext,
  findContext,
  POSITIVE_CONTEXT,
  NEGATIVE_CONTEXT,
  CONTEXT_BOOST,
  CONTEXT_PENALTY,
} from "./context";
export type { AnalyzeContext, EntityType, PiiFinding, Recognizer } from "./types";
