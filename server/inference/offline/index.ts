/**
 * Lectern offline engine: the default "model" when no API key is configured.
 * A deterministic composer and a lexical embedder behind the AI SDK v3 provider interfaces —
 * NOT an LLM and NOT a neural embedding model. See README.md.
 */
export {
  OFFLINE_ENGINE_METADATA,
  OFFLINE_LANGUAGE_MODEL_ID,
  OFFLINE_PROVIDER_ID,
  OfflineLanguageModel,
  createOfflineLanguageModel,
  runOfflineComposer,
  splitIntoDeltas,
  type OfflineCompletion,
  type OfflineLanguageModelOptions,
} from "./language-model";
export {
  OFFLINE_EMBEDDING_DIMENSIONS,
  OFFLINE_EMBEDDING_MODEL_ID,
  OFFLINE_MAX_EMBEDDINGS_PER_CALL,
  OfflineEmbeddingModel,
  createOfflineEmbeddingModel,
  embedText,
  lexicalFeatures,
  lexicalWords,
  type OfflineEmbeddingModelOptions,
} from "./embedding-model";
export {
  composeCopy,
  type ComposeInput,
  type ComposedCopy,
  type ComposedSection,
  type FactSentence,
  type Tone,
} from "./composer";
export {
  CHANNELS,
  decodeEntities,
  extractPromptInput,
  inferChannel,
  normaliseChannel,
  parsePromptBlocks,
  type Channel,
  type Fact,
  type OfflinePromptInput,
  type PromptBlocks,
} from "./prompt-blocks";
export { defaultJsonObject, fillJsonSchema, validateJsonSchema, type JsonFillOptions } from "./json-fill";
export { MESSAGE_OVERHEAD_TOKENS, countPromptTokens, countTokens } from "./tokens";

import { createOfflineEmbeddingModel } from "./embedding-model";
import { createOfflineLanguageModel } from "./language-model";

/** Minimal provider-style factory: `offline.languageModel()` / `offline.embeddingModel()`. */
export const offline = {
  languageModel: createOfflineLanguageModel,
  embeddingModel: createOfflineEmbeddingModel,
} as const;
