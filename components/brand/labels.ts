import type { BadgeTone } from "@/components/ui/badge";
import type { BrandVoice, CheckResult, Level } from "@/lib/schemas/brand";

/** Display labels shared by the Brand page's panels. */

export const LEVEL_LABELS: Record<Level, string> = { error: "Error", warning: "Warning", suggestion: "Suggestion" };

export const LEVEL_TONES: Record<Level, BadgeTone> = { error: "danger", warning: "warning", suggestion: "info" };

export const PERSON_LABELS: Record<BrandVoice["person"], string> = {
  we_you: "We and you",
  third: "Third person",
  any: "Any",
};

export type ScoreCategory = keyof CheckResult["score"]["categories"];

export const SCORE_CATEGORIES: { key: ScoreCategory; label: string }[] = [
  { key: "terminology", label: "Terminology" },
  { key: "claims", label: "Claims" },
  { key: "tone", label: "Tone" },
  { key: "channel", label: "Channel" },
];

/** Friendly names of the Vale styles the voice compiles to (the part of a check id before the dot). */
const STYLE_LABELS: Record<string, string> = {
  Brand: "Brand (every channel)",
  BrandAd: "Ads",
  BrandEmail: "Emails",
  BrandSeo: "SEO pages",
  Lectern: "Lectern checks",
};

/** "Brand.Terms" → "Brand"; ids without a dot group under "Other". */
export function stylePrefix(check: string): string {
  const i = check.indexOf(".");
  return i > 0 ? check.slice(0, i) : "Other";
}

export function styleLabel(prefix: string): string {
  return STYLE_LABELS[prefix] ?? prefix;
}
