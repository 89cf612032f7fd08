import "server-only";
import type { JobHandler } from "@/server/jobs/types";
import { DEMO_DRAFTS_JOB, seedDemoDrafts } from "@/server/features/demo/generation-seed";
import { BATCH_JOB, runBatchJob } from "./batch";
import { batchDeps, pipelineDeps } from "./runtime";
import { DRAFT_JOB, runDraftJob } from "./service";

/** The generation feature's background work, registered with the process-wide job runner. */
export const generationJobHandlers: Record<string, JobHandler> = {
  [BATCH_JOB]: (job, ctl) => runBatchJob(batchDeps(), job, ctl),
  [DRAFT_JOB]: (job, ctl, db) => runDraftJob(pipelineDeps(), job, ctl, db),
  [DEMO_DRAFTS_JOB]: async (job, _ctl, db) => ({
    drafts: await seedDemoDrafts(pipelineDeps(), db, (job.payload as { workspaceId: string }).workspaceId),
  }),
};
