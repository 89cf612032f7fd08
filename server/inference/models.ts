import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { EmbeddingModelV3, LanguageModelV3 } from "@ai-sdk/provider";
import { createOfflineEmbeddingModel, createOfflineLanguageModel } from "./offline";
import type { CallableProvider } from "./registry";

export type ModelFactory = {
  language(provider: CallableProvider, modelId: string): LanguageModelV3;
  embedding(provider: CallableProvider, modelId: string): EmbeddingModelV3;
};

/** Builds real AI SDK models; provider clients are cached per provider and key. */
export function createModelFactory(): ModelFactory {
  const clients = new Map<string, ReturnType<typeof client>>();
  // Stateless and deterministic: one instance each serves every call.
  const offlineLanguage = createOfflineLanguageModel();
  const offlineEmbedding = createOfflineEmbeddingModel();
  function client(p: CallableProvider) {
    switch (p.kind) {
      case "openai":
        return { kind: "openai" as const, c: createOpenAI({ apiKey: p.apiKey, baseURL: p.baseUrl ?? undefined }) };
      case "anthropic":
        return { kind: "anthropic" as const, c: createAnthropic({ apiKey: p.apiKey }) };
      case "openai_compatible":
        return {
          kind: "openai_compatible" as const,
          c: createOpenAICompatible({
            name: p.name,
            baseURL: p.baseUrl ?? "",
            apiKey: p.apiKey,
            includeUsage: true,
            supportsStructuredOutputs: true,
          }),
        };
      case "offline":
        return { kind: "offline" as const, c: null };
      default: {
        const _exhaustive: never = p.kind;
        throw new Error(`unknown provider kind ${String(_exhaustive)}`);
      }
    }
  }
  function get(p: CallableProvider) {
    const k = `${p.id}|${p.kind}|${p.baseUrl ?? ""}|${p.apiKey ?? ""}`;
    let c = clients.get(k);
    if (!c) clients.set(k, (c = client(p)));
    return c;
  }
  return {
    language(p, modelId) {
      const c = get(p);
      switch (c.kind) {
        case "openai":
          // Chat Completions, not the Responses API: it is what OpenAI-like servers speak too.
          return c.c.chat(modelId);
        case "anthropic":
          return c.c(modelId);
        case "openai_compatible":
          return c.c.chatModel(modelId);
        case "offline":
          return offlineLanguage;
      }
    },
    embedding(p, modelId) {
      const c = get(p);
      switch (c.kind) {
        case "openai":
          return c.c.embedding(modelId);
        case "openai_compatible":
          return c.c.embeddingModel(modelId);
        case "offline":
          return offlineEmbedding;
        case "anthropic":
          throw new Error("Anthropic has no embedding models; route the embed role to another provider.");
      }
    },
  };
}
