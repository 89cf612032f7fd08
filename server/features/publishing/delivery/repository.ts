/**
 * The delivery worker's only database access. The model is server/jobs/repository.ts: claims
 * are leases fenced on a token, so several workers (threads of one instance, or instances
 * sharing a database) never send the same delivery at the same time, and a worker that lost
 * its lease can no longer write.
 *
 * A claim moves a delivery `pending → delivering` and stamps it with a random `claimToken`,
 * `lockedBy` and `leaseUntil`; it also counts the attempt (`attempts` in the round,
 * `totalAttempts` over its life, which numbers the attempt rows). Finishing writes the
 * delivery's next state fenced on that token and, only if the fence held, the attempt row.
 *
 * Throughput shapes the two hot statements, written in SQL (portable: both dialects support
 * `UPDATE … RETURNING`): a claim is one statement for a whole batch (on PostgreSQL with
 * `FOR UPDATE SKIP LOCKED`, so concurrent workers take disjoint batches instead of racing for
 * the same rows; SQLite has one writer, so the statement alone is atomic), and the successes
 * of a group commit are one fenced `UPDATE … RETURNING` that says which fences held.
 *
 * No transaction here rolls back on purpose: on SQLite the adapter runs statements issued
 * outside a transaction on the same connection, so a deliberate rollback could undo someone
 * else's claim. Fences are checked by counting or returning rows, then acted on.
 */
import { randomBytes } from "node:crypto";
import type { AttemptOutcome } from "@/lib/schemas/publishing";
import type { Tx } from "@/server/context";
import { dialectOf, type Db, type Dialect } from "@/server/db/client";

export const WORKER_LOST_MESSAGE =
  "The worker delivering this stopped before it finished; sending again with the same webhook-id.";

/** A delivery this worker holds. Every later write is fenced on `id` + `claimToken`. */
export type Claim = {
  id: string;
  workspaceId: string;
  eventId: string;
  endpointId: string;
  /** Attempts in this round, including the one just claimed. */
  attempts: number;
  /** Attempts over the delivery's life, including this one: the attempt row's number. */
  totalAttempts: number;
  claimToken: string;
};

/** Clears the claim (every way out of `delivering`). */
const RELEASE = { claimToken: null, lockedBy: null, leaseUntil: null } as const;

/** Attempt rows are inserted in SQL (a batch per commit), so their ids are made here: time-ordered, cuid-sized. */
function newAttemptId(): string {
  return `c${Date.now().toString(36)}${randomBytes(8).toString("hex")}`;
}

function newToken(): string {
  return randomBytes(12).toString("base64url");
}

/** `?` on SQLite, `$n` on PostgreSQL. */
function placeholders(dialect: Dialect) {
  let n = 0;
  return () => (dialect === "postgres" ? `$${++n}` : "?");
}

/**
 * Claims up to `limit` due deliveries (pending, `nextAttemptAt ≤ now`), oldest due first. One
 * token per batch: each row's fence is (id, token), and a row is re-stamped on every claim.
 */
export async function claimDueDeliveries(
  db: Db,
  opts: { workerId: string; leaseMs: number; limit: number; now: Date },
): Promise<Claim[]> {
  if (opts.limit <= 0) return [];
  const token = newToken();
  const leaseUntil = new Date(opts.now.getTime() + opts.leaseMs);
  const p = placeholders(dialectOf(db));
  const [pToken, pWorker, pLease, pUpdated, pNow, pLimit] = [p(), p(), p(), p(), p(), p()];
  const lock = dialectOf(db) === "postgres" ? "FOR UPDATE SKIP LOCKED" : "";
  const rows = await db.$queryRawUnsafe<Omit<Claim, "claimToken">[]>(
    `UPDATE "webhook_deliveries"
        SET "status" = 'delivering', "claimToken" = ${pToken}, "lockedBy" = ${pWorker}, "leaseUntil" = ${pLease},
            "attempts" = "attempts" + 1, "totalAttempts" = "totalAttempts" + 1, "updatedAt" = ${pUpdated}
      WHERE "id" IN (SELECT "id" FROM "webhook_deliveries"
                      WHERE "status" = 'pending' AND "nextAttemptAt" <= ${pNow}
                      ORDER BY "nextAttemptAt"
                      LIMIT ${pLimit} ${lock})
  RETURNING "id", "workspaceId", "eventId", "endpointId", "attempts", "totalAttempts"`,
    token,
    opts.workerId,
    leaseUntil,
    opts.now,
    opts.now,
    opts.limit,
  );
  return rows.map((r) => ({
    ...r,
    attempts: Number(r.attempts),
    totalAttempts: Number(r.totalAttempts),
    claimToken: token,
  }));
}

/**
 * Deliveries whose worker stopped mid-attempt (lease expired while `delivering`): logs the lost
 * attempt as `worker_lost` and puts the delivery back to pending, due now (the receiver may
 * have got it; it de-duplicates on the webhook-id), or dead-letters it when that was the
 * round's last attempt. Fenced on the lost claim's token, so a takeover happens once.
 */
export async function recoverExpiredLeases(
  db: Db,
  opts: { now: Date; maxAttempts: number; limit?: number },
): Promise<number> {
  const stale = await db.webhookDelivery.findMany({
    where: { status: "delivering", leaseUntil: { lt: opts.now } },
    select: {
      id: true,
      workspaceId: true,
      endpointId: true,
      attempts: true,
      totalAttempts: true,
      claimToken: true,
      updatedAt: true,
    },
    orderBy: { leaseUntil: "asc" },
    take: opts.limit ?? 100,
  });
  let recovered = 0;
  for (const s of stale) {
    const exhausted = s.attempts >= opts.maxAttempts;
    const ok = await db.$transaction(async (tx) => {
      const r = await tx.webhookDelivery.updateMany({
        where: { id: s.id, status: "delivering", claimToken: s.claimToken, leaseUntil: { lt: opts.now } },
        data: {
          ...RELEASE,
          lastError: WORKER_LOST_MESSAGE,
          ...(exhausted
            ? { status: "dead", deadReason: `Gave up after ${s.attempts} attempts: ${WORKER_LOST_MESSAGE}` }
            : { status: "pending", nextAttemptAt: opts.now }),
        },
      });
      if (r.count !== 1) return false;
      await tx.webhookAttempt.create({
        data: {
          deliveryId: s.id,
          workspaceId: s.workspaceId,
          endpointId: s.endpointId,
          attempt: s.totalAttempts,
          // When it was claimed (the claim's last write); how long it ran is unknown.
          startedAt: s.updatedAt,
          durationMs: 0,
          statusCode: null,
          outcome: "worker_lost",
          error: WORKER_LOST_MESSAGE,
          nextRetryAt: exhausted ? null : opts.now,
        },
      });
      return true;
    });
    if (ok) recovered++;
  }
  return recovered;
}

/** What a claimed delivery needs to be sent: the signed body and the endpoint's settings. */
export type SendContext = {
  eventBody: string;
  endpoint: {
    id: string;
    url: string;
    headers: unknown;
    allowPrivate: boolean;
    enabled: boolean;
    disabledReason: string | null;
    deletedAt: Date | null;
    secretEnc: string;
    previousSecretEnc: string | null;
    previousSecretUntil: Date | null;
  };
};

type ContextRow = {
  deliveryId: string;
  body: string;
  endpointId: string;
  url: string;
  headers: unknown;
  allowPrivate: unknown;
  enabled: unknown;
  disabledReason: string | null;
  deletedAt: unknown;
  secretEnc: string;
  previousSecretEnc: string | null;
  previousSecretUntil: unknown;
};

// Raw results differ by driver (SQLite may hand back 0/1, ISO text and JSON text): normalise.
const asBool = (v: unknown) => v === true || v === 1 || v === 1n || v === "1" || v === "true";
const asDate = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(v as string | number));
const asJson = (v: unknown) => (typeof v === "string" ? (JSON.parse(v) as unknown) : v);

/** Loads what a batch of claims needs (event bodies and endpoint settings) in one query. */
export async function loadSendContexts(db: Db, claims: readonly Claim[]): Promise<Map<string, SendContext>> {
  const out = new Map<string, SendContext>();
  if (claims.length === 0) return out;
  const p = placeholders(dialectOf(db));
  const rows = await db.$queryRawUnsafe<ContextRow[]>(
    `SELECT d."id" AS "deliveryId", e."body" AS "body", p."id" AS "endpointId", p."url", p."headers",
            p."allowPrivate", p."enabled", p."disabledReason", p."deletedAt", p."secretEnc",
            p."previousSecretEnc", p."previousSecretUntil"
       FROM "webhook_deliveries" d
       JOIN "webhook_events" e ON e."id" = d."eventId"
       JOIN "webhook_endpoints" p ON p."id" = d."endpointId"
      WHERE d."id" IN (${claims.map(() => p()).join(", ")})`,
    ...claims.map((c) => c.id),
  );
  for (const r of rows)
    out.set(r.deliveryId, {
      eventBody: r.body,
      endpoint: {
        id: r.endpointId,
        url: r.url,
        headers: asJson(r.headers),
        allowPrivate: asBool(r.allowPrivate),
        enabled: asBool(r.enabled),
        disabledReason: r.disabledReason,
        deletedAt: asDate(r.deletedAt),
        secretEnc: r.secretEnc,
        previousSecretEnc: r.previousSecretEnc,
        previousSecretUntil: asDate(r.previousSecretUntil),
      },
    });
  return out;
}

/** Extends the leases of the claims still in flight. Returns how many are still held. */
export async function renewLeases(db: Db, claims: readonly Claim[], leaseUntil: Date): Promise<number> {
  if (claims.length === 0) return 0;
  const r = await db.webhookDelivery.updateMany({
    where: {
      id: { in: claims.map((c) => c.id) },
      claimToken: { in: [...new Set(claims.map((c) => c.claimToken))] },
      status: "delivering",
    },
    data: { leaseUntil },
  });
  return r.count;
}

export type AttemptRecord = {
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  outcome: AttemptOutcome;
  error: string | null;
  snippet: string | null;
};

export type NextState =
  { status: "succeeded"; at: Date } | { status: "pending"; at: Date } | { status: "dead"; reason: string };

export type Finish = {
  claim: Claim;
  attempt: AttemptRecord;
  next: NextState;
  /** On a 410: disable the endpoint with this reason. */
  disableEndpoint?: { reason: string };
};

function attemptRow(f: Finish) {
  return {
    id: newAttemptId(),
    deliveryId: f.claim.id,
    workspaceId: f.claim.workspaceId,
    endpointId: f.claim.endpointId,
    attempt: f.claim.totalAttempts,
    startedAt: f.attempt.startedAt,
    durationMs: f.attempt.durationMs,
    statusCode: f.attempt.statusCode,
    outcome: f.attempt.outcome,
    error: f.attempt.error,
    responseSnippet: f.attempt.snippet,
    nextRetryAt: f.next.status === "pending" ? f.next.at : null,
  };
}

/**
 * Marks a group of successes with the same status code delivered, fenced on every
 * (id, claimToken) pair; returns the ids whose fence held.
 */
async function markSucceeded(
  tx: Tx,
  dialect: Dialect,
  group: readonly Finish[],
  statusCode: number | null,
): Promise<Set<string>> {
  const p = placeholders(dialect);
  const [pAt, pCode, pUpdated] = [p(), p(), p()];
  const fences = group.map(() => `("id" = ${p()} AND "claimToken" = ${p()})`).join(" OR ");
  // deliveredAt: when the group's last success was seen (each attempt's own time is on its row).
  const at = new Date(Math.max(...group.map((f) => (f.next.status === "succeeded" ? f.next.at.getTime() : 0))));
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE "webhook_deliveries"
        SET "status" = 'succeeded', "deliveredAt" = ${pAt}, "lastStatusCode" = ${pCode}, "lastError" = NULL,
            "deadReason" = NULL, "claimToken" = NULL, "lockedBy" = NULL, "leaseUntil" = NULL, "updatedAt" = ${pUpdated}
      WHERE "status" = 'delivering' AND (${fences})
  RETURNING "id"`,
    at,
    statusCode,
    at,
    ...group.flatMap((f) => [f.claim.id, f.claim.claimToken]),
  );
  return new Set(rows.map((r) => r.id));
}

async function markOther(tx: Tx, f: Finish): Promise<boolean> {
  const last = { lastStatusCode: f.attempt.statusCode, lastError: f.attempt.error };
  const next = f.next;
  const data =
    next.status === "pending"
      ? { ...RELEASE, ...last, status: "pending", nextAttemptAt: next.at }
      : next.status === "dead"
        ? { ...RELEASE, ...last, status: "dead", deadReason: next.reason }
        : { ...RELEASE, ...last, lastError: null, status: "succeeded", deliveredAt: next.at, deadReason: null };
  const r = await tx.webhookDelivery.updateMany({
    where: { id: f.claim.id, claimToken: f.claim.claimToken, status: "delivering" },
    data,
  });
  return r.count === 1;
}

const ATTEMPT_COLUMNS = [
  "id",
  "deliveryId",
  "workspaceId",
  "endpointId",
  "attempt",
  "startedAt",
  "durationMs",
  "statusCode",
  "outcome",
  "error",
  "responseSnippet",
  "nextRetryAt",
] as const;

async function insertAttempts(tx: Tx, dialect: Dialect, rows: ReturnType<typeof attemptRow>[]): Promise<void> {
  if (rows.length === 0) return;
  const p = placeholders(dialect);
  const values = rows.map(() => `(${ATTEMPT_COLUMNS.map(() => p()).join(", ")})`).join(", ");
  await tx.$executeRawUnsafe(
    `INSERT INTO "webhook_attempts" (${ATTEMPT_COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${values}`,
    ...rows.flatMap((r) => ATTEMPT_COLUMNS.map((c) => r[c])),
  );
}

/**
 * Ends attempts in one transaction (group commit: the worker batches the attempts that finished
 * while the previous commit ran, which is what lets SQLite keep up with many requests in flight).
 * Per attempt: the delivery's next state fenced on its claim, the attempt row, and on a 410 the
 * endpoint disabled. An attempt whose claim was lost (the lease expired and another worker took
 * the delivery over) writes nothing and comes back false; the others are unaffected.
 */
export async function finishAttempts(db: Db, items: readonly Finish[]): Promise<boolean[]> {
  if (items.length === 0) return [];
  const dialect = dialectOf(db);
  return db.$transaction(async (tx) => {
    const won = new Set<Finish>();
    const successes = new Map<number | null, Finish[]>();
    for (const f of items) {
      if (f.next.status === "succeeded") {
        const code = f.attempt.statusCode;
        successes.set(code, [...(successes.get(code) ?? []), f]);
      } else if (await markOther(tx, f)) won.add(f);
    }
    for (const [code, group] of successes) {
      const held = await markSucceeded(tx, dialect, group, code);
      for (const f of group) if (held.has(f.claim.id)) won.add(f);
    }
    await insertAttempts(tx, dialect, items.filter((f) => won.has(f)).map(attemptRow));
    for (const f of items.filter((f) => won.has(f) && f.disableEndpoint))
      await tx.webhookEndpoint.updateMany({
        where: { id: f.claim.endpointId, enabled: true },
        data: { enabled: false, disabledReason: f.disableEndpoint!.reason, version: { increment: 1 } },
      });
    return items.map((f) => won.has(f));
  });
}

/** One attempt (see finishAttempts). Returns false, writing nothing, when the claim was lost. */
export async function finishAttempt(
  db: Db,
  claim: Claim,
  attempt: AttemptRecord,
  next: NextState,
  opts: { disableEndpoint?: { reason: string } } = {},
): Promise<boolean> {
  const [ok] = await finishAttempts(db, [{ claim, attempt, next, ...opts }]);
  return ok!;
}
