/**
 * `LanguageModelV3` implementation of the offline engine: a deterministic composer, NOT an LLM.
 *
 * It parses the tagged prompt convention (see prompt-blocks.ts / README.md), composes
 * channel-shaped copy from the brief, brand voice and facts (composer.ts), and — when JSON output
 * is requested — fills the JSON schema from that copy (json-fill.ts). Streaming emits exactly the
 * same text, split into word-sized deltas.
 */
import type {
  JSONObject,
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3FinishReason,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
  LanguageModelV3Usage,
  SharedV3ProviderMetadata,
  SharedV3Warning,
} from "@ai-sdk/provider";
import { composeCopy, type ComposedCopy } from "./composer";
import { hashHex } from "./hash";
import { fillJsonSchema } from "./json-fill";
import { extractPromptInput, type OfflinePromptInput } from "./prompt-blocks";
import { countPromptTokens, countTokens } from "./tokens";

export const OFFLINE_PROVIDER_ID = "lectern.offline";
export const OFFLINE_LANGUAGE_MODEL_ID = "offline-composer-v1";
export const OFFLINE_ENGINE_METADATA = {
  engine: "offline-composer",
  kind: "deterministic-composer",
  notAnLlm: true,
} as const;

export interface OfflineLanguageModelOptions {
  /** Defaults to {@link OFFLINE_LANGUAGE_MODEL_ID}. */
  modelId?: string;
  /** Defaults to {@link OFFLINE_PROVIDER_ID}. */
  provider?: string;
  /**
   * Report sampling settings (temperature, topP, topK, penalties, seed), tools and file parts as
   * `unsupported` call warnings. Default true. The AI SDK logs call warnings to the console unless
   * `globalThis.AI_SDK_LOG_WARNINGS = false`.
   */
  warnOnIgnoredSettings?: boolean;
  /** Delay between streamed deltas in milliseconds (default 0 = no timers). Only affects pacing. */
  streamDelayMs?: number;
}

/** Everything one offline call produces, before it is shaped into a generate or stream result. */
export interface OfflineCompletion {
  text: string;
  json: boolean;
  finishReason: LanguageModelV3FinishReason;
  usage: LanguageModelV3Usage;
  warnings: SharedV3Warning[];
  providerMetadata: SharedV3ProviderMetadata;
  responseId: string;
  input: OfflinePromptInput;
  copy: ComposedCopy;
}

const IGNORED_SETTINGS = ["temperature", "topP", "topK", "presencePenalty", "frequencyPenalty", "seed"] as const;

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
  }
}

function truncateToTokens(text: string, maxTokens: number): string {
  if (maxTokens <= 0) return "";
  const pieces = text.match(/\s*\S+/g) ?? [];
  let out = "";
  for (const piece of pieces) {
    const next = out + piece;
    if (countTokens(next) > maxTokens) break;
    out = next;
  }
  return out;
}

/** Runs the composer for one call (pure and deterministic given the options). */
export function runOfflineComposer(
  options: LanguageModelV3CallOptions,
  warnOnIgnoredSettings = true,
): OfflineCompletion {
  const input = extractPromptInput(options.prompt);
  const copy = composeCopy(input);
  const warnings: SharedV3Warning[] = [];
  if (warnOnIgnoredSettings) {
    for (const setting of IGNORED_SETTINGS) {
      if (options[setting] !== undefined) {
        warnings.push({
          type: "unsupported",
          feature: setting,
          details: "The offline engine is a deterministic composer; sampling settings have no effect.",
        });
      }
    }
    if (options.tools && options.tools.length > 0) {
      warnings.push({ type: "unsupported", feature: "tools", details: "The offline composer never calls tools." });
    }
    const hasFiles = options.prompt.some((m) => m.role !== "system" && m.content.some((p) => p.type === "file"));
    if (hasFiles) {
      warnings.push({
        type: "unsupported",
        feature: "file parts",
        details: "File content is ignored by the offline composer.",
      });
    }
  }

  const format = options.responseFormat;
  const json = format?.type === "json";
  let text: string;
  let finishReason: LanguageModelV3FinishReason = { unified: "stop", raw: "stop" };
  if (json) {
    const value = fillJsonSchema(format.schema, copy, {
      facts: input.facts,
      inputText: [input.brief, input.brandVoice, input.instructions, ...input.facts.map((f) => f.text)].join("\n"),
    });
    text = JSON.stringify(value);
    if (options.maxOutputTokens !== undefined && countTokens(text) > options.maxOutputTokens) {
      warnings.push({
        type: "other",
        message: "maxOutputTokens is below the size of the JSON output; the offline composer does not truncate JSON.",
      });
    }
  } else {
    text = copy.text;
    const stops = (options.stopSequences ?? []).filter((s) => s.length > 0);
    let stopAt = -1;
    for (const stop of stops) {
      const at = text.indexOf(stop);
      if (at >= 0 && (stopAt < 0 || at < stopAt)) stopAt = at;
    }
    if (stopAt >= 0) {
      text = text.slice(0, stopAt);
      finishReason = { unified: "stop", raw: "stop_sequence" };
    }
    if (options.maxOutputTokens !== undefined && countTokens(text) > options.maxOutputTokens) {
      text = truncateToTokens(text, options.maxOutputTokens);
      finishReason = { unified: "length", raw: "max_tokens" };
    }
  }

  const inputTokens = countPromptTokens(options.prompt);
  const outputTokens = countTokens(text);
  const usage: LanguageModelV3Usage = {
    inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: outputTokens, text: outputTokens, reasoning: 0 },
    raw: { approximation: "lectern-offline-tokens-v1", inputTokens, outputTokens } satisfies JSONObject,
  };
  const providerMetadata: SharedV3ProviderMetadata = {
    lectern: {
      ...OFFLINE_ENGINE_METADATA,
      channel: copy.channel,
      channelSource: input.channelSource,
      tone: copy.tone,
      factIdsUsed: copy.usedFactIds,
      templateSeed: copy.seed.toString(16).padStart(8, "0"),
    },
  };
  return {
    text,
    json,
    finishReason,
    usage,
    warnings,
    providerMetadata,
    responseId: `offline-${hashHex(`${copy.seed}:${text}`)}`,
    input,
    copy,
  };
}

/** Splits text into word-sized deltas whose concatenation is exactly `text`. */
export function splitIntoDeltas(text: string): string[] {
  return text.match(/\s*\S+|\s+$/g) ?? (text ? [text] : []);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new DOMException("The operation was aborted.", "AbortError"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export class OfflineLanguageModel implements LanguageModelV3 {
  readonly specificationVersion = "v3" as const;
  readonly provider: string;
  readonly modelId: string;
  /** No URL is "supported natively": the SDK downloads files, and the composer ignores them. */
  readonly supportedUrls: Record<string, RegExp[]> = {};
  private readonly warnOnIgnoredSettings: boolean;
  private readonly streamDelayMs: number;

  constructor(options: OfflineLanguageModelOptions = {}) {
    this.provider = options.provider ?? OFFLINE_PROVIDER_ID;
    this.modelId = options.modelId ?? OFFLINE_LANGUAGE_MODEL_ID;
    this.warnOnIgnoredSettings = options.warnOnIgnoredSettings ?? true;
    this.streamDelayMs = Math.max(0, options.streamDelayMs ?? 0);
  }

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    throwIfAborted(options.abortSignal);
    const result = runOfflineComposer(options, this.warnOnIgnoredSettings);
    throwIfAborted(options.abortSignal);
    return {
      content: result.text.length > 0 ? [{ type: "text", text: result.text }] : [],
      finishReason: result.finishReason,
      usage: result.usage,
      warnings: result.warnings,
      providerMetadata: result.providerMetadata,
      request: { body: this.requestBody(result) },
      response: { id: result.responseId, modelId: this.modelId },
    };
  }

  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    const signal = options.abortSignal;
    throwIfAborted(signal);
    const result = runOfflineComposer(options, this.warnOnIgnoredSettings);
    const textId = "text-0";
    const parts: LanguageModelV3StreamPart[] = [
      { type: "stream-start", warnings: result.warnings },
      { type: "response-metadata", id: result.responseId, modelId: this.modelId },
      { type: "text-start", id: textId },
      ...splitIntoDeltas(result.text).map((delta): LanguageModelV3StreamPart => ({
        type: "text-delta",
        id: textId,
        delta,
      })),
      { type: "text-end", id: textId },
      {
        type: "finish",
        usage: result.usage,
        finishReason: result.finishReason,
        providerMetadata: result.providerMetadata,
      },
    ];
    const delayMs = this.streamDelayMs;
    let next = 0;
    let done = false;
    let onAbort: (() => void) | undefined;
    const cleanup = () => {
      done = true;
      if (onAbort) signal?.removeEventListener("abort", onAbort);
    };
    const stream = new ReadableStream<LanguageModelV3StreamPart>({
      start(controller) {
        if (!signal) return;
        onAbort = () => {
          if (done) return;
          cleanup();
          try {
            controller.error(signal.reason ?? new DOMException("The operation was aborted.", "AbortError"));
          } catch {
            // stream already closed
          }
        };
        signal.addEventListener("abort", onAbort, { once: true });
      },
      async pull(controller) {
        if (done) return;
        if (signal?.aborted) {
          onAbort?.();
          return;
        }
        const part = parts[next++];
        if (!part) {
          cleanup();
          controller.close();
          return;
        }
        if (delayMs > 0 && part.type === "text-delta") await sleep(delayMs, signal).catch(() => undefined);
        if (done) return;
        controller.enqueue(part);
        if (next >= parts.length) {
          cleanup();
          controller.close();
        }
      },
      cancel() {
        cleanup();
      },
    });
    return { stream, request: { body: this.requestBody(result) } };
  }

  private requestBody(result: OfflineCompletion): JSONObject {
    return {
      engine: OFFLINE_ENGINE_METADATA.engine,
      channel: result.input.channel,
      responseFormat: result.json ? "json" : "text",
      factIds: result.input.facts.map((f) => f.id),
    };
  }
}

/** Creates the offline language model (a deterministic composer, not an LLM). */
export function createOfflineLanguageModel(options: OfflineLanguageModelOptions = {}): OfflineLanguageModel {
  return new OfflineLanguageModel(options);
}
