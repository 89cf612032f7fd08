import { z } from "zod";

/** Channels a rule can be limited to (the generation pipeline's channels). */
export const CHANNELS = ["ad", "email", "seo_page"] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const CHANNEL_LABELS: Record<Channel, string> = { ad: "Ads", email: "Emails", seo_page: "SEO pages" };

export const LEVELS = ["suggestion", "warning", "error"] as const;
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

const Phrase = z.string().trim().min(1, "Enter a word or phrase").max(120);

export const PreferredTerm = z.object({
  use: Phrase,
  avoid: z.array(Phrase).min(1, "List at least one term to avoid").max(20),
});

export const BannedWord = z.object({ term: Phrase, reason: z.string().trim().max(200).default("") });

export const BannedClaim = z.object({
  phrase: Phrase,
  reason: z.string().trim().max(200).default(""),
  level: Level.default("error"),
});

/**
 * A disclaimer that must appear: always on some channels, or whenever the copy mentions
 * something (a price, a percentage, a health word…).
 */
export const Disclaimer = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, "Use letters and digits, starting with a letter (it becomes the rule name)"),
  text: z.string().trim().min(3).max(500),
  channels: z.array(Channel).min(1, "Pick at least one channel"),
  trigger: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("always") }),
    z.object({ kind: z.literal("price") }),
    z.object({ kind: z.literal("percent") }),
    z.object({ kind: z.literal("words"), words: z.array(Phrase).min(1).max(50) }),
  ]),
});
export type Disclaimer = z.infer<typeof Disclaimer>;

export const ChannelRule = z.object({
  maxExclamations: z.number().int().min(0).max(10).nullable().default(null),
  maxSentenceWords: z.number().int().min(5).max(100).nullable().default(null),
});

export const BrandVoice = z.object({
  tone: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
  /** Highest Flesch-Kincaid grade allowed; null: not checked. */
  maxGrade: z.number().min(1).max(20).nullable().default(8),
  person: z.enum(["we_you", "third", "any"]).default("we_you"),
  preferredTerms: z.array(PreferredTerm).max(200).default([]),
  bannedWords: z.array(BannedWord).max(500).default([]),
  /** Product and brand names with their exact capitalisation. */
  productNames: z.array(Phrase).max(200).default([]),
  bannedClaims: z.array(BannedClaim).max(200).default([]),
  disclaimers: z.array(Disclaimer).max(50).default([]),
  channels: z.partialRecord(Channel, ChannelRule).default({}),
});
export type BrandVoice = z.infer<typeof BrandVoice>;
export type BrandVoiceInput = z.input<typeof BrandVoice>;

/** Auto-approval policy and the revise loop's bound; versioned with the voice. */
export const GovernorPolicy = z.object({
  /** Drafts at or above this score with no error-level alert may be auto-approved; null: never. */
  autoApproveMinScore: z.number().int().min(0).max(100).nullable().default(null),
  maxReviseRounds: z.number().int().min(0).max(5).default(2),
});
export type GovernorPolicy = z.infer<typeof GovernorPolicy>;

export const BrandVoiceBody = z.object({
  voice: BrandVoice,
  policy: GovernorPolicy.default({ autoApproveMinScore: null, maxReviseRounds: 2 }),
  note: z.string().trim().max(200).optional(),
  /** The version the editor started from; a save on top of a newer version is refused (409). */
  baseVersion: z.number().int().min(0),
});
export type BrandVoiceBody = z.input<typeof BrandVoiceBody>;

/** One rule as the Brand page lists it. */
export const RuleSummary = z.object({
  check: z.string(),
  level: Level,
  kind: z.string(),
  description: z.string(),
  channels: z.array(Channel).nullable(),
});
export type RuleSummary = z.infer<typeof RuleSummary>;

export const BrandVoiceOut = z.object({
  /** 0 when the workspace has never saved a voice (the defaults are shown). */
  version: z.number().int(),
  voice: BrandVoice,
  policy: GovernorPolicy,
  note: z.string().nullable(),
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: z.string().nullable(),
  rules: z.array(RuleSummary),
});
export type BrandVoiceOut = z.infer<typeof BrandVoiceOut>;

export const BrandVersionList = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      note: z.string().nullable(),
      createdAt: z.iso.datetime(),
      createdBy: z.string().nullable(),
    }),
  ),
});

export const CheckBody = z.object({
  text: z.string().min(1, "Paste some copy to check").max(200_000),
  channel: Channel,
  format: z.enum(["markdown", "text"]).default("markdown"),
});
export type CheckBody = z.input<typeof CheckBody>;

export const GovernorAlert = z.object({
  check: z.string(),
  level: Level,
  message: z.string(),
  line: z.number().int(),
  span: z.tuple([z.number().int(), z.number().int()]),
  /** Offsets into the checked text, for underlining. */
  start: z.number().int(),
  end: z.number().int(),
  match: z.string(),
  link: z.string().nullable(),
  /** A deterministic replacement ("" removes the match), when the rule offers one. */
  fix: z.string().nullable(),
  category: z.enum(["terminology", "claims", "tone", "channel", "other"]),
});
export type GovernorAlert = z.infer<typeof GovernorAlert>;

export const GovernanceScore = z.object({
  total: z.number().int().min(0).max(100),
  categories: z.record(z.enum(["terminology", "claims", "tone", "channel"]), z.number().int().min(0).max(100)),
});

export const CheckResult = z.object({
  alerts: z.array(GovernorAlert),
  score: GovernanceScore,
  verdict: z.enum(["pass", "needs_review"]),
  /** Whether the policy would auto-approve a draft like this. */
  autoApprove: z.boolean(),
  voiceVersion: z.number().int(),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const GovernStep = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("lint"), score: z.number(), errors: z.number().int(), alerts: z.number().int() }),
  z.object({ kind: z.literal("autofix"), applied: z.number().int() }),
  z.object({
    kind: z.literal("revise"),
    round: z.number().int(),
    accepted: z.boolean(),
    score: z.number(),
    errors: z.number().int(),
    reason: z.string().optional(),
  }),
]);

export const GovernResult = z.object({
  /** The text after deterministic fixes and accepted revisions. */
  text: z.string(),
  result: CheckResult,
  steps: z.array(GovernStep),
  /** The model that revised, or null when only deterministic fixes ran. */
  revisedWith: z.string().nullable(),
  notes: z.array(z.string()),
});
export type GovernResult = z.infer<typeof GovernResult>;

/** A rule of an imported Vale style, as the Brand page lists it. */
export const ImportedRule = z.object({
  check: z.string(),
  kind: z.string(),
  level: Level,
  message: z.string(),
});

/** A third-party Vale style imported from a zip; it runs alongside the Brand style when enabled. */
export const ImportedStyleOut = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  ruleCount: z.number().int(),
  rules: z.array(ImportedRule),
  vocab: z.array(z.string()),
  importedAt: z.iso.datetime(),
  importedBy: z.string().nullable(),
});
export type ImportedStyleOut = z.infer<typeof ImportedStyleOut>;

export const ImportedStyleList = z.object({ items: z.array(ImportedStyleOut) });
export type ImportedStyleList = z.infer<typeof ImportedStyleList>;

export const StyleImportResult = z.object({
  styles: z.array(
    z.object({ name: z.string(), rules: z.number().int(), outcome: z.enum(["created", "updated", "unchanged"]) }),
  ),
  /** Rule files left out and other problems, each naming the file (and line when known). */
  problems: z.array(z.string()),
});
export type StyleImportResult = z.infer<typeof StyleImportResult>;

export const StylePatchBody = z.object({ enabled: z.boolean() });
