/**
 * Where a workspace's chunk vectors live and how the in-memory embedded index stays in step
 * with the database.
 *
 * The database is the source of truth: chunk rows carry their vectors (Float32, little-endian)
 * and are written in the same transaction as the document. The embedded index is a read model
 * loaded from those rows per (workspace, model) namespace. Every write bumps the workspace's
 * revision; before a query the runtime compares the revision it loaded with the database's and
 * reloads when another instance changed the data.
 */
import {
  createEmbeddedIndex,
  createPineconeIndex,
  type EmbeddedIndex,
  type VectorIndex,
  type VectorRecord,
} from "./index/index";
import type { Metadata } from "./index/types";
import { loadVectors, type ChunkVectorMeta } from "./repository";
import type { Db } from "@/server/db/client";

export type EmbeddedLike = Pick<EmbeddedIndex, keyof VectorIndex | "evict">;

export type IndexTarget = {
  kind: "embedded" | "pinecone";
  index: VectorIndex;
  namespace: string;
  /** Extra filter that keeps a query to vectors of one model (Pinecone namespaces hold all models). */
  modelFilter: Record<string, string> | null;
};

export type PineconeConfig = { apiKey: string; indexHost: string };

export function encodeVector(values: number[]): Uint8Array {
  return new Uint8Array(Float32Array.from(values).buffer);
}

export function decodeVector(bytes: Uint8Array): number[] {
  const copy = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  return Array.from(new Float32Array(copy.buffer, copy.byteOffset, copy.byteLength / 4));
}

export function isZeroVector(values: number[]): boolean {
  for (const v of values) if (v !== 0) return false;
  return true;
}

export function toMetadata(meta: ChunkVectorMeta, model: string): Metadata {
  return {
    documentId: meta.documentId,
    source: meta.source,
    tags: meta.tags,
    model,
    ...(meta.effective === undefined ? {} : { effective: meta.effective }),
  };
}

const SEP = "|";

export function embeddedNamespace(workspaceId: string, model: string): string {
  return `ws_${workspaceId}${SEP}${model}`;
}

function parseNamespace(ns: string): { workspaceId: string; model: string } {
  const i = ns.indexOf(SEP);
  return { workspaceId: ns.slice(3, i), model: ns.slice(i + 1) };
}

export type VectorRuntime = ReturnType<typeof createVectorRuntime>;

export function createVectorRuntime(deps: {
  db: Db;
  embedded?: EmbeddedLike;
  pinecone?: (config: PineconeConfig) => VectorIndex;
}) {
  const embedded: EmbeddedLike =
    deps.embedded ??
    createEmbeddedIndex({
      persistence: {
        async load(namespace) {
          const { workspaceId, model } = parseNamespace(namespace);
          const rows = await loadVectors(deps.db, workspaceId, model);
          return rows.map((r): VectorRecord => ({
            id: r.key,
            values: decodeVector(r.embedding),
            metadata: toMetadata(r.meta, model),
          }));
        },
        // The rows were already written, in the transaction that wrote the document.
        async save() {},
        async dropNamespace() {},
      },
    });
  const makePinecone = deps.pinecone ?? ((c: PineconeConfig) => createPineconeIndex(c));
  const pineconeClients = new Map<string, VectorIndex>();
  /** Revision the in-memory namespaces of a workspace reflect. */
  const current = new Map<string, number>();
  const namespaces = new Map<string, Set<string>>();

  function evictWorkspace(workspaceId: string) {
    for (const ns of namespaces.get(workspaceId) ?? []) embedded.evict(ns);
    namespaces.delete(workspaceId);
  }

  return {
    embedded,
    target(workspaceId: string, model: string, pinecone: PineconeConfig | null): IndexTarget {
      if (pinecone) {
        const key = `${pinecone.indexHost}\u0000${pinecone.apiKey}`;
        let index = pineconeClients.get(key);
        if (!index) {
          index = makePinecone(pinecone);
          pineconeClients.set(key, index);
        }
        return { kind: "pinecone", index, namespace: `ws_${workspaceId}`, modelFilter: { model } };
      }
      const namespace = embeddedNamespace(workspaceId, model);
      let set = namespaces.get(workspaceId);
      if (!set) namespaces.set(workspaceId, (set = new Set()));
      set.add(namespace);
      return { kind: "embedded", index: embedded, namespace, modelFilter: null };
    },
    /** Before reading: drop what this process loaded if the database moved on without it. */
    sync(workspaceId: string, revision: number): void {
      if (current.get(workspaceId) !== revision) {
        evictWorkspace(workspaceId);
        current.set(workspaceId, revision);
      }
    },
    /**
     * After this process committed `revision`: apply the change to the loaded namespaces when they
     * were exactly one revision behind, otherwise let the next query reload them.
     */
    async committed(workspaceId: string, revision: number, apply: () => Promise<void>): Promise<void> {
      if (current.get(workspaceId) === revision - 1) {
        current.set(workspaceId, revision);
        try {
          await apply();
        } catch {
          evictWorkspace(workspaceId);
          current.delete(workspaceId);
        }
      } else if (current.get(workspaceId) !== revision) {
        evictWorkspace(workspaceId);
        current.delete(workspaceId);
      }
    },
  };
}
