import "server-only";
import { db } from "@/server/db";
import { log } from "@/server/log";
import { knowledgeJobHandlers } from "@/server/features/rag/jobs";
import { generationJobHandlers } from "@/server/features/generation/jobs";
import { evalJobHandlers } from "@/server/features/evals/jobs";
import { createJobRunner, type JobRunner } from "./runner";
import { JobError } from "./types";

export { JobError, type JobHandler, type JobControl, type JobRow } from "./types";
export { insertJob, findJob, listJobs } from "./repository";

const g = globalThis as unknown as { __lecternJobs?: JobRunner };

/** The process-wide runner with every feature's handlers. Started by instrumentation.ts. */
export function jobRunner(): JobRunner {
  g.__lecternJobs ??= createJobRunner({
    db: db(),
    handlers: { ...knowledgeJobHandlers, ...generationJobHandlers, ...evalJobHandlers },
    concurrency: 2,
    onError: (job, error) =>
      // Bad input (a JobError) is the user's to fix and is shown on the job; only surprises need a stack.
      error instanceof JobError
        ? log().info({ jobId: job.id, kind: job.kind, code: error.code }, "job stopped: %s", error.message)
        : log().warn({ jobId: job.id, kind: job.kind, err: error }, "job failed"),
  });
  return g.__lecternJobs;
}
