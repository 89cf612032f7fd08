/** Meta ads: up to five variants of primary text, headline and link description (guidance limits). */
import { z } from "zod";
import { FORMAT_LABELS, type ChannelIssue, type MetaAdContent } from "@/lib/schemas/drafts";
import { applySlots, isAbsoluteHttpUrl, issue, oneLine, siteBase, slotFields, type Slot } from "./common";
import { META_AD_LIMITS as L } from "./limits";
import type { ChannelCtx, ChannelModule } from "./types";
import { charLength } from "./width";

export const metaAdGenerationSchema = z.object({
  variants: z
    .array(
      z.object({
        primaryText: z
          .string()
          .describe(
            `The post text above the image. Put the message in the first ${L.primaryTextVisible} characters (the rest is hidden behind "See more"); never more than ${L.primaryTextMax}.`,
          ),
        headline: z.string().describe(`Headline under the image, about ${L.headlineRecommended} characters at most.`),
        description: z.string().describe(`Link description, about ${L.descriptionRecommended} characters at most.`),
      }),
    )
    .describe(`${L.variantCount.min}–${L.variantCount.max} distinct variants.`),
});
export type MetaAdGeneration = z.infer<typeof metaAdGenerationSchema>;

export const metaAdInstructions =
  `Meta ad: write ${L.variantCount.min}–${L.variantCount.max} distinct variants, each with primary text (the key ` +
  `message within the first ${L.primaryTextVisible} characters, which is what the feed shows before "See more"; ` +
  `${L.primaryTextMax} characters at most), a headline of about ${L.headlineRecommended} characters or fewer and a ` +
  `link description of about ${L.descriptionRecommended} characters or fewer.`;

/** Trims texts (primary text keeps its line breaks), drops empty and duplicate variants, keeps at most 5. */
export async function metaAdToContent(g: MetaAdGeneration, ctx: ChannelCtx): Promise<MetaAdContent> {
  const seen = new Set<string>();
  const variants: MetaAdContent["variants"] = [];
  for (const v of g.variants ?? []) {
    const variant = {
      primaryText: (v.primaryText ?? "").replace(/[ \t]+\n/g, "\n").trim(),
      headline: oneLine(v.headline),
      description: oneLine(v.description),
    };
    if (!variant.primaryText && !variant.headline && !variant.description) continue;
    const key = JSON.stringify(Object.values(variant).map((t) => t.toLowerCase()));
    if (seen.has(key)) continue;
    seen.add(key);
    variants.push(variant);
  }
  return { format: "meta_ad", variants: variants.slice(0, L.variantCount.max), finalUrl: siteBase(ctx.siteUrl) ?? "" };
}

export function validateMetaAd(c: MetaAdContent, _ctx?: ChannelCtx): ChannelIssue[] {
  const out: ChannelIssue[] = [];
  const n = c.variants.length;
  if (n < L.variantCount.min || n > L.variantCount.max) {
    out.push(
      issue(
        "variants",
        "error",
        "variant_count",
        `A Meta ad takes ${L.variantCount.min}–${L.variantCount.max} variants; it has ${n}.`,
      ),
    );
  }
  c.variants.forEach((v, i) => {
    const at = `variants[${i}]`;
    const V = `Variant ${i + 1}`;
    const primary = charLength(v.primaryText);
    if (v.primaryText.trim() === "") {
      out.push(issue(`${at}.primaryText`, "error", "primary_text_empty", `${V} has no primary text.`));
    } else if (primary > L.primaryTextMax) {
      out.push(
        issue(
          `${at}.primaryText`,
          "error",
          "primary_text_too_long",
          `${V}: primary text is ${primary} characters; Meta allows ${L.primaryTextMax}.`,
        ),
      );
    } else if (primary > L.primaryTextVisible) {
      out.push(
        issue(
          `${at}.primaryText`,
          "warning",
          "primary_text_truncated",
          `${V}: primary text is ${primary} characters; feeds show about ${L.primaryTextVisible} before "See more".`,
        ),
      );
    }
    const headline = charLength(v.headline);
    if (headline > L.headlineRecommended) {
      out.push(
        issue(
          `${at}.headline`,
          "warning",
          "headline_long",
          `${V}: headline is ${headline} characters; about ${L.headlineRecommended} fit before it is cut off.`,
        ),
      );
    }
    const description = charLength(v.description);
    if (description > L.descriptionRecommended) {
      out.push(
        issue(
          `${at}.description`,
          "warning",
          "description_long",
          `${V}: link description is ${description} characters; about ${L.descriptionRecommended} fit before it is cut off.`,
        ),
      );
    }
  });
  if (!c.finalUrl) {
    out.push(issue("finalUrl", "warning", "final_url_missing", "The ad has no link; set the workspace's site URL."));
  } else if (!isAbsoluteHttpUrl(c.finalUrl)) {
    out.push(issue("finalUrl", "error", "final_url_invalid", "The ad link must be an absolute http(s) URL."));
  }
  return out;
}

type Variant = MetaAdContent["variants"][number];

function slots(c: MetaAdContent): Slot<MetaAdContent>[] {
  return c.variants.flatMap((v, i) =>
    (
      [
        ["primaryText", "primary text"],
        ["headline", "headline"],
        ["description", "link description"],
      ] as const
    ).map(([key, label]) => ({
      path: `variants[${i}].${key}`,
      label: `Variant ${i + 1} ${label}`,
      text: v[key],
      set: (d: MetaAdContent, t: string) => void ((d.variants[i] as Variant)[key] = t),
    })),
  );
}

export const metaAdModule: ChannelModule<"meta_ad", MetaAdGeneration> = {
  format: "meta_ad",
  generationSchema: metaAdGenerationSchema,
  instructions: metaAdInstructions,
  toContent: metaAdToContent,
  validate: validateMetaAd,
  fields: (c) => slotFields(slots(c)),
  withFields: async (c, texts) => applySlots(c, slots, texts),
  title: (c) =>
    oneLine(c.variants.find((v) => v.headline.trim())?.headline) ||
    oneLine(c.variants[0]?.primaryText).slice(0, 80) ||
    FORMAT_LABELS.meta_ad,
};
