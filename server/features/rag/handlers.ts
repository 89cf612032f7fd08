import type { JobHandler } from "@/server/jobs/types";
import { createJobRunner } from "@/server/jobs/runner";
import type { KbDeps } from "./deps";
import { INGEST_JOB, REMOTE_DELETE_JOB, runIngest } from "./ingest";
import { REINDEX_JOB, runReindex, runRemoteDelete } from "./reindex";

/** The knowledge base's job handlers, bound to one set of dependencies. */
export function knowledgeHandlers(deps: () => KbDeps): Record<string, JobHandler> {
  return {
    [INGEST_JOB]: (job, ctl) => runIngest(deps(), job, ctl),
    [REINDEX_JOB]: (job, ctl) => runReindex(deps(), job, ctl),
    [REMOTE_DELETE_JOB]: (job, ctl) => runRemoteDelete(deps(), job, ctl),
  };
}

/** Runs every due knowledge job in this process, then resolves (CLI, seed, tests). */
export function drainKnowledgeJobs(deps: KbDeps): Promise<number> {
  return createJobRunner({ db: deps.db, handlers: knowledgeHandlers(() => deps) }).drain();
}
