/** SEO pages: title, meta description, one h1, intro, h2 sections, FAQ; slug and canonical URL. */
import { z } from "zod";
import { FORMAT_LABELS, type ChannelIssue, type SeoPageContent } from "@/lib/schemas/drafts";
import { applySlots, isAbsoluteHttpUrl, issue, oneLine, siteBase, slotFields, type Slot } from "./common";
import { inspectHtml } from "./html-inspect";
import { SEO_PAGE_LIMITS as L } from "./limits";
import { renderSeoHtml } from "./seo-html";
import { slugify } from "./slug";
import type { ChannelCtx, ChannelModule } from "./types";
import { charLength } from "./width";

export const seoPageGenerationSchema = z.object({
  title: z.string().describe(`The page's <title>, at most ${L.titleMax} characters, main keyword first.`),
  metaDescription: z
    .string()
    .describe(`Meta description for search results, ${L.metaDescription.min}–${L.metaDescription.max} characters.`),
  // Named `headline` (stored as `h1`): the offline engine fills fields by name and has no role for "h1".
  headline: z.string().describe("The page's one H1 heading (may differ from the title; no more than one sentence)."),
  intro: z.string().describe("Opening paragraph under the H1, plain text."),
  sections: z
    .array(
      z.object({
        heading: z.string().describe("Section heading (rendered as an H2)."),
        body: z.string().describe("Section text, plain text; separate paragraphs with a blank line."),
      }),
    )
    .describe(`${L.aimSections.min}–${L.aimSections.max} sections.`),
  faq: z
    .array(
      z.object({
        question: z.string().describe("A question a reader would ask."),
        answer: z.string().describe("Its answer, plain text, from the facts given."),
      }),
    )
    .describe(
      `${L.aimFaq.min}–${L.aimFaq.max} frequently asked questions; leave empty when the facts do not answer any.`,
    ),
});
export type SeoPageGeneration = z.infer<typeof seoPageGenerationSchema>;

export const seoPageInstructions =
  `SEO page: write a title of at most ${L.titleMax} characters, a meta description of ${L.metaDescription.min}–` +
  `${L.metaDescription.max} characters, one H1 headline, an intro paragraph, ${L.aimSections.min}–${L.aimSections.max} ` +
  `sections each with a heading (H2) and plain-text body, and ${L.aimFaq.min}–${L.aimFaq.max} FAQ items answered ` +
  `from the facts. Plain text only: no HTML, no Markdown headings; the page template adds the markup.`;

/** Trims the text (bodies keep paragraph breaks) and drops empty sections and incomplete FAQ items. */
function block(text: string | null | undefined): string {
  return (text ?? "")
    .split(/\n\s*\n/)
    .map(oneLine)
    .filter(Boolean)
    .join("\n\n");
}

export function canonicalFor(siteUrl: string | null, slug: string): string {
  const base = siteBase(siteUrl);
  return base ? `${base}/${slug}` : `/${slug}`;
}

export async function seoPageToContent(g: SeoPageGeneration, ctx: ChannelCtx): Promise<SeoPageContent> {
  const title = oneLine(g.title);
  const slug = ctx.slug?.trim() || slugify(title || oneLine(g.headline));
  return {
    format: "seo_page",
    title,
    metaDescription: oneLine(g.metaDescription),
    h1: oneLine(g.headline),
    slug,
    canonicalUrl: canonicalFor(ctx.siteUrl, slug),
    intro: block(g.intro),
    sections: (g.sections ?? [])
      .map((s) => ({ heading: oneLine(s.heading), body: block(s.body) }))
      .filter((s) => s.heading || s.body),
    faq: (g.faq ?? [])
      .map((f) => ({ question: oneLine(f.question), answer: block(f.answer) }))
      .filter((f) => f.question && f.answer),
    internalLinks: [],
    jsonLd: null,
  };
}

export function validateSeoPage(c: SeoPageContent, ctx: ChannelCtx): ChannelIssue[] {
  const out: ChannelIssue[] = [];
  const title = charLength(c.title);
  if (c.title.trim() === "") {
    out.push(issue("title", "error", "title_empty", "The page has no title."));
  } else if (title > L.titleMax) {
    out.push(
      issue(
        "title",
        "warning",
        "title_long",
        `The title is ${title} characters; search results show about ${L.titleMax}.`,
      ),
    );
  }
  const meta = charLength(c.metaDescription);
  if (meta < L.metaDescription.min || meta > L.metaDescription.max) {
    out.push(
      issue(
        "metaDescription",
        "warning",
        "meta_description_length",
        `The meta description is ${meta} characters; aim for ${L.metaDescription.min}–${L.metaDescription.max}.`,
      ),
    );
  }
  if (c.h1.trim() === "") out.push(issue("h1", "error", "h1_empty", "The page has no H1 heading."));
  const h1s = inspectHtml(renderSeoHtml(c)).elements.filter((e) => e.tag === "h1").length;
  if (h1s !== 1) {
    out.push(issue("h1", "error", "h1_count", `The rendered page has ${h1s} H1 headings; it must have exactly one.`));
  }

  if (!L.slugPattern.test(c.slug)) {
    out.push(
      issue(
        "slug",
        "error",
        "slug_invalid",
        `The slug "${c.slug}" must be lower-case letters and digits separated by single hyphens.`,
      ),
    );
  } else if (c.slug.length > L.slugMax) {
    out.push(
      issue("slug", "warning", "slug_long", `The slug is ${c.slug.length} characters; keep it under ${L.slugMax}.`),
    );
  }

  if (siteBase(ctx.siteUrl)) {
    if (!isAbsoluteHttpUrl(c.canonicalUrl)) {
      out.push(
        issue("canonicalUrl", "error", "canonical_not_absolute", "The canonical URL must be an absolute http(s) URL."),
      );
    }
  } else if (!isAbsoluteHttpUrl(c.canonicalUrl)) {
    out.push(
      issue(
        "canonicalUrl",
        "warning",
        "canonical_relative",
        "The canonical URL is relative; set the workspace's site URL so it is absolute.",
      ),
    );
  }

  c.sections.forEach((s, i) => {
    if (!s.heading.trim()) {
      out.push(issue(`sections[${i}].heading`, "error", "section_heading_empty", `Section ${i + 1} has no heading.`));
    }
    if (!s.body.trim()) {
      out.push(issue(`sections[${i}].body`, "warning", "section_body_empty", `Section ${i + 1} has no text.`));
    }
  });
  c.faq.forEach((f, i) => {
    if (!f.question.trim() || !f.answer.trim()) {
      out.push(issue(`faq[${i}]`, "error", "faq_incomplete", `FAQ item ${i + 1} needs both a question and an answer.`));
    }
  });
  c.internalLinks.forEach((l, i) => {
    if (!L.slugPattern.test(l.slug)) {
      out.push(
        issue(
          `internalLinks[${i}].slug`,
          "error",
          "internal_link_slug",
          `Internal link ${i + 1} points to an invalid slug "${l.slug}".`,
        ),
      );
    }
  });
  return out;
}

function slots(c: SeoPageContent): Slot<SeoPageContent>[] {
  type S = SeoPageContent;
  return [
    { path: "title", label: "Title", text: c.title, set: (d, t) => void (d.title = t) },
    {
      path: "metaDescription",
      label: "Meta description",
      text: c.metaDescription,
      set: (d, t) => void (d.metaDescription = t),
    },
    { path: "h1", label: "H1", text: c.h1, set: (d, t) => void (d.h1 = t) },
    { path: "intro", label: "Intro", text: c.intro, set: (d, t) => void (d.intro = t) },
    ...c.sections.flatMap((_, i) => [
      {
        path: `sections[${i}].heading`,
        label: `Section ${i + 1} heading`,
        text: c.sections[i]?.heading ?? "",
        set: (d: S, t: string) => void ((d.sections[i] as S["sections"][number]).heading = t),
      },
      {
        path: `sections[${i}].body`,
        label: `Section ${i + 1} text`,
        text: c.sections[i]?.body ?? "",
        set: (d: S, t: string) => void ((d.sections[i] as S["sections"][number]).body = t),
      },
    ]),
    ...c.faq.flatMap((_, i) => [
      {
        path: `faq[${i}].question`,
        label: `FAQ ${i + 1} question`,
        text: c.faq[i]?.question ?? "",
        set: (d: S, t: string) => void ((d.faq[i] as S["faq"][number]).question = t),
      },
      {
        path: `faq[${i}].answer`,
        label: `FAQ ${i + 1} answer`,
        text: c.faq[i]?.answer ?? "",
        set: (d: S, t: string) => void ((d.faq[i] as S["faq"][number]).answer = t),
      },
    ]),
  ];
}

export const seoPageModule: ChannelModule<"seo_page", SeoPageGeneration> = {
  format: "seo_page",
  generationSchema: seoPageGenerationSchema,
  instructions: seoPageInstructions,
  toContent: seoPageToContent,
  validate: validateSeoPage,
  fields: (c) => slotFields(slots(c)),
  // The slug and canonical URL stay: a page keeps its address when its copy is edited.
  withFields: async (c, texts) => applySlots(c, slots, texts),
  title: (c) => oneLine(c.title) || oneLine(c.h1) || FORMAT_LABELS.seo_page,
};
