import "server-only";
import type { JobHandler } from "@/server/jobs/types";
import { primaryModelFor } from "@/server/inference";
import { pipelineDeps } from "@/server/features/generation/runtime";
import { EVAL_JOB, runEvalJob, type EvalDeps } from "./runs";

/** Eval runs in this process: the pipeline's dependencies, and a judge when the judge route has a real model. */
export function evalDeps(): EvalDeps {
  return {
    ...pipelineDeps(),
    canJudge: async (workspaceId) => {
      const m = await primaryModelFor(workspaceId, "judge");
      return Boolean(m && !m.offline);
    },
  };
}

export const evalJobHandlers: Record<string, JobHandler> = {
  [EVAL_JOB]: (job, ctl, db) => runEvalJob(evalDeps(), job, ctl, db),
};
