/**
 * Public API of the offline JSON-LD validator: a schema.org vocabulary layer and a Google
 * rich-result layer, synchronous so the pipeline and the CLI can call it per page. See README.md.
 */
import { PathLocator, type SourceRange } from "./locate";
import { loadVocabulary as loadCachedVocabulary } from "./vocabulary";
import type { Vocabulary } from "./vocabulary/types";

export type { JsonLdFinding, JsonLdLayer, JsonLdReport, JsonLdSeverity, RichResultEligibility } from "./types";
export type { ClassInfo, EnumMemberInfo, PropertyInfo, Vocabulary } from "./vocabulary/types";
export type { ValidateOptions, ValidateTextOptions } from "./validate";
export type { SourceRange } from "./locate";
export { validateJsonLd, validateJsonLdText } from "./validate";
export { RULES as VOCABULARY_RULES } from "./findings";
export { GOOGLE_RULES } from "./google/rules";

/** ISO date the Google rules were last checked (see `google/rules.ts` for the source per type). */
export const GOOGLE_RULES_CHECKED = "2026-11-21";

/**
 * Source offsets of the value at a finding path (`$["@graph"][0].offers.price`) in a JSON text,
 * for highlighting; null when the path does not exist or the text is not valid JSON. For HTML
 * findings, pass the block's text (the path is relative to the block).
 */
export function pathRange(text: string, path: string): SourceRange | null {
  return new PathLocator(text).range(path);
}

/** The schema.org vocabulary, loaded once per process and cached (explicit so it can be timed). */
export function loadVocabulary(): Vocabulary {
  return loadCachedVocabulary();
}
