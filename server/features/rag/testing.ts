/** Knowledge-base dependencies for tests: the real offline embedder, a fresh vector runtime, no gateway. */
import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db/client";
import { embedText, OFFLINE_EMBEDDING_MODEL_ID } from "@/server/inference/offline/embedding-model";
import type { Embedder, KbDeps } from "./deps";
import { drainKnowledgeJobs } from "./handlers";
import { createVectorRuntime, type PineconeConfig } from "./vectors";
import type { VectorIndex } from "./index/types";

export const OFFLINE_KEY = `offline/${OFFLINE_EMBEDDING_MODEL_ID}`;

/** The offline lexical embedder under a `provider/model` key (switchable, to test re-indexing). */
export function offlineEmbedder(
  state: { model: string; dims?: number; calls?: number } = { model: OFFLINE_KEY },
): Embedder {
  return {
    async embed(_ctx, values) {
      state.calls = (state.calls ?? 0) + 1;
      return { embeddings: values.map((v) => embedText(v, state.dims ?? 512)), model: state.model };
    },
    async currentModel() {
      return state.model;
    },
  };
}

export function makeKbDeps(
  db: Db,
  opts: {
    embedder?: Embedder;
    pinecone?: (c: PineconeConfig) => VectorIndex;
    envPinecone?: KbDeps["envPinecone"];
    maxUploadBytes?: number;
  } = {},
): KbDeps & { runJobs(): Promise<number> } {
  const deps: KbDeps = {
    db,
    embedder: opts.embedder ?? offlineEmbedder(),
    vectors: createVectorRuntime({ db, pinecone: opts.pinecone }),
    secretKey: randomBytes(32),
    envPinecone: opts.envPinecone,
    maxUploadBytes: opts.maxUploadBytes ?? 5 * 1024 * 1024,
    kick: () => {},
  };
  return { ...deps, runJobs: () => drainKnowledgeJobs(deps) };
}
