import { z } from "zod";
import { Channel, CheckResult, GovernorAlert } from "./brand";
import { GroundResult } from "./knowledge";
import { InjectionSignal, OutputFlag, PiiFinding } from "./guardrails";
import { JSONLD_PAGE_TYPES } from "./batches";
import { DraftJsonLd } from "./jsonld";

/** What a draft is: the channel (ad, email, SEO page) and, for ads, the network's format. */
export const DRAFT_FORMATS = ["google_rsa", "meta_ad", "email", "seo_page"] as const;
export const DraftFormat = z.enum(DRAFT_FORMATS);
export type DraftFormat = z.infer<typeof DraftFormat>;

export const FORMAT_CHANNEL: Record<DraftFormat, Channel> = {
  google_rsa: "ad",
  meta_ad: "ad",
  email: "email",
  seo_page: "seo_page",
};

export const FORMAT_LABELS: Record<DraftFormat, string> = {
  google_rsa: "Google responsive search ad",
  meta_ad: "Meta ad",
  email: "Email",
  seo_page: "SEO page",
};

export const DRAFT_STATUSES = [
  "draft",
  "in_review",
  "approved",
  "changes_requested",
  "rejected",
  "scheduled",
  "published",
  "archived",
] as const;
export const DraftStatus = z.enum(DRAFT_STATUSES);
export type DraftStatus = z.infer<typeof DraftStatus>;

// ---- stored content, one shape per format ---------------------------------------------------

export const PinnedText = z.object({
  text: z.string(),
  /** Google RSA pin: headline positions 1–3, description positions 1–2; null = unpinned. */
  pin: z.number().int().min(1).max(3).nullable().default(null),
});
export type PinnedText = z.infer<typeof PinnedText>;

export const GoogleRsaContent = z.object({
  format: z.literal("google_rsa"),
  headlines: z.array(PinnedText).max(15),
  descriptions: z.array(PinnedText).max(4),
  path1: z.string().default(""),
  path2: z.string().default(""),
  finalUrl: z.string().default(""),
});
export type GoogleRsaContent = z.infer<typeof GoogleRsaContent>;

export const MetaAdVariant = z.object({ primaryText: z.string(), headline: z.string(), description: z.string() });
export const MetaAdContent = z.object({
  format: z.literal("meta_ad"),
  variants: z.array(MetaAdVariant).min(1).max(5),
  finalUrl: z.string().default(""),
});
export type MetaAdContent = z.infer<typeof MetaAdContent>;

export const EmailContent = z.object({
  format: z.literal("email"),
  subject: z.string(),
  preheader: z.string(),
  /** Body paragraphs (plain text; the renderer makes the HTML and text parts). */
  paragraphs: z.array(z.string()),
  cta: z.object({ label: z.string(), url: z.string() }),
  /** Rendered, email-client-safe HTML (tables, inline styles) and the plain-text part. */
  html: z.string(),
  textBody: z.string(),
  /** Export headers, e.g. List-Unsubscribe and List-Unsubscribe-Post. */
  headers: z.record(z.string(), z.string()),
});
export type EmailContent = z.infer<typeof EmailContent>;

export const SeoSection = z.object({ heading: z.string(), body: z.string() });
export const FaqItem = z.object({ question: z.string(), answer: z.string() });
export const InternalLink = z.object({ slug: z.string(), title: z.string() });

export const SeoPageContent = z.object({
  format: z.literal("seo_page"),
  title: z.string(),
  metaDescription: z.string(),
  h1: z.string(),
  slug: z.string(),
  canonicalUrl: z.string(),
  intro: z.string(),
  sections: z.array(SeoSection),
  faq: z.array(FaqItem),
  internalLinks: z.array(InternalLink),
  /** schema.org JSON-LD for the page (validated; findings are flags on the draft). */
  jsonLd: z.unknown(),
});
export type SeoPageContent = z.infer<typeof SeoPageContent>;

export const DraftContent = z.discriminatedUnion("format", [
  GoogleRsaContent,
  MetaAdContent,
  EmailContent,
  SeoPageContent,
]);
export type DraftContent = z.infer<typeof DraftContent>;

// ---- what the pipeline records ---------------------------------------------------------------

/** A channel rule broken by the content (limits as data: server/features/generation/channels/limits.ts). */
export const ChannelIssue = z.object({
  /** Path into the content, e.g. `headlines[3].text`. */
  field: z.string(),
  level: z.enum(["error", "warning"]),
  code: z.string(),
  message: z.string(),
});
export type ChannelIssue = z.infer<typeof ChannelIssue>;

/** A governor alert placed in one field of the content (offsets relative to that field's text). */
export const FieldAlert = GovernorAlert.extend({ field: z.string() });
export type FieldAlert = z.infer<typeof FieldAlert>;

export const FLAG_KINDS = [
  "governor",
  "channel",
  "unsupported_claim",
  "pii",
  "injection",
  "output",
  "jsonld",
  "duplicate",
] as const;
export const FlagKind = z.enum(FLAG_KINDS);
export type FlagKind = z.infer<typeof FlagKind>;

/** Why a draft needs a human: one line per problem, with where it is. */
export const DraftFlag = z.object({
  kind: FlagKind,
  level: z.enum(["error", "warning", "suggestion"]),
  message: z.string(),
  field: z.string().nullable(),
  /** The rule, recognizer or check behind the flag. */
  ruleId: z.string().nullable(),
});
export type DraftFlag = z.infer<typeof DraftFlag>;

export const PipelineStep = z.object({
  name: z.enum([
    "guard_input",
    "retrieve",
    "generate",
    "validate",
    "govern",
    "ground",
    "jsonld",
    "guard_output",
    "save",
  ]),
  status: z.enum(["ok", "flagged", "skipped", "failed"]),
  ms: z.number(),
  summary: z.string(),
});
export type PipelineStep = z.infer<typeof PipelineStep>;

export const Citation = z.object({
  n: z.number().int(),
  chunkId: z.string(),
  documentId: z.string(),
  documentTitle: z.string(),
  heading: z.string(),
  /** The passage as retrieved. */
  text: z.string(),
});
export type Citation = z.infer<typeof Citation>;

export const DraftRecord = z.object({
  steps: z.array(PipelineStep),
  prompt: z.object({ key: z.string(), version: z.number().int(), label: z.string() }).nullable(),
  route: z.object({ provider: z.string(), model: z.string(), offline: z.boolean() }).nullable(),
  chunkIds: z.array(z.string()),
  citations: z.array(Citation),
  alerts: z.array(FieldAlert),
  channelIssues: z.array(ChannelIssue),
  flags: z.array(DraftFlag),
  governance: CheckResult.pick({ score: true, verdict: true, autoApprove: true, voiceVersion: true }),
  grounding: GroundResult.nullable(),
  guard: z.object({
    briefInjection: z.object({ score: z.number(), signals: z.array(InjectionSignal) }),
    redactions: z.record(z.string(), z.number()),
    outputFlags: z.array(OutputFlag),
    pii: z.array(PiiFinding),
  }),
  /** Variants generated and the governance score of each; the best was kept. */
  variants: z.array(
    z.object({ index: z.number().int(), score: z.number(), errors: z.number().int(), kept: z.boolean() }),
  ),
  costMicros: z.number().int(),
  notes: z.array(z.string()),
  /** SEO pages: the validation of the page's JSON-LD (absent on drafts made before it existed). */
  jsonLd: DraftJsonLd.nullable().optional(),
  /** SEO pages: the page's data the JSON-LD was built from (a batch's CSV row), kept to rebuild it after edits. */
  pageData: z.record(z.string(), z.string()).nullable().optional(),
});
export type DraftRecord = z.infer<typeof DraftRecord>;

// ---- workspace settings, campaigns, segments ------------------------------------------------

const HttpsUrl = z
  .string()
  .trim()
  .url("Enter a full URL such as https://www.example.com")
  .refine((u) => /^https?:\/\//.test(u), "Use an http(s) URL")
  .transform((u) => u.replace(/\/+$/, ""));

export const GenerationSettingsBody = z.object({
  postalAddress: z.string().trim().max(300).nullable(),
  senderName: z.string().trim().max(100).nullable(),
  siteUrl: HttpsUrl.nullable(),
});
export type GenerationSettingsBody = z.input<typeof GenerationSettingsBody>;
export const GenerationSettingsOut = z.object({
  postalAddress: z.string().nullable(),
  senderName: z.string().nullable(),
  siteUrl: z.string().nullable(),
});
export type GenerationSettingsOut = z.infer<typeof GenerationSettingsOut>;

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-05-01");

export const CampaignBody = z
  .object({
    name: z.string().trim().min(1, "Name the campaign").max(120),
    channel: Channel.nullable().default(null),
    audience: z.string().trim().max(200).nullable().default(null),
    startsOn: IsoDay.nullable().default(null),
    endsOn: IsoDay.nullable().default(null),
  })
  .refine((c) => !c.startsOn || !c.endsOn || c.startsOn <= c.endsOn, {
    message: "The end date is before the start date",
    path: ["endsOn"],
  });
export type CampaignBody = z.input<typeof CampaignBody>;

export const CampaignOut = z.object({
  id: z.string(),
  name: z.string(),
  channel: Channel.nullable(),
  audience: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  status: z.enum(["active", "archived"]),
  /** Drafts per status. */
  counts: z.partialRecord(DraftStatus, z.number().int()),
  total: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type CampaignOut = z.infer<typeof CampaignOut>;
export const CampaignList = z.object({ items: z.array(CampaignOut) });

export const SegmentBody = z.object({
  name: z.string().trim().min(1).max(120),
  consent: z.boolean(),
  weeklyCap: z.number().int().min(1).max(50).nullable(),
});
export const SegmentOut = z.object({
  id: z.string(),
  name: z.string(),
  consent: z.boolean(),
  weeklyCap: z.number().int().nullable(),
  /** Emails to this segment scheduled or sent in the last 7 days. */
  sentThisWeek: z.number().int(),
  /** Null when it can be targeted; otherwise why not. */
  blockedReason: z.string().nullable(),
});
export type SegmentOut = z.infer<typeof SegmentOut>;
export const SegmentList = z.object({ items: z.array(SegmentOut) });

// ---- creating and reading drafts ------------------------------------------------------------

export const PAGE_DATA_LIMITS = { entries: 100, keyMax: 100, valueMax: 2000 } as const;

export const CreateDraftBody = z.object({
  format: DraftFormat,
  brief: z.string().trim().min(10, "Describe what to write in at least a sentence").max(5000),
  campaignId: z.string().max(100).nullable().default(null),
  /** Emails: the audience segment (consent and frequency are checked). */
  segmentId: z.string().max(100).nullable().default(null),
  /** Generate this many variants and keep the best by governance score. */
  variants: z.number().int().min(1).max(5).default(1),
  /** Restrict retrieval to documents with these tags. */
  tags: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
  /** SEO pages: the slug to use (unique in the workspace). */
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and hyphens")
    .max(80)
    .optional(),
  /** SEO pages: the schema.org type the page's JSON-LD describes (default WebPage). */
  jsonLdType: z.enum(JSONLD_PAGE_TYPES).optional(),
  /**
   * SEO pages: facts for the JSON-LD the copy does not carry (a batch passes its CSV row), e.g.
   * `price`, `currency`, `street_address`, `city`, `postal_code`, `sku`, `brand`, `image`.
   */
  pageData: z
    .record(z.string().min(1).max(PAGE_DATA_LIMITS.keyMax), z.string().max(PAGE_DATA_LIMITS.valueMax))
    .refine((r) => Object.keys(r).length <= PAGE_DATA_LIMITS.entries, `At most ${PAGE_DATA_LIMITS.entries} values`)
    .optional(),
});
export type CreateDraftBody = z.input<typeof CreateDraftBody>;

export const DraftSummary = z.object({
  id: z.string(),
  format: DraftFormat,
  channel: Channel,
  title: z.string(),
  status: DraftStatus,
  verdict: z.enum(["pass", "needs_review"]),
  governanceScore: z.number().int(),
  groundingScore: z.number().nullable(),
  flagLevel: z.number().int(),
  flagCount: z.number().int(),
  campaign: z.object({ id: z.string(), name: z.string() }).nullable(),
  slug: z.string().nullable(),
  version: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type DraftSummary = z.infer<typeof DraftSummary>;

export const DraftDetail = DraftSummary.extend({
  brief: z.string(),
  content: DraftContent,
  record: DraftRecord,
  segment: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type DraftDetail = z.infer<typeof DraftDetail>;

export const DraftListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
  channel: Channel.optional(),
  status: DraftStatus.optional(),
  campaignId: z.string().max(100).optional(),
  q: z.string().trim().max(200).optional(),
});
export type DraftListQuery = z.input<typeof DraftListQuery>;

export const DraftPage = z.object({ items: z.array(DraftSummary), nextCursor: z.string().nullable() });
export type DraftPage = z.infer<typeof DraftPage>;

/** One line of the NDJSON progress stream of `POST /api/drafts`. */
export const DraftProgressEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("step"), step: PipelineStep }),
  z.object({ type: z.literal("draft"), draft: DraftDetail }),
  z.object({ type: z.literal("error"), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type DraftProgressEvent = z.infer<typeof DraftProgressEvent>;

export const EXPORT_KINDS = ["csv", "json", "eml", "html"] as const;
/** `?as=`: csv (Google Ads Editor) or json for ads, eml or json for emails, html or json for SEO pages. */
export const ExportQuery = z.object({ as: z.enum(EXPORT_KINDS).default("json") });
