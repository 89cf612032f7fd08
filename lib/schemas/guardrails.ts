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
  pseudonymize: "Pseudonymise, restore in answer",
  replace: "Replace with a placeholder",
  mask: "Mask (j***@***.com)",
  hash: "Hash (SHA-256, first 12 hex)",
  keep: "Keep as is",
};

const Term = z.string().trim().min(1, "Enter a value").max(120);
/** `example.com` or `*.example.com` (subdomains are allowed either way). */
const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^\*\./, "").replace(/\.$/, ""))
  .pipe(
    z
      .string()
      .regex(
        /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
        "Enter a domain such as example.com",
      ),
  );

export const EntityRule = z.object({ enabled: z.boolean(), action: AnonymizeAction });
export type EntityRule = z.infer<typeof EntityRule>;

export const DEFAULT_ENTITY_RULE: EntityRule = { enabled: true, action: "pseudonymize" };

/** A workspace's guardrail policy (versioned; Settings → Guardrails). */
export const GuardrailPolicy = z.object({
  /** Per entity type: detect it or not, and what happens to it before an external model sees it. */
  entities: z
    .partialRecord(EntityType, EntityRule)
    .default({})
    .transform(
      (e) =>
        Object.fromEntries(ENTITY_TYPES.map((t) => [t, e[t] ?? DEFAULT_ENTITY_RULE])) as Record<EntityType, EntityRule>,
    ),
  /** Findings below this score are ignored. */
  minScore: z.number().min(0.1).max(1).default(0.5),
  /** Injection score at or above which a brief, CSV cell or knowledge chunk is quarantined and the draft flagged. */
  injectionThreshold: z.number().min(0.1).max(1).default(0.5),
  /** Domains generated copy may link to (subdomains included); the workspace's own domain belongs here. */
  allowedDomains: z.array(Domain).max(200).default([]),
  /** Competitor names flagged in generated copy. */
  competitors: z.array(Term).max(200).default([]),
  /** Names from the workspace's CRM-like fields (contacts, customers), always treated as PERSON. */
  people: z.array(Term).max(5000).default([]),
  /** Terms always redacted as PERSON (code names, VIP customers…). */
  denyList: z.array(Term).max(1000).default([]),
  /** Flag profanity in generated copy. */
  profanity: z.boolean().default(true),
});
export type GuardrailPolicy = z.infer<typeof GuardrailPolicy>;
export type GuardrailPolicyInput = z.input<typeof GuardrailPolicy>;

export const GuardrailPolicyBody = z.object({
  policy: GuardrailPolicy,
  /** The version the admin started from; a save on top of a newer one is refused (409). */
  baseVersion: z.number().int().min(0),
});
export type GuardrailPolicyBody = z.input<typeof GuardrailPolicyBody>;

export const GuardrailPolicyOut = z.object({
  version: z.number().int(),
  policy: GuardrailPolicy,
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: z.string().nullable(),
});
export type GuardrailPolicyOut = z.infer<typeof GuardrailPolicyOut>;

export const GuardScanBody = z.object({
  text: z.string().min(1, "Paste some text to scan").max(1_000_000),
  /** Generated output is also checked by the output filters (links, competitors, profanity). */
  kind: z.enum(["input", "output"]).default("input"),
});
export type GuardScanBody = z.input<typeof GuardScanBody>;

export const GuardScanResult = z.object({
  pii: z.array(PiiFinding),
  injection: InjectionResult,
  /** Whether the injection score reaches the policy's threshold. */
  quarantine: z.boolean(),
  output: z.array(OutputFlag),
  /** The text as an external model would receive it under the policy. */
  anonymized: z.string(),
  redactions: z.partialRecord(EntityType, z.number().int()),
  policyVersion: z.number().int(),
});
export type GuardScanResult = z.infer<typeof GuardScanResult>;
