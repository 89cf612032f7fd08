/**
 * The in-process job runner. Several runners (threads of one instance or several instances
 * sharing a database) may run at once: claims are fenced in the repository, leases expire when
 * a worker dies, and a handler's later writes are fenced on its attempt so a worker that lost
 * its lease can no longer report progress or finish the job.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db/client";
import { claimJobs, failExhausted, finishJob, loadBlob, renewLease } from "./repository";
import { JobError, LeaseLostError, type JobHandler, type JobRow } from "./types";

export type JobRunnerOptions = {
  db: Db;
  handlers: Record<string, JobHandler>;
  workerId?: string;
  /** How long a claim lasts without a progress report (ms). */
  leaseMs?: number;
  pollMs?: number;
  concurrency?: number;
  now?: () => Date;
  onError?: (job: JobRow, error: unknown) => void;
};

export type JobRunner = {
  readonly workerId: string;
  start(): void;
  stop(): Promise<void>;
  /** Look for work now instead of at the next poll (after an enqueue in this process). */
  kick(): void;
  /** Claims and runs what is due, then resolves (tests, CLI). Returns the number of jobs run. */
  drain(): Promise<number>;
};

export function retryDelayMs(attempt: number, random = Math.random): number {
  const base = Math.min(2_000 * 2 ** (attempt - 1), 300_000);
  return Math.round(base * (0.75 + random() * 0.5));
}

export function createJobRunner(opts: JobRunnerOptions): JobRunner {
  const db = opts.db;
  const workerId = opts.workerId ?? `w_${process.pid}_${randomBytes(4).toString("hex")}`;
  const leaseMs = opts.leaseMs ?? 60_000;
  const pollMs = opts.pollMs ?? 2_000;
  const concurrency = opts.concurrency ?? 1;
  const now = opts.now ?? (() => new Date());
  const kinds = Object.keys(opts.handlers);
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  let timer: NodeJS.Timeout | null = null;
  let started = false;
  let polling: Promise<number> | null = null;

  async function runOne(job: JobRow, controller: AbortController): Promise<void> {
    const handler = opts.handlers[job.kind];
    const ctl = {
      signal: controller.signal,
      async progress(done: number, total: number, stage: string) {
        const ok = await renewLease(db, job, workerId, {
          leaseUntil: new Date(now().getTime() + leaseMs),
          progressDone: done,
          progressTotal: total,
          stage,
        });
        if (!ok) {
          controller.abort();
          throw new LeaseLostError(job.id);
        }
      },
      blob: () => loadBlob(db, job.id),
    };
    try {
      if (!handler) throw new JobError("unknown_kind", `No handler for job kind "${job.kind}"`);
      const result = await handler(job, ctl, db);
      await finishJob(db, job, workerId, { status: "succeeded", result }, now());
    } catch (e) {
      if (e instanceof LeaseLostError) return;
      opts.onError?.(job, e);
      const known = e instanceof JobError;
      const code = known ? e.code : "internal";
      const message = known ? e.message : "The job failed unexpectedly; it will be retried.";
      // A run stopped by shutdown goes back to the queue like a transient failure.
      const retry = (!known || e.retryable || controller.signal.aborted) && job.attempts < job.maxAttempts;
      await finishJob(
        db,
        job,
        workerId,
        retry
          ? {
              status: "queued",
              runAfter: new Date(now().getTime() + retryDelayMs(job.attempts)),
              errorCode: code,
              error: message,
            }
          : {
              status: "failed",
              errorCode: code,
              error: known ? message : `The job failed after ${job.attempts} attempts.`,
            },
        now(),
      );
    }
  }

  async function poll(): Promise<number> {
    const free = concurrency - running.size;
    if (free <= 0 || kinds.length === 0) return 0;
    await failExhausted(db, now());
    const jobs = await claimJobs(db, { kinds, workerId, leaseMs, limit: free, now: now() });
    for (const job of jobs) {
      const controller = new AbortController();
      const done = runOne(job, controller).finally(() => {
        running.delete(job.id);
        if (started) schedule(0);
      });
      running.set(job.id, { controller, done });
    }
    return jobs.length;
  }

  function pollSafely(): Promise<number> {
    polling ??= poll()
      .catch(() => 0)
      .finally(() => {
        polling = null;
      });
    return polling;
  }

  function schedule(ms: number) {
    if (!started) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void pollSafely().then(() => schedule(pollMs));
    }, ms);
    timer.unref?.();
  }

  return {
    workerId,
    start() {
      if (started) return;
      started = true;
      schedule(0);
    },
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = null;
      for (const r of running.values()) r.controller.abort();
      await Promise.allSettled([...running.values()].map((r) => r.done));
    },
    kick() {
      schedule(0);
    },
    async drain() {
      let total = 0;
      for (;;) {
        const n = await poll();
        await Promise.allSettled([...running.values()].map((r) => r.done));
        total += n;
        if (n === 0) return total;
      }
    },
  };
}
