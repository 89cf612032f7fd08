/** What the knowledge-base use cases need from the rest of the server; tests pass their own. */
import type { Db } from "@/server/db/client";
import type { CallContext } from "@/server/inference/gateway";
import { AppError } from "@/lib/errors";
import { decryptSecret } from "@/server/secrets";
import type { SettingsRow } from "./repository";
import type { PineconeConfig, VectorRuntime } from "./vectors";

export type Embedder = {
  /** Embeds through the gateway's `embed` role; `model` is the `provider/model` that answered. */
  embed(ctx: CallContext, values: string[], signal?: AbortSignal): Promise<{ embeddings: number[][]; model: string }>;
  /** The `provider/model` the embed route would use first now (null: no usable model). */
  currentModel(workspaceId: string): Promise<string | null>;
};

/** Entailment check through the gateway's `judge` role, only when it is a real model. */
export type Judge = {
  available(workspaceId: string): Promise<boolean>;
  rerank?(
    ctx: CallContext,
    query: string,
    passages: { id: string; text: string }[],
  ): Promise<{ id: string; score: number }[]>;
  entail?(
    ctx: CallContext,
    claim: string,
    passages: { chunkId: string; text: string }[],
  ): Promise<{ chunkId: string; entailed: boolean; confidence: number }[]>;
};

export type KbDeps = {
  db: Db;
  embedder: Embedder;
  vectors: VectorRuntime;
  secretKey: Buffer;
  /** Instance-wide Pinecone defaults from env. */
  envPinecone?: { apiKey: string; indexHost?: string };
  maxUploadBytes: number;
  judge?: Judge;
  /** Wake the job runner after an enqueue. */
  kick(): void;
};

/** Embedding batch size per gateway call (the provider may split further). */
export const EMBED_BATCH = 128;

export function pineconeKeyContext(workspaceId: string): string {
  return `pinecone:${workspaceId}`;
}

/** The Pinecone index a workspace uses, or null for the embedded index. */
export function pineconeConfigOf(deps: KbDeps, s: SettingsRow | null): PineconeConfig | null {
  if (!s || s.vectorIndex !== "pinecone") return null;
  const apiKey = s.pineconeKeyEnc
    ? decryptSecret(deps.secretKey, s.pineconeKeyEnc, pineconeKeyContext(s.workspaceId))
    : deps.envPinecone?.apiKey;
  const indexHost = s.pineconeHost ?? deps.envPinecone?.indexHost;
  if (!apiKey || !indexHost)
    throw new AppError(
      "bad_request:pinecone_config",
      "This workspace uses Pinecone, but no Pinecone API key or index host is set. Add them in Knowledge → Settings or set PINECONE_API_KEY and PINECONE_INDEX_HOST.",
    );
  return { apiKey, indexHost };
}

export function defaultVectorIndex(deps: KbDeps): "embedded" | "pinecone" {
  return deps.envPinecone?.apiKey && deps.envPinecone.indexHost ? "pinecone" : "embedded";
}
