import type { EntityType, PiiFinding } from "@/lib/schemas/guardrails";

export type { EntityType, PiiFinding };

export interface AnalyzeContext {
  /** Workspace CRM names ("Dana Whitfield"): full names, surnames and listed first names are PERSON. */
  people?: string[];
  /** Exact custom terms, matched case-insensitively; always PERSON with score 1. */
  denyList?: string[];
  /** Enabled subset of entity types; default all. */
  entities?: EntityType[];
  /** Findings scoring below this are dropped; default 0.5. */
  minScore?: number;
}

export interface Recognizer {
  name: string;
  entities: EntityType[];
  /**
   * When true the analyzer does not apply context words to this recognizer's findings
   * (their score is final, e.g. deny-list terms).
   */
  skipContext?: boolean;
  /** The scanning patterns, exposed so tests can audit them for super-linear backtracking. */
  patterns?: readonly RegExp[];
  /**
   * Returns candidate findings with their base score. `text` has the same length as the
   * caller's text (offsets are shared); the analyzer applies context, thresholds and overlaps.
   */
  analyze(text: string, ctx: AnalyzeContext): PiiFinding[];
}
