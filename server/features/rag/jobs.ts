import "server-only";
import type { JobHandler } from "@/server/jobs/types";
import { INGEST_JOB, REMOTE_DELETE_JOB, runIngest } from "./ingest";
import { REINDEX_JOB, runReindex, runRemoteDelete } from "./reindex";
import { knowledgeDeps } from "./runtime";

/** The knowledge base's background work, registered with the process-wide job runner. */
export const knowledgeJobHandlers: Record<string, JobHandler> = {
  [INGEST_JOB]: (job, ctl) => runIngest(knowledgeDeps(), job, ctl),
  [REINDEX_JOB]: (job, ctl) => runReindex(knowledgeDeps(), job, ctl),
  [REMOTE_DELETE_JOB]: (job, ctl) => runRemoteDelete(knowledgeDeps(), job, ctl),
};
