import { z } from "zod";

/** What a call is for. Calls name a role, never a model id; each workspace routes roles to models. */
export const MODEL_ROLES = ["draft", "revise", "judge", "embed", "classify"] as const;
export const ModelRole = z.enum(MODEL_ROLES);
export type ModelRole = z.infer<typeof ModelRole>;

export const PROVIDER_KINDS = ["openai", "anthropic", "openai_compatible", "offline"] as const;
export const ProviderKind = z.enum(PROVIDER_KINDS);
export type ProviderKind = z.infer<typeof ProviderKind>;

/** A provider reference inside a route: a ProviderConfig id, an env provider, or the offline engine. */
export const ProviderRef = z.union([
  z.literal("offline"),
  z.literal("env:openai"),
  z.literal("env:anthropic"),
  z.literal("env:openai-compatible"),
  z.string().regex(/^[a-z0-9]{20,40}$/, "not a provider id"),
]);
export type ProviderRef = z.infer<typeof ProviderRef>;

export const RouteTarget = z.object({ provider: ProviderRef, model: z.string().trim().min(1).max(200) });
export type RouteTarget = z.infer<typeof RouteTarget>;

export const RouteBody = z.object({
  chain: z.array(RouteTarget).min(1, "A route needs at least a primary model.").max(5, "At most 4 fallbacks."),
  timeoutMs: z.number().int().min(1000).max(600_000).default(30_000),
  deadlineMs: z.number().int().min(1000).max(1_800_000).default(90_000),
  maxRetries: z.number().int().min(0).max(5).default(2),
});
export type RouteBody = z.input<typeof RouteBody>;

const ModelIds = z
  .array(z.string().trim().min(1).max(200))
  .min(1, "List at least one model id.")
  .max(50)
  .transform((a) => [...new Set(a)]);

export const CreateProviderBody = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("openai"),
    name: z.string().trim().min(1).max(80),
    apiKey: z.string().trim().min(8, "Paste the API key."),
    baseUrl: z.url().optional(),
    models: ModelIds,
  }),
  z.object({
    kind: z.literal("anthropic"),
    name: z.string().trim().min(1).max(80),
    apiKey: z.string().trim().min(8, "Paste the API key."),
    models: ModelIds,
  }),
  z.object({
    kind: z.literal("openai_compatible"),
    name: z.string().trim().min(1).max(80),
    baseUrl: z.url("Enter the server's base URL, e.g. http://localhost:11434/v1"),
    apiKey: z.string().trim().max(500).optional(),
    models: ModelIds,
  }),
]);
export type CreateProviderBody = z.input<typeof CreateProviderBody>;

export const ProviderSummary = z.object({
  id: z.string(),
  kind: ProviderKind,
  name: z.string(),
  source: z.enum(["workspace", "env", "builtin"]),
  baseUrl: z.string().nullable(),
  /** Only the last 4 characters of the key, never the key. */
  apiKeyLast4: z.string().nullable(),
  models: z.array(z.string()),
  enabled: z.boolean(),
});
export type ProviderSummary = z.infer<typeof ProviderSummary>;

export const BudgetBody = z
  .object({
    userId: z.string().min(1).max(64).nullable().default(null),
    metric: z.enum(["tokens", "cost"]),
    period: z.enum(["day", "month"]),
    softCap: z.number().int().min(1).nullable().default(null),
    hardCap: z.number().int().min(1),
  })
  .refine((b) => b.softCap === null || b.softCap <= b.hardCap, {
    path: ["softCap"],
    message: "The soft cap must not exceed the hard cap.",
  });
export type BudgetBody = z.input<typeof BudgetBody>;

export const PriceBody = z.object({
  model: z.string().trim().min(1).max(200),
  inputMicrosPer1M: z.number().int().min(0).max(1_000_000_000),
  outputMicrosPer1M: z.number().int().min(0).max(1_000_000_000),
});
export type PriceBody = z.infer<typeof PriceBody>;

/** The studio's streaming generation request (POST /api/inference/stream). */
export const StreamBody = z.object({
  role: ModelRole.exclude(["embed"]),
  prompt: z.union([
    z.object({
      key: z.string().min(1).max(80),
      label: z.string().max(40).optional(),
      variables: z.record(z.string(), z.string().max(50_000)),
    }),
    z.object({
      system: z.string().max(20_000).optional(),
      prompt: z.string().min(1, "Write something to send.").max(50_000),
    }),
  ]),
  maxOutputTokens: z.number().int().min(1).max(8000).optional(),
});

// ---- Response shapes of the Settings → Models APIs (validated by the routes, typed in the UI)

export const RoutePolicyOut = z.object({
  timeoutMs: z.number().int(),
  deadlineMs: z.number().int(),
  maxRetries: z.number().int(),
});
export const RouteInfo = z.object({
  role: ModelRole,
  chain: z.array(RouteTarget),
  policy: RoutePolicyOut,
  /** false: the default route (instance provider, then the offline engine). */
  custom: z.boolean(),
});
export type RouteInfo = z.infer<typeof RouteInfo>;

export const PriceRow = PriceBody.extend({ source: z.enum(["builtin", "workspace"]) });
export type PriceRow = z.infer<typeof PriceRow>;

export const BudgetRow = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  metric: z.enum(["tokens", "cost"]),
  period: z.enum(["day", "month"]),
  softCap: z.number().int().nullable(),
  hardCap: z.number().int(),
  used: z.number(),
  reserved: z.number(),
  periodStart: z.string().nullable(),
});
export type BudgetRow = z.infer<typeof BudgetRow>;

export const GatewaySettings = z.object({
  requestsPerMin: z.number().int().min(1).max(100_000).nullable(),
  tokensPerMin: z.number().int().min(1).max(100_000_000).nullable(),
  userRequestsPerMin: z.number().int().min(1).max(100_000).nullable(),
  userTokensPerMin: z.number().int().min(1).max(100_000_000).nullable(),
  cacheTtlSeconds: z
    .number()
    .int()
    .min(0)
    .max(30 * 86_400),
});
export type GatewaySettings = z.infer<typeof GatewaySettings>;

export const UsageItem = z.object({
  id: z.string(),
  createdAt: z.string(),
  userId: z.string().nullable(),
  role: z.string(),
  providerKind: z.string(),
  providerId: z.string().nullable(),
  model: z.string(),
  promptKey: z.string().nullable(),
  promptVersionId: z.string().nullable(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costMicros: z.number().int(),
  latencyMs: z.number().int(),
  cacheHit: z.boolean(),
  retries: z.number().int(),
  fallbackUsed: z.boolean(),
  outcome: z.enum(["ok", "error", "refused"]),
  errorClass: z.string().nullable(),
  attempts: z.array(z.unknown()),
  requestId: z.string().nullable(),
});
export type UsageItem = z.infer<typeof UsageItem>;
export const UsagePage = z.object({ items: z.array(UsageItem), nextCursor: z.string().nullable() });
export type UsagePage = z.infer<typeof UsagePage>;

export const TestResult = z.object({
  ok: z.boolean(),
  model: z.string().nullable(),
  latencyMs: z.number(),
  message: z.string(),
});
export type TestResult = z.infer<typeof TestResult>;
