import { z } from "zod";

/** The PII entity types Lectern recognises (Presidio-style names). */
export const ENTITY_TYPES = [
  "EMAIL_ADDRESS",
  "PHONE_NUMBER",
  "IBAN_CODE",
  "CREDIT_CARD",
  "IP_ADDRESS",
  "URL_CREDENTIALS",
  "PERSON",
  "LOCATION_ADDRESS",
  "US_SSN",
  "DE_TAX_ID",
  "UK_NINO",
] as const;
export const EntityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityType>;

export const ENTITY_LABELS: Record<EntityType, string> = {
  EMAIL_ADDRESS: "Email address",
  PHONE_NUMBER: "Phone number",
  IBAN_CODE: "IBAN",
  CREDIT_CARD: "Credit-card number",
  IP_ADDRESS: "IP address",
  URL_CREDENTIALS: "URL with credentials",
  PERSON: "Person name",
  LOCATION_ADDRESS: "Postal address",
  US_SSN: "US Social Security number",
  DE_TAX_ID: "German tax ID (Steuer-ID)",
  UK_NINO: "UK National Insurance number",
};

/** One PII finding: where, what, how sure, and which recognizer said so. */
export const PiiFinding = z.object({
  entity: EntityType,
  /** UTF-16 offsets into the scanned text, end exclusive. */
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  /** 0–1 after context words raised or lowered it. */
  score: z.number(),
  recognizer: z.string(),
  /** Why the score is what it is ("checksum valid", "context: phone"). */
  reasons: z.array(z.string()),
});
export type PiiFinding = z.infer<typeof PiiFinding>;

export const INJECTION_SIGNALS = [
  "override",
  "role_play",
  "system_prompt",
  "hidden_text",
  "exfiltration",
  "char_stats",
  "delimiter",
] as const;
export const InjectionSignalKind = z.enum(INJECTION_SIGNALS);
export type InjectionSignalKind = z.infer<typeof InjectionSignalKind>;

export const InjectionSignal = z.object({
  kind: InjectionSignalKind,
  start: z.number().int(),
  end: z.number().int(),
  /** The matched text (bounded to 200 characters). */
  text: z.string(),
  weight: z.number(),
  detail: z.string(),
});
export type InjectionSignal = z.infer<typeof InjectionSignal>;

export const InjectionResult = z.object({
  /** 0–1; at or above the policy threshold the text is quarantined / the draft flagged. */
  score: z.number(),
  signals: z.array(InjectionSignal),
});
export type InjectionResult = z.infer<typeof InjectionResult>;

export const OUTPUT_FLAG_KINDS = ["pii_unsourced", "url_not_allowed", "competitor", "profanity"] as const;
export const OutputFlagKind = z.enum(OUTPUT_FLAG_KINDS);
export type OutputFlagKind = z.infer<typeof OutputFlagKind>;

export const OutputFlag = z.object({
  kind: OutputFlagKind,
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  message: z.string(),
  /** Entity type for pii_unsourced. */
  entity: EntityType.optional(),
});
export type OutputFlag = z.infer<typeof OutputFlag>;

export const ANONYMIZE_ACTIONS = ["pseudonymize", "replace", "mask", "hash", "keep"] as const;
export const AnonymizeAction = z.enum(ANONYMIZE_ACTIONS);
export type AnonymizeAction = z.infer<typeof AnonymizeAction>;

export const ACTION_LABELS: Record<AnonymizeAction, string> = {
  pseudonymize: "Pseudonymise (restored in the answer)",
  replace: "Replace with a placeholder",
  mask: "Mask (j***@***.com)",
  hash: "Hash (SHA-256, first 12 hex)",
  keep: "Keep as is",
};
