/**
 * Promoting a rejected draft to a golden case: the editor's reason and the draft's flags become
 * suggested expectations, which the editor reviews before saving the case.
 *
 * The rules, applied in this order (so the same rejection always gives the same list):
 *  1. any error-level governor flag with a rule id → one `governor_pass`;
 *  2. any `unsupported_claim` flag → one `no_unsupported_facts`;
 *  3. any `jsonld` flag on an SEO page → one `jsonld_valid`;
 *  4. a channel length flag → `max_length` on that field for every item of its list
 *     (`headlines[3].text` → `headlines[*].text`) with the channel's limit from limits.ts; a range
 *     rule (preheader, meta description) only when the text is over the top of the range, since
 *     `max_length` cannot say "too short"; one per field, in flag order;
 *  5. each quoted phrase in the reason (“…”, ‘…’, «…», "…", or '…' not inside a word) →
 *     `not_contains` anywhere in the draft, case-insensitive; one per phrase, in reason order.
 */
import { Assertion, type AssertionInput } from "@/lib/schemas/evals";
import type { DraftContent, DraftFlag, DraftFormat } from "@/lib/schemas/drafts";
import {
  EMAIL_LIMITS,
  GOOGLE_RSA_LIMITS,
  META_AD_LIMITS,
  SEO_PAGE_LIMITS,
  charLength,
  contentFields,
} from "@/server/features/generation/channels";

export type Rejection = { reason: string; flags: DraftFlag[]; content: DraftContent; format: DraftFormat };

/** Channel issue codes about length, per format → the limit an item of that field may not exceed. */
const LENGTH_RULES: { [F in DraftFormat]: Record<string, { max: number; range?: true }> } = {
  google_rsa: {
    headline_too_long: { max: GOOGLE_RSA_LIMITS.headlineWidth },
    description_too_long: { max: GOOGLE_RSA_LIMITS.descriptionWidth },
    path_too_long: { max: GOOGLE_RSA_LIMITS.pathWidth },
  },
  meta_ad: {
    primary_text_too_long: { max: META_AD_LIMITS.primaryTextMax },
    primary_text_truncated: { max: META_AD_LIMITS.primaryTextVisible },
    headline_long: { max: META_AD_LIMITS.headlineRecommended },
    description_long: { max: META_AD_LIMITS.descriptionRecommended },
  },
  email: {
    subject_long: { max: EMAIL_LIMITS.subjectMax },
    preheader_length: { max: EMAIL_LIMITS.preheader.max, range: true },
  },
  seo_page: {
    title_long: { max: SEO_PAGE_LIMITS.titleMax },
    meta_description_length: { max: SEO_PAGE_LIMITS.metaDescription.max, range: true },
  },
};

const QUOTED =
  /“([^”\n]{1,200})”|‘([^’\n]{1,200})’|«([^»\n]{1,200})»|"([^"\n]{1,200})"|(?<![\p{L}\p{N}])'([^'\n]{1,200})'(?![\p{L}\p{N}])/gu;
const MAX_PHRASE = 100;

/** Quoted phrases in the order they appear, trimmed of spaces and trailing punctuation, without repeats. */
export function quotedPhrases(reason: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const m of reason.matchAll(QUOTED)) {
    const raw = m.slice(1).find((g) => g !== undefined) ?? "";
    const phrase = raw
      .trim()
      .replace(/[.,;:!?]+$/u, "")
      .trim();
    if (!phrase || phrase.length > MAX_PHRASE) continue;
    const key = phrase.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(phrase);
  }
  return out;
}

const anyIndex = (path: string) => path.replace(/\[\d+\]/g, "[*]");

function list(items: string[]): string {
  return items.length > 3 ? `${items.slice(0, 3).join(", ")}, …` : items.join(", ");
}

/** Suggested expectations for a rejected draft (see the rules above). */
export function assertionsFromRejection(r: Rejection): Assertion[] {
  const out: AssertionInput[] = [];

  const governorRules = [
    ...new Set(
      r.flags.filter((f) => f.kind === "governor" && f.level === "error" && f.ruleId).map((f) => f.ruleId as string),
    ),
  ];
  if (governorRules.length)
    out.push({ kind: "governor_pass", label: `Style governor passes (was: ${list(governorRules)})`.slice(0, 200) });

  if (r.flags.some((f) => f.kind === "unsupported_claim")) {
    out.push({ kind: "no_unsupported_facts", label: "No unsupported facts (the rejected draft had some)" });
  }

  if (r.format === "seo_page" && r.flags.some((f) => f.kind === "jsonld")) {
    out.push({ kind: "jsonld_valid", label: "JSON-LD is valid (the rejected draft's was not)" });
  }

  const texts = new Map(contentFields(r.content).map((f) => [f.path, f.text]));
  const lengthFields = new Set<string>();
  for (const f of r.flags) {
    if (f.kind !== "channel" || !f.ruleId || !f.field) continue;
    const rule = LENGTH_RULES[r.format][f.ruleId];
    if (!rule) continue;
    if (rule.range && charLength(texts.get(f.field) ?? "") <= rule.max) continue;
    const field = anyIndex(f.field);
    if (lengthFields.has(field)) continue;
    lengthFields.add(field);
    out.push({ kind: "max_length", field, max: rule.max });
  }

  for (const phrase of quotedPhrases(r.reason)) {
    out.push({
      kind: "not_contains",
      text: phrase,
      caseSensitive: false,
      label: `Does not say “${phrase}” (from the rejection)`,
    });
  }

  return out.map((a) => Assertion.parse(a));
}
