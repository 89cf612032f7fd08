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
