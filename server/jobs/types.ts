/** Durable background jobs: types shared by the repository, the runner and the handlers. */
import type { Db } from "@/server/db/client";

export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

export type JobRow = {
  id: string;
  workspaceId: string;
  kind: string;
  status: JobStatus;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  createdById: string | null;
};

/** What a handler may do while it runs. */
export type JobControl = {
  /** Aborted when the runner stops or the job's lease was lost to another worker. */
  signal: AbortSignal;
  /** Records progress (and renews the lease). Throws `LeaseLostError` when another worker took the job over. */
  progress(done: number, total: number, stage: string): Promise<void>;
  /** The job's large input (an uploaded file), loaded on demand. */
  blob(): Promise<Uint8Array | null>;
};

export type JobHandler = (job: JobRow, ctl: JobControl, db: Db) => Promise<unknown>;

/**
 * A failure the handler understands. `retryable: false` ends the job at once with this
 * message (bad input will not get better by trying again); anything else is retried with
 * backoff until `maxAttempts`.
 */
export class JobError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  constructor(code: string, message: string, opts?: { retryable?: boolean }) {
    super(message);
    this.name = "JobError";
    this.code = code;
    this.retryable = opts?.retryable ?? false;
  }
}

export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`Job ${jobId} was taken over by another worker`);
    this.name = "LeaseLostError";
  }
}
