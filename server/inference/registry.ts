import type { ModelRole, ProviderKind, RouteTarget } from "@/lib/schemas/inference";
import type { Env } from "@/server/env";

/**
 * The one model registry. Every call names a role; this module knows which
 * providers exist (env, workspace, built-in) and the default model per role
 * and provider. models.ts builds the AI SDK model for a route target; tests
 * swap that ModelFactory for mock models.
 */
export type ProviderEntry = {
  /** The ref routes use: a ProviderConfig id, "env:…" or "offline". */
  id: string;
  kind: ProviderKind;
  name: string;
  source: "workspace" | "env" | "builtin";
  baseUrl: string | null;
  apiKeyLast4: string | null;
  models: string[];
  enabled: boolean;
};

/** A provider with what it takes to call it (server-side only). */
export type CallableProvider = ProviderEntry & { apiKey?: string };

export const OFFLINE_LANGUAGE_MODEL = "offline-composer-v1";
export const OFFLINE_EMBEDDING_MODEL = "lexical-hash-v1";

export const OFFLINE_PROVIDER: CallableProvider = {
  id: "offline",
  kind: "offline",
  name: "Offline engine (deterministic composer, not an LLM)",
  source: "builtin",
  baseUrl: null,
  apiKeyLast4: null,
  models: [OFFLINE_LANGUAGE_MODEL, OFFLINE_EMBEDDING_MODEL],
  enabled: true,
};

/** Default model ids per provider and role, as data. Embeddings default to offline (see defaultChain). */
export const DEFAULT_MODELS: Record<Exclude<ProviderKind, "openai_compatible">, Partial<Record<ModelRole, string>>> = {
  openai: {
    draft: "gpt-4o-mini",
    revise: "gpt-4o-mini",
    judge: "gpt-4o-mini",
    classify: "gpt-4o-mini",
    embed: "text-embedding-3-small",
  },
  anthropic: {
    draft: "claude-3-5-haiku-latest",
    revise: "claude-3-5-haiku-latest",
    judge: "claude-3-5-haiku-latest",
    classify: "claude-3-5-haiku-latest",
  },
  offline: {
    draft: OFFLINE_LANGUAGE_MODEL,
    revise: OFFLINE_LANGUAGE_MODEL,
    judge: OFFLINE_LANGUAGE_MODEL,
    classify: OFFLINE_LANGUAGE_MODEL,
    embed: OFFLINE_EMBEDDING_MODEL,
  },
};

export function envProviders(e: Pick<Env, "providers">): CallableProvider[] {
  const out: CallableProvider[] = [];
  const p = e.providers;
  if (p.openai)
    out.push({
      id: "env:openai",
      kind: "openai",
      name: "OpenAI (instance)",
      source: "env",
      baseUrl: p.openai.baseUrl ?? null,
      apiKeyLast4: p.openai.apiKey.slice(-4),
      models: Object.values(DEFAULT_MODELS.openai),
      enabled: true,
      apiKey: p.openai.apiKey,
    });
  if (p.anthropic)
    out.push({
      id: "env:anthropic",
      kind: "anthropic",
      name: "Anthropic (instance)",
      source: "env",
      baseUrl: null,
      apiKeyLast4: p.anthropic.apiKey.slice(-4),
      models: [...new Set(Object.values(DEFAULT_MODELS.anthropic))],
      enabled: true,
      apiKey: p.anthropic.apiKey,
    });
  if (p.openaiCompatible)
    out.push({
      id: "env:openai-compatible",
      kind: "openai_compatible",
      name: `${p.openaiCompatible.name} (instance)`,
      source: "env",
      baseUrl: p.openaiCompatible.baseUrl,
      apiKeyLast4: p.openaiCompatible.apiKey?.slice(-4) ?? null,
      models: p.openaiCompatible.models,
      enabled: true,
      apiKey: p.openaiCompatible.apiKey,
    });
  return out;
}

/**
 * The route a role takes when the workspace has not set one: the first
 * instance provider that has a model for the role, then the offline engine as
 * the last fallback. Embeddings stay on the offline lexical model unless a
 * workspace routes them explicitly, because changing the embedding model
 * means re-indexing the knowledge base.
 */
export function defaultChain(role: ModelRole, providers: CallableProvider[]): RouteTarget[] {
  const offline = { provider: "offline" as const, model: DEFAULT_MODELS.offline[role]! };
  if (role === "embed") return [offline];
  const first = providers.find(
    (p) =>
      p.source === "env" &&
      p.enabled &&
      (p.kind === "openai_compatible" ? p.models.length > 0 : DEFAULT_MODELS[p.kind as "openai" | "anthropic"]?.[role]),
  );
  if (!first) return [offline];
  const model =
    first.kind === "openai_compatible" ? first.models[0]! : DEFAULT_MODELS[first.kind as "openai" | "anthropic"][role]!;
  return [{ provider: first.id as RouteTarget["provider"], model }, offline];
}

/**
 * Whether a provider serves a model id. Workspace providers and OpenAI-compatible
 * servers list their models; the instance's OpenAI and Anthropic keys can call any
 * model those vendors offer (the list is only a suggestion), and the offline
 * engine has its two.
 */
export function offersModel(p: ProviderEntry, model: string): boolean {
  if (p.kind === "offline") return OFFLINE_PROVIDER.models.includes(model);
  if (p.source === "env" && p.kind !== "openai_compatible") return true;
  return p.models.includes(model);
}
