import "server-only";
import type { JobHandler } from "@/server/jobs/types";
import { BATCH_JOB, runBatchJob } from "./batch";
import { batchDeps } from "./runtime";

/** The generation feature's background work, registered with the process-wide job runner. */
export const generationJobHandlers: Record<string, JobHandler> = {
  [BATCH_JOB]: (job, ctl) => runBatchJob(batchDeps(), job, ctl),
};
