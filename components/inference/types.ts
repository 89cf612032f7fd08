import type { ModelRole, ProviderKind, RouteTarget } from "@/lib/schemas/inference";
import { ApiError } from "@/lib/query/client";

/** Shapes the inference admin APIs answer with (see app/api/inference/*). */

export type RoutePolicy = { timeoutMs: number; deadlineMs: number; maxRetries: number };

export type RouteInfo = {
  role: ModelRole;
  chain: RouteTarget[];
  policy: RoutePolicy;
  /** false: the default route (instance provider, then the offline engine). */
  custom: boolean;
};

export type PriceRow = {
  model: string;
  inputMicrosPer1M: number;
  outputMicrosPer1M: number;
  source: "builtin" | "workspace";
};

export type BudgetRow = {
  id: string;
  userId: string | null;
  metric: "tokens" | "cost";
  period: "day" | "month";
  softCap: number | null;
  hardCap: number;
  used: number;
  reserved: number;
  periodStart: string | null;
};

export type GatewaySettings = {
  requestsPerMin: number | null;
  tokensPerMin: number | null;
  userRequestsPerMin: number | null;
  userTokensPerMin: number | null;
  cacheTtlSeconds: number;
};

export type UsageItem = {
  id: string;
  createdAt: string;
  role: string;
  providerKind: ProviderKind | "none";
  providerId: string | null;
  model: string;
  promptKey: string | null;
  inputTokens: number;
  outputTokens: number;
  costMicros: number;
  latencyMs: number;
  cacheHit: boolean;
  retries: number;
  fallbackUsed: boolean;
  outcome: "ok" | "error" | "refused";
  errorClass: string | null;
  attempts: unknown[];
};

export type UsagePage = { items: UsageItem[]; nextCursor: string | null };

export type TestResult = { ok: boolean; model: string | null; latencyMs: number; message: string };

export const OFFLINE_ID = "offline";
export const OFFLINE_EXPLAINER = "Deterministic composer, not an LLM";

export const PROVIDER_KIND_LABELS: Record<ProviderKind, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  openai_compatible: "OpenAI-compatible",
  offline: "Offline engine",
};

export const ROLE_HELP: Record<ModelRole, string> = {
  draft: "Writes first drafts from a brief",
  revise: "Fixes problems the governor found",
  judge: "Grades copy against a rubric",
  embed: "Turns knowledge into vectors for search",
  classify: "Sorts text into labels",
};

/**
 * Field messages from a 422 answer (`error.details.issues`), keyed by path
 * ("chain.0.model", "hardCap", …). Empty for any other error.
 */
export function apiIssues(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError) || error.status !== 422) return out;
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return out;
  for (const i of issues as { path?: unknown; message?: unknown }[]) {
    if (typeof i.path === "string" && typeof i.message === "string") out[i.path] ??= i.message;
  }
  return out;
}
