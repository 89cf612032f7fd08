import type { ModelRole, ProviderKind, RouteInfo } from "@/lib/schemas/inference";
import { ApiError } from "@/lib/query/client";

/** Shapes the inference admin APIs answer with (see app/api/inference/*). */

export type {
  BudgetRow,
  GatewaySettings,
  PriceRow,
  RouteInfo,
  TestResult,
  UsageItem,
  UsagePage,
} from "@/lib/schemas/inference";
export type RoutePolicy = RouteInfo["policy"];

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
