/** Google Ads responsive search ads: generation schema, normalisation, validation, fields. */
import { z } from "zod";
import { FORMAT_LABELS, type ChannelIssue, type GoogleRsaContent, type PinnedText } from "@/lib/schemas/drafts";
import {
  applySlots,
  isAbsoluteHttpUrl,
  issue,
  oneLine,
  siteBase,
  slotFields,
  uniqueNonEmpty,
  type Slot,
} from "./common";
import { GOOGLE_RSA_LIMITS as L } from "./limits";
import { nearDuplicates } from "./similarity";
import type { ChannelCtx, ChannelModule } from "./types";
import { displayLength, hasWideChars } from "./width";

export const googleRsaGenerationSchema = z.object({
  headlines: z
    .array(
      z
        .string()
        .describe(
          `One headline, at most ${L.headlineWidth} characters (CJK and other double-width characters count 2).`,
        ),
    )
    .describe(
      `${L.aim.headlines.min}–${L.aim.headlines.max} distinct headlines (Google shows up to 3 at a time, in any order, so each must stand alone).`,
    ),
  descriptions: z
    .array(z.string().describe(`One description, at most ${L.descriptionWidth} characters.`))
    .describe(`${L.aim.descriptions.min}–${L.aim.descriptions.max} distinct descriptions; each must stand alone.`),
  path1: z
    .string()
    .describe(`Display URL path 1, at most ${L.pathWidth} characters, no "/" and no spaces (e.g. "hiking-boots").`),
  path2: z
    .string()
    .describe(`Display URL path 2, at most ${L.pathWidth} characters, no "/"; may be empty. Only used after path 1.`),
});
export type GoogleRsaGeneration = z.infer<typeof googleRsaGenerationSchema>;

export const googleRsaInstructions =
  `Google responsive search ad: write ${L.aim.headlines.min}–${L.aim.headlines.max} distinct headlines of at most ` +
  `${L.headlineWidth} characters each and ${L.aim.descriptions.min}–${L.aim.descriptions.max} descriptions of at most ` +
  `${L.descriptionWidth} characters each (double-width characters such as CJK count as 2). Google combines them in any ` +
  `order, so every headline and description must make sense on its own and none may repeat another. Give two display ` +
  `URL paths of at most ${L.pathWidth} characters each, without "/" or spaces.`;

function pinned(texts: readonly string[], max: number): PinnedText[] {
  return uniqueNonEmpty(texts.map(oneLine), (v) => v.toLowerCase())
    .slice(0, max)
    .map((text) => ({ text, pin: null }));
}

/**
 * Normalises a generation: single-line trimmed texts, empty and duplicate (case-insensitive)
 * strings dropped, at most 15 headlines and 4 descriptions (what the stored shape holds), no pins,
 * final URL = the site URL, display paths fitted as URL segments (fitPath). Other lengths are not
 * cut: validation flags them.
 */
export async function googleRsaToContent(g: GoogleRsaGeneration, ctx: ChannelCtx): Promise<GoogleRsaContent> {
  return {
    format: "google_rsa",
    headlines: pinned(g.headlines ?? [], L.headlineCount.max),
    descriptions: pinned(g.descriptions ?? [], L.descriptionCount.max),
    path1: fitPath(g.path1 ?? ""),
    path2: fitPath(g.path2 ?? ""),
    finalUrl: siteBase(ctx.siteUrl) ?? "",
  };
}

/**
 * A display path is a URL segment: spaces become hyphens, and a hyphenated slug longer than the
 * limit is cut back to its last whole part that fits (`summit-45-backpack` → `summit-45`). A path
 * that has no such part is left as it is, for validation to flag.
 */
export function fitPath(raw: string): string {
  const p = raw.trim().replace(/\s+/g, "-");
  if (displayLength(p) <= L.pathWidth || /[/\n]/.test(p)) return p;
  const parts = p.split("-");
  let out = "";
  for (const part of parts) {
    const next = out ? `${out}-${part}` : part;
    if (displayLength(next) > L.pathWidth) break;
    out = next;
  }
  return out || p;
}

function lengthMessage(what: string, text: string, width: number, max: number): string {
  const wide = hasWideChars(text) ? " (double-width characters count 2)" : "";
  return `${what} is ${width} characters${wide}; the limit is ${max}.`;
}

export function validateGoogleRsa(c: GoogleRsaContent, _ctx?: ChannelCtx): ChannelIssue[] {
  const out: ChannelIssue[] = [];
  const nH = c.headlines.length;
  const nD = c.descriptions.length;
  if (nH < L.headlineCount.min || nH > L.headlineCount.max) {
    out.push(
      issue(
        "headlines",
        "error",
        "headline_count",
        `An ad needs ${L.headlineCount.min}–${L.headlineCount.max} headlines; it has ${nH}.`,
      ),
    );
  }
  if (nD < L.descriptionCount.min || nD > L.descriptionCount.max) {
    out.push(
      issue(
        "descriptions",
        "error",
        "description_count",
        `An ad needs ${L.descriptionCount.min}–${L.descriptionCount.max} descriptions; it has ${nD}.`,
      ),
    );
  }

  const texts: Array<{
    kind: "headline" | "description";
    items: PinnedText[];
    max: number;
    pin: { min: number; max: number };
  }> = [
    { kind: "headline", items: c.headlines, max: L.headlineWidth, pin: L.headlinePin },
    { kind: "description", items: c.descriptions, max: L.descriptionWidth, pin: L.descriptionPin },
  ];
  for (const { kind, items, max, pin } of texts) {
    const Kind = kind === "headline" ? "Headline" : "Description";
    items.forEach((item, i) => {
      const field = `${kind}s[${i}].text`;
      const width = displayLength(item.text);
      if (item.text.trim() === "") {
        out.push(issue(field, "error", `${kind}_empty`, `${Kind} ${i + 1} is empty.`));
      } else if (width > max) {
        out.push(issue(field, "error", `${kind}_too_long`, lengthMessage(`${Kind} ${i + 1}`, item.text, width, max)));
      }
      if (/[\r\n]/.test(item.text)) {
        out.push(issue(field, "error", `${kind}_newline`, `${Kind} ${i + 1} contains a line break.`));
      }
      const p = item.pin as number | null | undefined;
      if (p !== null && p !== undefined && (!Number.isInteger(p) || p < pin.min || p > pin.max)) {
        out.push(
          issue(
            `${kind}s[${i}].pin`,
            "error",
            "pin_out_of_range",
            `${Kind} ${i + 1} is pinned to position ${p}; ${kind}s can be pinned to positions ${pin.min}–${pin.max} only.`,
          ),
        );
      }
    });
  }

  if (nH > 0 && c.headlines.every((h) => h.pin !== null && h.pin !== undefined)) {
    out.push(
      issue(
        "headlines",
        "warning",
        "all_headlines_pinned",
        "Every headline is pinned; Google can no longer combine them freely, which lowers ad strength. Unpin some.",
      ),
    );
  }

  for (const { a, b, score } of nearDuplicates(
    c.headlines.map((h) => h.text),
    L.nearDuplicateThreshold,
  )) {
    out.push(
      issue(
        `headlines[${b}].text`,
        "warning",
        "near_duplicate_headline",
        `Headlines ${a + 1} and ${b + 1} are nearly the same (similarity ${score.toFixed(2)}); make each one say something different.`,
      ),
    );
  }

  for (const key of ["path1", "path2"] as const) {
    const value = c[key] ?? "";
    const n = key === "path1" ? 1 : 2;
    const width = displayLength(value);
    if (width > L.pathWidth) {
      out.push(issue(key, "error", "path_too_long", lengthMessage(`Display path ${n}`, value, width, L.pathWidth)));
    }
    if (value.includes("/")) {
      out.push(issue(key, "error", "path_slash", `Display path ${n} must not contain "/".`));
    }
    if (/[\r\n]/.test(value)) {
      out.push(issue(key, "error", "path_newline", `Display path ${n} must not contain a line break.`));
    }
  }
  if ((c.path2 ?? "") !== "" && (c.path1 ?? "") === "") {
    out.push(issue("path2", "error", "path2_without_path1", "Display path 2 is only shown after path 1; fill path 1."));
  }

  if (!c.finalUrl) {
    out.push(
      issue("finalUrl", "warning", "final_url_missing", "The ad has no final URL; set the workspace's site URL."),
    );
  } else if (!isAbsoluteHttpUrl(c.finalUrl)) {
    out.push(issue("finalUrl", "error", "final_url_invalid", "The final URL must be an absolute http(s) URL."));
  }
  return out;
}

function slots(c: GoogleRsaContent): Slot<GoogleRsaContent>[] {
  return [
    ...c.headlines.map((h, i) => ({
      path: `headlines[${i}].text`,
      label: `Headline ${i + 1}`,
      text: h.text,
      set: (d: GoogleRsaContent, t: string) => void ((d.headlines[i] as PinnedText).text = t),
    })),
    ...c.descriptions.map((h, i) => ({
      path: `descriptions[${i}].text`,
      label: `Description ${i + 1}`,
      text: h.text,
      set: (d: GoogleRsaContent, t: string) => void ((d.descriptions[i] as PinnedText).text = t),
    })),
    ...(c.path1
      ? [
          {
            path: "path1",
            label: "Display path 1",
            text: c.path1,
            set: (d: GoogleRsaContent, t: string) => void (d.path1 = t),
          },
        ]
      : []),
    ...(c.path2
      ? [
          {
            path: "path2",
            label: "Display path 2",
            text: c.path2,
            set: (d: GoogleRsaContent, t: string) => void (d.path2 = t),
          },
        ]
      : []),
  ];
}

export const googleRsaModule: ChannelModule<"google_rsa", GoogleRsaGeneration> = {
  format: "google_rsa",
  generationSchema: googleRsaGenerationSchema,
  instructions: googleRsaInstructions,
  toContent: googleRsaToContent,
  validate: validateGoogleRsa,
  fields: (c) => slotFields(slots(c)),
  withFields: async (c, texts) => applySlots(c, slots, texts),
  title: (c) => c.headlines.find((h) => h.text.trim())?.text.trim() ?? FORMAT_LABELS.google_rsa,
};
