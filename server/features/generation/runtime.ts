import "server-only";
import { inference, primaryModelFor } from "@/server/inference";
import { knowledgeDeps } from "@/server/features/rag/runtime";
import { hashKeyFor } from "@/server/features/guardrails/service";
import { env } from "@/server/env";
import type { BatchDeps } from "./batch";
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

export function batchDeps(): BatchDeps {
  return {
    ...pipelineDeps(),
    maxRows: env().batchMaxRows,
    kick: () => {
      void import("@/server/jobs").then((m) => m.jobRunner().kick());
    },
  };
}
