/** Email: subject, preheader, paragraphs and a CTA; rendered to an HTML and a plain-text part. */
import { z } from "zod";
import { FORMAT_LABELS, type ChannelIssue, type EmailContent } from "@/lib/schemas/drafts";
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
import { renderEmailHtml } from "./email-html";
import { collapse, inspectHtml } from "./html-inspect";
import { EMAIL_LIMITS } from "./limits";
import type { ChannelCtx, ChannelModule } from "./types";
import { charLength } from "./width";

export type EmailLimits = {
  subjectMax: number;
  preheader: { min: number; max: number };
  htmlClipBytes: number;
};

const L = EMAIL_LIMITS;

export const emailGenerationSchema = z.object({
  subject: z.string().describe(`Subject line, at most ${L.subjectMax} characters, accurate about the content.`),
  preheader: z
    .string()
    .describe(
      `Preview text shown after the subject in the inbox, ${L.preheader.min}–${L.preheader.max} characters; do not repeat the subject.`,
    ),
  paragraphs: z
    .array(z.string().describe("One body paragraph, plain text (no HTML, no Markdown)."))
    .describe(`${L.aimParagraphs.min}–${L.aimParagraphs.max} short body paragraphs, in reading order.`),
  // Named `cta` (not `ctaLabel`): the offline engine fills fields by name, and `…Label` reads as a headline there.
  cta: z.string().describe('The call-to-action button label, 2–5 words (e.g. "See the new range").'),
});
export type EmailGeneration = z.infer<typeof emailGenerationSchema>;

export const emailInstructions =
  `Email: write a subject line of at most ${L.subjectMax} characters, a preheader (inbox preview text) of ` +
  `${L.preheader.min}–${L.preheader.max} characters that adds to the subject rather than repeating it, ` +
  `${L.aimParagraphs.min}–${L.aimParagraphs.max} short plain-text paragraphs, and a call-to-action button label of ` +
  `2–5 words. Do not write a greeting line with the recipient's name, a signature, an unsubscribe line or a postal ` +
  `address: the footer is added automatically.`;

// ---- rendering ---------------------------------------------------------------------------------

type EmailCore = Pick<EmailContent, "subject" | "preheader" | "paragraphs" | "cta">;

function validUnsubscribe(url: string | null): url is string {
  return url !== null && isAbsoluteHttpUrl(url, ["https:"]);
}

/** RFC 8058 one-click unsubscribe headers (empty when the unsubscribe URL is missing or not https). */
export function emailHeaders(ctx: Pick<ChannelCtx, "unsubscribeUrl">): Record<string, string> {
  const url = ctx.unsubscribeUrl?.trim() ?? null;
  if (!validUnsubscribe(url)) return {};
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": L.listUnsubscribePost };
}

/** The plain-text part: paragraphs, `label: url`, then a footer with the address and unsubscribe URL. */
export function emailText(c: EmailCore, ctx: ChannelCtx): string {
  const blocks: string[] = c.paragraphs.map((p) => p.trim()).filter(Boolean);
  const label = c.cta.label.trim();
  const url = c.cta.url.trim();
  if (label || url) blocks.push(label && url ? `${label}: ${url}` : label || url);
  const footer = ["--", `You are receiving this email from ${ctx.senderName?.trim() || ctx.workspaceName}.`];
  const address = ctx.postalAddress?.trim();
  if (address) footer.push(ctx.workspaceName, ...address.split(/\r?\n/).map((l) => l.trim()));
  const unsubscribe = ctx.unsubscribeUrl?.trim();
  if (unsubscribe) footer.push(`Unsubscribe: ${unsubscribe}`);
  blocks.push(footer.join("\n"));
  return `${blocks.join("\n\n")}\n`;
}

/** Renders the derived parts (HTML, text, headers) for the given core fields and workspace. */
export async function renderEmail(c: EmailCore, ctx: ChannelCtx): Promise<EmailContent> {
  const html = await renderEmailHtml({
    subject: c.subject,
    preheader: c.preheader,
    paragraphs: c.paragraphs,
    cta: c.cta,
    workspaceName: ctx.workspaceName,
    senderName: ctx.senderName,
    postalAddress: ctx.postalAddress,
    unsubscribeUrl: ctx.unsubscribeUrl?.trim() || null,
  });
  return {
    format: "email",
    subject: c.subject,
    preheader: c.preheader,
    paragraphs: [...c.paragraphs],
    cta: { ...c.cta },
    html,
    textBody: emailText(c, ctx),
    headers: emailHeaders(ctx),
  };
}

/**
 * Normalises a generation: subject, preheader and CTA label on one line; paragraphs split at blank
 * lines, whitespace collapsed, empty and repeated paragraphs dropped; CTA URL = the site URL.
 */
export async function emailToContent(g: EmailGeneration, ctx: ChannelCtx): Promise<EmailContent> {
  const paragraphs = uniqueNonEmpty((g.paragraphs ?? []).flatMap((p) => (p ?? "").split(/\n\s*\n/)).map(oneLine), (p) =>
    p.toLowerCase(),
  );
  return renderEmail(
    {
      subject: oneLine(g.subject),
      preheader: oneLine(g.preheader),
      paragraphs,
      cta: { label: oneLine(g.cta), url: siteBase(ctx.siteUrl) ?? "" },
    },
    ctx,
  );
}

// ---- validation --------------------------------------------------------------------------------

/** Validation with configurable subject/preheader limits (defaults: limits.ts). */
export function validateEmailWith(c: EmailContent, ctx: ChannelCtx, limits: EmailLimits = L): ChannelIssue[] {
  const out: ChannelIssue[] = [];
  const subject = charLength(c.subject);
  if (c.subject.trim() === "") {
    out.push(issue("subject", "error", "subject_empty", "The email has no subject."));
  } else if (subject > limits.subjectMax) {
    out.push(
      issue(
        "subject",
        "warning",
        "subject_long",
        `The subject is ${subject} characters; inboxes may cut it after about ${limits.subjectMax}.`,
      ),
    );
  }
  if (/[\r\n]/.test(c.subject)) {
    out.push(issue("subject", "error", "subject_newline", "The subject must be a single line."));
  }
  const pre = charLength(c.preheader);
  if (pre < limits.preheader.min || pre > limits.preheader.max) {
    out.push(
      issue(
        "preheader",
        "warning",
        "preheader_length",
        `The preheader is ${pre} characters; aim for ${limits.preheader.min}–${limits.preheader.max} so the inbox preview is filled but not cut.`,
      ),
    );
  }
  if (c.paragraphs.every((p) => p.trim() === "")) {
    out.push(issue("paragraphs", "error", "body_empty", "The email has no body text."));
  }
  if (c.cta.label.trim() && !c.cta.url.trim()) {
    out.push(
      issue("cta.url", "warning", "cta_url_missing", "The call to action has no link; set the workspace's site URL."),
    );
  } else if (c.cta.url.trim() && !isAbsoluteHttpUrl(c.cta.url)) {
    out.push(issue("cta.url", "error", "cta_url_invalid", "The call-to-action link must be an absolute http(s) URL."));
  }

  // CAN-SPAM: a valid physical postal address and a working unsubscribe, visible in the body.
  const address = ctx.postalAddress?.trim() ?? "";
  if (!address) {
    out.push(
      issue(
        "html",
        "error",
        "postal_address_missing",
        "Set the workspace's postal address: commercial email must show a valid physical postal address (CAN-SPAM).",
      ),
    );
  }
  const unsubscribe = ctx.unsubscribeUrl?.trim() ?? "";
  if (!unsubscribe) {
    out.push(
      issue(
        "headers",
        "error",
        "unsubscribe_missing",
        "Set the workspace's unsubscribe URL: bulk email needs a visible unsubscribe link and one-click List-Unsubscribe headers.",
      ),
    );
  } else if (!validUnsubscribe(unsubscribe)) {
    out.push(
      issue(
        "headers",
        "error",
        "unsubscribe_invalid",
        "The unsubscribe URL must be an absolute https URL (RFC 8058 one-click unsubscribe).",
      ),
    );
  } else {
    if (c.headers["List-Unsubscribe"] !== `<${unsubscribe}>`) {
      out.push(
        issue("headers", "error", "list_unsubscribe_header", `The List-Unsubscribe header must be <${unsubscribe}>.`),
      );
    }
    if (c.headers["List-Unsubscribe-Post"] !== L.listUnsubscribePost) {
      out.push(
        issue(
          "headers",
          "error",
          "list_unsubscribe_post_header",
          `The List-Unsubscribe-Post header must be "${L.listUnsubscribePost}" (RFC 8058).`,
        ),
      );
    }
  }

  const page = inspectHtml(c.html);
  if (/<script\b/i.test(c.html) || page.elements.some((e) => e.tag === "script")) {
    out.push(
      issue("html", "error", "html_script", "The HTML contains a script; email clients block or strip scripts."),
    );
  }
  if (
    page.elements.some(
      (e) =>
        (e.tag === "link" && /stylesheet/i.test(e.attrs.rel ?? "")) || (e.tag === "style" && /@import/i.test(e.text)),
    )
  ) {
    out.push(issue("html", "error", "html_external_css", "The HTML loads external CSS; use inline styles only."));
  }
  if (unsubscribe && !page.elements.some((e) => e.tag === "a" && e.attrs.href === unsubscribe)) {
    out.push(issue("html", "error", "html_unsubscribe_link", "The HTML has no visible unsubscribe link."));
  }
  if (address) {
    const text = page.visibleText;
    const missing = address
      .split(/\r?\n/)
      .map(collapse)
      .filter((line) => line && !text.includes(line));
    if (missing.length > 0) {
      out.push(issue("html", "error", "html_postal_address", "The HTML does not show the workspace's postal address."));
    }
  }
  const bytes = Buffer.byteLength(c.html, "utf8");
  if (bytes > limits.htmlClipBytes) {
    out.push(
      issue(
        "html",
        "warning",
        "html_clipped",
        `The HTML is ${Math.round(bytes / 1024)} KB; Gmail clips messages above about ${Math.round(limits.htmlClipBytes / 1024)} KB, hiding the footer.`,
      ),
    );
  }
  return out;
}

export function validateEmail(c: EmailContent, ctx: ChannelCtx): ChannelIssue[] {
  return validateEmailWith(c, ctx, L);
}

// ---- fields ------------------------------------------------------------------------------------

function slots(c: EmailContent): Slot<EmailContent>[] {
  return [
    { path: "subject", label: "Subject", text: c.subject, set: (d, t) => void (d.subject = t) },
    { path: "preheader", label: "Preheader", text: c.preheader, set: (d, t) => void (d.preheader = t) },
    ...c.paragraphs.map((p, i) => ({
      path: `paragraphs[${i}]`,
      label: `Paragraph ${i + 1}`,
      text: p,
      set: (d: EmailContent, t: string) => void (d.paragraphs[i] = t),
    })),
    { path: "cta.label", label: "Button label", text: c.cta.label, set: (d, t) => void (d.cta.label = t) },
  ];
}

export const emailModule: ChannelModule<"email", EmailGeneration> = {
  format: "email",
  generationSchema: emailGenerationSchema,
  instructions: emailInstructions,
  toContent: emailToContent,
  validate: validateEmail,
  fields: (c) => slotFields(slots(c)),
  withFields: async (c, texts, ctx) => renderEmail(applySlots(c, slots, texts), ctx),
  title: (c) => oneLine(c.subject) || FORMAT_LABELS.email,
};
