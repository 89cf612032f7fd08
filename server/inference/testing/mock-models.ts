import type { Db } from "@/server/db/client";
import { encryptSecret } from "@/server/secrets";
import { APICallError } from "@ai-sdk/provider";
import type { LanguageModelV3GenerateResult } from "@ai-sdk/provider";
import { MockLanguageModelV3 } from "ai/test";

/** A successful generation result in the AI SDK v3 shape. */
export function okResult(text: string, usage = { input: 10, output: 5 }): LanguageModelV3GenerateResult {
  return {
    content: [{ type: "text", text }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: {
      inputTokens: { total: usage.input, noCache: usage.input, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: usage.output, text: usage.output, reasoning: 0 },
    },
    warnings: [],
  };
}

/** The error a provider package throws for an HTTP failure. */
export function httpError(status: number, headers: Record<string, string> = {}) {
  return new APICallError({
    message: `HTTP ${status}`,
    url: "http://provider.test/v1/chat/completions",
    requestBodyValues: {},
    statusCode: status,
    responseHeaders: headers,
    isRetryable: status === 429 || status >= 500,
  });
}

/** A mock model that plays a script: each call takes the next step (an error to throw, a delay, or text). */
export function scriptedModel(modelId: string, steps: ({ error: unknown } | { text: string; delayMs?: number })[]) {
  let i = 0;
  return new MockLanguageModelV3({
    modelId,
    doGenerate: async (opts) => {
      const step = steps[Math.min(i++, steps.length - 1)]!;
      if ("error" in step) throw step.error;
      if (step.delayMs) {
        await new Promise((resolve, reject) => {
          const t = setTimeout(resolve, step.delayMs);
          opts.abortSignal?.addEventListener("abort", () => {
            clearTimeout(t);
            reject(opts.abortSignal?.reason ?? new Error("aborted"));
          });
        });
      }
      return okResult(step.text);
    },
  });
}

/** An OpenAI-compatible provider row (key `sk-test-1234`, encrypted with `secretKey`) offering `models`. */
export async function createTestProvider(db: Db, workspaceId: string, secretKey: Buffer, models: string[]) {
  return db.providerConfig.create({
    data: {
      workspaceId,
      kind: "openai_compatible",
      name: "Local",
      baseUrl: "http://127.0.0.1:1/v1",
      apiKeyCipher: encryptSecret(secretKey, "sk-test-1234", `provider:${workspaceId}`),
      apiKeyLast4: "1234",
      models,
    },
  });
}
