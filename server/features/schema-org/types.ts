/**
 * The contract of the JSON-LD feature: what a validation reports. Shared by the validator
 * (vocabulary + Google layers), the builder, the pipeline, the CLI, the API and the UI.
 */

/** Which check produced a finding. */
export type JsonLdLayer = "syntax" | "vocabulary" | "google";

export type JsonLdSeverity = "error" | "warning" | "info";

export type JsonLdFinding = {
  severity: JsonLdSeverity;
  layer: JsonLdLayer;
  /** Stable rule id, e.g. `vocab.unknown-property`, `google.product.offers-or-review-or-rating`. */
  rule: string;
  /**
   * JSONPath into the validated document, e.g. `$["@graph"][0].offers.price` or `$` for the root.
   * For HTML input, relative to the block given in `block` (0-based index of the script tag).
   */
  path: string;
  message: string;
  /** The vocabulary term involved (`schema:Product`, `schema:priceCurrency`), when there is one. */
  term?: string;
  /** Index of the `<script type="application/ld+json">` block (HTML input only). */
  block?: number;
  /** 1-based line/column in the source text, when known (syntax errors always have it). */
  line?: number;
  column?: number;
};

/** Google rich-result types a document is eligible for (all required properties present). */
export type RichResultEligibility = {
  type: string;
  /** Whether Google currently shows this rich result (false for FAQPage since 2026-05-07). */
  shown: boolean;
  eligible: boolean;
};

export type JsonLdReport = {
  /** No error-level finding. */
  valid: boolean;
  errorCount: number;
  warningCount: number;
  findings: JsonLdFinding[];
  /** Types found in the document (all nodes), e.g. ["Product", "Offer"]. */
  types: string[];
  richResults: RichResultEligibility[];
  /** Number of JSON-LD blocks validated (1 for JSON input). */
  blocks: number;
};
