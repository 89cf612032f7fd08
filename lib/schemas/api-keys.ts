import { z } from "zod";

export const API_KEY_SCOPES = ["read", "write"] as const;
export const ApiKeyScope = z.enum(API_KEY_SCOPES);
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;

export const CreateApiKeyBody = z.object({
  name: z.string().trim().min(1, "Give the key a name, e.g. the CMS it is for.").max(80, "Use at most 80 characters."),
  scopes: z
    .array(ApiKeyScope)
    .min(1, "Choose at least one scope.")
    .transform((s) => [...new Set(s)].sort()),
});
export type CreateApiKeyBody = z.input<typeof CreateApiKeyBody>;

export const ApiKeySummary = z.object({
  id: z.string(),
  name: z.string(),
  /** Shown so people can tell keys apart; not secret. */
  prefix: z.string(),
  scopes: z.array(ApiKeyScope),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiKeySummary = z.infer<typeof ApiKeySummary>;

export const CreatedApiKey = ApiKeySummary.extend({
  /** The full key. Returned once at creation, never again. */
  key: z.string(),
});
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;
