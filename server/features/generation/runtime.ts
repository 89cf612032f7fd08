import "server-only";
import { inference, primaryModelFor } from "@/server/inference";
import { knowledgeDeps } from "@/server/features/rag/runtime";
import { hashKeyFor } from "@/server/features/guardrails/service";
import type { PipelineDeps } from "./pipeline";

/** The pipeline's dependencies in this process. */
export function pipelineDeps(): PipelineDeps {
  return {
    kb: knowledgeDeps(),
    gateway: inference().gateway,
    hashKey: hashKeyFor,
    canRevise: async (workspaceId) => {
      const m = await primaryModelFor(workspaceId, "revise");
      return Boolean(m && !m.offline);
    },
  };
}
