import { createPineconeIndex, type PineconeIndexOptions } from "./pinecone";
import type { VectorIndex } from "./types";

/** A workspace's vector-store setting; absent or `embedded` means the built-in index. */
export type WorkspaceIndexConfig =
  { provider: "embedded" } | { provider: "pinecone"; apiKey: string; indexHost: string };

/** One namespace per workspace, in whichever index the workspace uses. */
export function workspaceNamespace(workspaceId: string): string {
  return `ws_${workspaceId}`;
}

/**
 * Picks the index for a workspace: Pinecone when the workspace has it configured, the shared
 * embedded index otherwise. Pinecone clients are reused per (host, key).
 */
export function createIndexSelector(deps: {
  embedded: VectorIndex;
  pinecone?: (options: PineconeIndexOptions) => VectorIndex;
}): {
  forWorkspace(workspaceId: string, config?: WorkspaceIndexConfig | null): { index: VectorIndex; namespace: string };
} {
  const makePinecone = deps.pinecone ?? createPineconeIndex;
  const clients = new Map<string, VectorIndex>();
  return {
    forWorkspace(workspaceId, config) {
      const namespace = workspaceNamespace(workspaceId);
      if (!config || config.provider === "embedded") return { index: deps.embedded, namespace };
      const key = `${config.indexHost}\u0000${config.apiKey}`;
      let index = clients.get(key);
      if (!index) {
        index = makePinecone({ apiKey: config.apiKey, indexHost: config.indexHost });
        clients.set(key, index);
      }
      return { index, namespace };
    },
  };
}
