import { z } from "zod";
import { JSONLD_PAGE_TYPES } from "./batches";

/**
 * JSON-LD validation as the API, the CLI and the UI see it. Mirrors the validator's contract
 * (`server/features/schema-org/types.ts`); the server checks at compile time that the two agree.
 */

/** The main schema.org type an SEO page's JSON-LD describes (a batch template chooses one). */
export const JsonLdPageType = z.enum(JSONLD_PAGE_TYPES);
export type JsonLdPageType = z.infer<typeof JsonLdPageType>;

export const JsonLdLayer = z.enum(["syntax", "vocabulary", "google"]);
export const JsonLdSeverity = z.enum(["error", "warning", "info"]);

export const JsonLdFinding = z.object({
  severity: JsonLdSeverity,
  layer: JsonLdLayer,
  /** Stable rule id, e.g. `vocab.unknown-property`. */
  rule: z.string(),
  /** JSONPath into the validated document (for HTML, into the block `block`), e.g. `$["@graph"][0].offers`. */
  path: z.string(),
  message: z.string(),
  /** The vocabulary term involved, e.g. `schema:priceCurrency`. */
  term: z.string().optional(),
  /** 0-based index of the `<script type="application/ld+json">` block (HTML input only). */
  block: z.number().int().optional(),
  /** 1-based position in the source text, when known. */
  line: z.number().int().optional(),
  column: z.number().int().optional(),
});
export type JsonLdFinding = z.infer<typeof JsonLdFinding>;

export const RichResultEligibility = z.object({
  type: z.string(),
  /** Whether Google currently shows this rich result (false for FAQPage). */
  shown: z.boolean(),
  eligible: z.boolean(),
});
export type RichResultEligibility = z.infer<typeof RichResultEligibility>;

export const JsonLdReport = z.object({
  valid: z.boolean(),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  findings: z.array(JsonLdFinding),
  types: z.array(z.string()),
  richResults: z.array(RichResultEligibility),
  blocks: z.number().int(),
});
export type JsonLdReport = z.infer<typeof JsonLdReport>;

/** What a draft's record keeps of the validation of its JSON-LD (the document itself is in the content). */
export const DraftJsonLd = JsonLdReport.omit({ blocks: true }).extend({
  /** The main type the builder made the page for (the batch template's type; WebPage by default). */
  type: JsonLdPageType,
});
export type DraftJsonLd = z.infer<typeof DraftJsonLd>;

export const JSONLD_INPUT_KINDS = ["auto", "json", "html"] as const;
export const JsonLdInputKind = z.enum(JSONLD_INPUT_KINDS);
export type JsonLdInputKind = z.infer<typeof JsonLdInputKind>;

/** Largest text the validator takes: 5 MB of UTF-8. */
export const JSONLD_MAX_TEXT_BYTES = 5 * 1024 * 1024;
/** The request body may be larger than the text it carries (JSON escapes quotes and newlines). */
export const JSONLD_MAX_BODY_BYTES = 12 * 1024 * 1024;

/** UTF-8 size of a text, without allocating it (a 5 MB paste is measured on every keystroke). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function textTooLargeMessage(bytes: number): string {
  // Rounded up, so a text just over the limit never reads as "5.00 MB".
  const mb = Math.ceil((bytes / (1024 * 1024)) * 100) / 100;
  return `The text is ${mb.toFixed(2)} MB, over the ${JSONLD_MAX_TEXT_BYTES / (1024 * 1024)} MB limit.`;
}

/**
 * `POST /api/v1/jsonld/validate` (and the studio's `/api/jsonld/validate`): either a text (JSON-LD,
 * or HTML with `<script type="application/ld+json">` blocks) or an already parsed document.
 */
export const JsonLdValidateBody = z
  .object({
    text: z
      .string()
      .describe("JSON-LD, or an HTML page whose script blocks are validated (at most 5 MB of UTF-8)")
      .optional(),
    kind: JsonLdInputKind.default("auto").describe("How to read `text`: `auto` treats text starting with `<` as HTML"),
    document: z.unknown().describe("A JSON-LD document as JSON (instead of `text`)").optional(),
    google: z.boolean().default(true).describe("Also check Google's rich-result requirements (default true)"),
  })
  .superRefine((b, ctx) => {
    const hasText = b.text !== undefined;
    const hasDoc = b.document !== undefined;
    if (hasText === hasDoc) {
      ctx.addIssue({
        code: "custom",
        path: hasText ? ["document"] : ["text"],
        message: hasText
          ? "Send either `text` or `document`, not both."
          : "Send the JSON-LD or HTML as `text`, or a parsed document as `document`.",
      });
      return;
    }
    if (b.text !== undefined) {
      if (!b.text.trim())
        ctx.addIssue({ code: "custom", path: ["text"], message: "Paste JSON-LD or HTML to validate." });
      else {
        // A UTF-16 unit is at most 3 bytes of UTF-8: short texts need no count.
        const bytes = b.text.length > JSONLD_MAX_TEXT_BYTES / 3 ? utf8Bytes(b.text) : 0;
        if (bytes > JSONLD_MAX_TEXT_BYTES)
          ctx.addIssue({ code: "custom", path: ["text"], message: textTooLargeMessage(bytes) });
      }
    }
  });
export type JsonLdValidateBody = z.input<typeof JsonLdValidateBody>;
