/**
 * The webhook delivery worker: claims due deliveries in batches, signs and sends them with up
 * to `concurrency` requests in flight, and records each attempt. Shaped like the job runner
 * (server/jobs/runner.ts) — start/stop/kick/drain, leases, fenced writes — but with its own
 * table and loop because deliveries are many, small and network-bound: one job per delivery
 * would serialise them behind the job runner's handful of slots.
 *
 * At least once: a delivery is re-sent when the worker cannot tell whether the receiver got
 * it (timeouts, lost workers), always with the same `webhook-id`, which receivers de-duplicate
 * on. Never concurrently: a delivery is sent only by the worker holding its lease.
 */
import { randomBytes } from "node:crypto";
import { CustomHeaders } from "@/lib/schemas/publishing";
import type { Db } from "@/server/db/client";
import { openWebhookSecret } from "../secret-store";
import { webhookHeaders } from "../signing";
import {
  claimDueDeliveries,
  finishAttempts,
  loadSendContexts,
  recoverExpiredLeases,
  renewLeases,
  WORKER_LOST_MESSAGE,
  type AttemptRecord,
  type Claim,
  type Finish,
  type NextState,
  type SendContext,
} from "./repository";
import { nextAttemptDelay, RETRY_SCHEDULE_MS } from "./schedule";
import { DEFAULT_TIMEOUT_MS, sendWebhook, type SendResult, type SendWebhook } from "./send";

export type DeliveryWorkerOptions = {
  db: Db;
  /** The instance key the endpoint secrets are sealed with. */
  secretKey: Buffer;
  /** Requests in flight at once. */
  concurrency?: number;
  /** How often to look for due deliveries when nobody kicks (ms). */
  pollMs?: number;
  /** How long a claim lasts; renewed while a request is in flight (ms). */
  leaseMs?: number;
  /** Per request: connect + headers + body (ms). */
  timeoutMs?: number;
  /** The waits before each attempt (tests); its length is the attempt budget. */
  schedule?: readonly number[];
  now?: () => Date;
  random?: () => number;
  workerId?: string;
  /** Another sender (tests). */
  fetchImpl?: SendWebhook;
  onError?: (deliveryId: string | null, error: unknown) => void;
};

export type DeliveryWorker = {
  readonly workerId: string;
  start(): void;
  /** Aborts requests in flight (recorded as lost and re-sent at once) and waits for them. */
  stop(): Promise<void>;
  /** Look for work now (after an event was emitted in this process). */
  kick(): void;
  /** Sends everything due, retries that come due meanwhile included, then resolves with the number of attempts. */
  drain(): Promise<number>;
};

type InFlight = { claim: Claim; controller: AbortController; done: Promise<void> };

function utcMinute(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function customHeaders(raw: unknown): Record<string, string> {
  const parsed = CustomHeaders.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}

export function createDeliveryWorker(opts: DeliveryWorkerOptions): DeliveryWorker {
  const db = opts.db;
  const workerId = opts.workerId ?? `d_${process.pid}_${randomBytes(4).toString("hex")}`;
  const concurrency = Math.max(1, opts.concurrency ?? 16);
  const pollMs = opts.pollMs ?? 1_000;
  const leaseMs = opts.leaseMs ?? 60_000;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const schedule = opts.schedule ?? RETRY_SCHEDULE_MS;
  const now = opts.now ?? (() => new Date());
  const random = opts.random ?? Math.random;
  const send = opts.fetchImpl ?? sendWebhook;
  const onError = opts.onError ?? (() => {});
  // Claim in batches: with a quarter of the slots free, not one at a time (each claim is a few queries).
  const minBatch = Math.max(1, Math.floor(concurrency / 4));

  const inFlight = new Map<string, InFlight>();
  let started = false;
  let timer: NodeJS.Timeout | null = null;
  let renewTimer: NodeJS.Timeout | null = null;
  let polling: Promise<number> | null = null;
  let pollAgain = false;
  let lastRecovery = 0;

  // Group commit: attempts that finish while a commit is running are written together by the next one.
  const commitQueue: { item: Finish; resolve: (ok: boolean) => void }[] = [];
  let committing = false;

  async function commitLoop(): Promise<void> {
    // The flag is cleared in the same synchronous step as the emptiness check, so a finish
    // queued at any moment is either taken by this loop or starts the next one.
    try {
      while (commitQueue.length > 0) {
        const batch = commitQueue.splice(0, 64);
        let results: boolean[];
        try {
          results = await finishAttempts(
            db,
            batch.map((b) => b.item),
          );
        } catch (e) {
          // Isolate the attempt that fails (if one does) instead of losing the batch with it.
          onError(null, e);
          results = [];
          for (const b of batch)
            results.push(
              await finishAttempts(db, [b.item]).then(
                ([ok]) => ok!,
                (err: unknown) => (onError(b.item.claim.id, err), true),
              ),
            );
        }
        batch.forEach((b, i) => b.resolve(results[i]!));
      }
    } finally {
      committing = false;
    }
  }

  async function finish(claim: Claim, attempt: AttemptRecord, next: NextState, disable?: { reason: string }) {
    const ok = await new Promise<boolean>((resolve) => {
      commitQueue.push({ item: { claim, attempt, next, ...(disable ? { disableEndpoint: disable } : {}) }, resolve });
      if (!committing) {
        committing = true;
        // Start on the next turn of the event loop: the SQLite driver is synchronous, so a commit
        // started now would finish before any other response is read, and nothing would batch.
        setImmediate(() => void commitLoop());
      }
    });
    // Not ok: the lease expired and another worker took the delivery over; it records its own attempt.
    if (!ok) onError(claim.id, new Error(`Lost the claim on delivery ${claim.id} before recording its attempt`));
  }

  /** The state after a failed attempt: retry per the schedule, or dead-letter when the round is spent. */
  function afterFailure(claim: Claim, error: string, retryAfterMs: number | null, at: Date): NextState {
    const delay = nextAttemptDelay(claim.attempts, { retryAfterMs, random, schedule });
    return delay === null
      ? { status: "dead", reason: `Gave up after ${claim.attempts} attempts: ${error}` }
      : { status: "pending", at: new Date(at.getTime() + delay) };
  }

  async function deliver(claim: Claim, ctx: SendContext | undefined, signal: AbortSignal): Promise<void> {
    const startedAt = now();
    const skip = (reason: string) =>
      finish(
        claim,
        { startedAt, durationMs: 0, statusCode: null, outcome: "skipped", error: reason, snippet: null },
        { status: "dead", reason },
      );
    if (!ctx) return skip("The event or its endpoint no longer exists; nothing was sent.");
    const ep = ctx.endpoint;
    if (ep.deletedAt) return skip(`The endpoint was deleted on ${utcMinute(ep.deletedAt)}; nothing was sent.`);
    if (!ep.enabled)
      return skip(
        `The endpoint is disabled${ep.disabledReason ? ` (${ep.disabledReason.replace(/\.$/, "")})` : ""}; nothing was sent. Re-enable it, then replay this delivery.`,
      );

    let secrets: string[];
    try {
      secrets = [openWebhookSecret(opts.secretKey, claim.workspaceId, ep.secretEnc)];
      // During a rotation both secrets sign, so receivers can switch whenever they like.
      if (ep.previousSecretEnc && ep.previousSecretUntil && ep.previousSecretUntil > startedAt)
        secrets.push(openWebhookSecret(opts.secretKey, claim.workspaceId, ep.previousSecretEnc));
    } catch (e) {
      // The instance key changed: nothing can be signed until it is restored, so keep the schedule going.
      onError(claim.id, e);
      const error =
        "The endpoint's signing secret cannot be decrypted (the instance secret key changed); nothing was sent.";
      return finish(
        claim,
        { startedAt, durationMs: 0, statusCode: null, outcome: "skipped", error, snippet: null },
        afterFailure(claim, error, null, startedAt),
      );
    }

    const headers = webhookHeaders({
      msgId: claim.eventId,
      timestampSec: Math.floor(startedAt.getTime() / 1000),
      body: ctx.eventBody,
      secrets,
      custom: customHeaders(ep.headers),
    });
    const r: SendResult = await send({
      url: ep.url,
      headers,
      body: ctx.eventBody,
      allowPrivate: ep.allowPrivate,
      timeoutMs,
      signal,
    });
    const attempt: AttemptRecord = {
      startedAt,
      durationMs: r.durationMs,
      statusCode: r.statusCode,
      outcome: r.outcome,
      error: r.error,
      snippet: r.snippet,
    };
    const at = now();
    if (signal.aborted && r.outcome !== "success") {
      // Stopped by stop(): the receiver may or may not have it; send again at once with the same id.
      const next: NextState =
        claim.attempts >= schedule.length
          ? { status: "dead", reason: `Gave up after ${claim.attempts} attempts: ${WORKER_LOST_MESSAGE}` }
          : { status: "pending", at };
      return finish(claim, { ...attempt, outcome: "worker_lost", error: WORKER_LOST_MESSAGE }, next);
    }
    if (r.outcome === "success") return finish(claim, attempt, { status: "succeeded", at });
    if (r.gone)
      return finish(
        claim,
        attempt,
        { status: "dead", reason: "The receiver answered 410 Gone, so the endpoint was disabled." },
        { reason: `The receiver answered 410 Gone on ${utcMinute(at)}; re-enable it after fixing the URL.` },
      );
    return finish(claim, attempt, afterFailure(claim, r.error ?? `Attempt failed (${r.outcome})`, r.retryAfterMs, at));
  }

  function renewWhileBusy() {
    if (renewTimer || inFlight.size === 0) return;
    // A request ends within timeoutMs, far inside the lease; renewing covers a stalled event loop or slow database.
    renewTimer = setInterval(
      () => {
        if (inFlight.size === 0) {
          clearInterval(renewTimer!);
          renewTimer = null;
          return;
        }
        const claims = [...inFlight.values()].map((f) => f.claim);
        void renewLeases(db, claims, new Date(now().getTime() + leaseMs)).catch((e: unknown) => onError(null, e));
      },
      Math.max(200, Math.floor(leaseMs / 3)),
    );
    renewTimer.unref?.();
  }

  async function poll(force: boolean): Promise<number> {
    const free = concurrency - inFlight.size;
    if (free <= 0 || (!force && free < minBatch && inFlight.size > 0)) return 0;
    if (force || Date.now() - lastRecovery >= pollMs) {
      lastRecovery = Date.now();
      await recoverExpiredLeases(db, { now: now(), maxAttempts: schedule.length });
    }
    const claims = await claimDueDeliveries(db, { workerId, leaseMs, limit: free, now: now() });
    if (claims.length === 0) return 0;
    let contexts: Map<string, SendContext>;
    try {
      contexts = await loadSendContexts(db, claims);
    } catch (e) {
      // The claims stay leased; they are recovered (and re-sent) when the lease expires.
      onError(null, e);
      return 0;
    }
    for (const claim of claims) {
      const controller = new AbortController();
      const done = deliver(claim, contexts.get(claim.id), controller.signal)
        .catch((e: unknown) => onError(claim.id, e))
        .finally(() => {
          inFlight.delete(claim.id);
          if (started) schedule_(0);
        });
      inFlight.set(claim.id, { claim, controller, done });
    }
    renewWhileBusy();
    return claims.length;
  }

  function pollSafely(force = false): Promise<number> {
    if (polling) {
      pollAgain = true;
      return polling;
    }
    polling = poll(force)
      .catch((e: unknown) => {
        onError(null, e);
        return 0;
      })
      .finally(() => {
        polling = null;
        if (pollAgain) {
          pollAgain = false;
          schedule_(0);
        }
      });
    return polling;
  }

  /** A poll of its own (not one shared with the timer loop), with lease recovery and no batching threshold. */
  async function pollExclusive(): Promise<number> {
    while (polling) await polling;
    return pollSafely(true);
  }

  function schedule_(ms: number) {
    if (!started) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void pollSafely().then(() => {
        if (!timer) schedule_(pollMs);
      });
    }, ms);
    timer.unref?.();
  }

  return {
    workerId,
    start() {
      if (started) return;
      started = true;
      schedule_(0);
    },
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = null;
      for (const f of inFlight.values()) f.controller.abort();
      await polling?.catch(() => 0);
      for (const f of inFlight.values()) f.controller.abort();
      await Promise.allSettled([...inFlight.values()].map((f) => f.done));
      if (renewTimer) clearInterval(renewTimer);
      renewTimer = null;
    },
    kick() {
      schedule_(0);
    },
    async drain() {
      let total = 0;
      for (;;) {
        const n = await pollExclusive();
        total += n;
        if (inFlight.size > 0) await Promise.race([...inFlight.values()].map((f) => f.done));
        else if (n === 0) return total;
      }
    },
  };
}
