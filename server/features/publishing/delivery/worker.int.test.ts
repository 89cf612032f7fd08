import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/server/db/client";
import { PROVIDERS } from "@/server/testing/databases";
import { makeWorkspace, useTestDb } from "@/server/testing/fixtures";
import { emitEvent, encodeEventTypes } from "../outbox";
import { startReferenceReceiver, type ReferenceReceiver } from "../receiver/reference-receiver";
import { sealWebhookSecret } from "../secret-store";
import { generateSecret, webhookHeaders } from "../signing";
import { claimDueDeliveries, finishAttempt, WORKER_LOST_MESSAGE } from "./repository";
import { sendWebhook, type SendWebhook } from "./send";
import { createDeliveryWorker, type DeliveryWorkerOptions } from "./worker";

const KEY = randomBytes(32);
const zeros = (n: number) => Array.from({ length: n }, () => 0);
const closers: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const c of closers.splice(0)) await c();
});

async function receiver(opts: Parameters<typeof startReferenceReceiver>[0]): Promise<ReferenceReceiver> {
  const r = await startReferenceReceiver(opts);
  closers.push(r.close);
  return r;
}

/** A plain local server for the cases the reference receiver does not play (redirects, huge bodies, silence). */
async function rawServer(handler: http.RequestListener): Promise<string> {
  const s = http.createServer(handler);
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  closers.push(
    () =>
      new Promise<void>((r) => {
        s.closeAllConnections();
        s.close(() => r());
      }),
  );
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}/hook`;
}

type EndpointOpts = {
  secret?: string;
  allowPrivate?: boolean;
  types?: string[];
  headers?: Record<string, string>;
  previous?: { secret: string; until: Date };
};

async function makeEndpoint(db: Db, workspaceId: string, url: string, o: EndpointOpts = {}) {
  const secret = o.secret ?? generateSecret();
  const row = await db.webhookEndpoint.create({
    data: {
      workspaceId,
      url,
      eventTypes: encodeEventTypes(o.types ?? ["page.published"]),
      secretEnc: sealWebhookSecret(KEY, workspaceId, secret),
      secretLast4: secret.slice(-4),
      previousSecretEnc: o.previous ? sealWebhookSecret(KEY, workspaceId, o.previous.secret) : null,
      previousSecretUntil: o.previous?.until ?? null,
      allowPrivate: o.allowPrivate ?? true,
      headers: o.headers ?? {},
    },
  });
  return { id: row.id, secret };
}

/** Emits `n` events the way publishing does: each inside a transaction. */
async function emit(db: Db, workspaceId: string, n: number, type = "page.published") {
  const out: { eventId: string; deliveryIds: string[]; body: string }[] = [];
  for (let i = 0; i < n; i++)
    out.push(await db.$transaction((tx) => emitEvent(tx, { workspaceId, type, data: { n: i, title: `Page ${i}` } })));
  return out;
}

function worker(db: Db, o: Partial<DeliveryWorkerOptions> = {}) {
  const w = createDeliveryWorker({ db, secretKey: KEY, pollMs: 50, ...o });
  closers.push(() => w.stop());
  return w;
}

/** Takes leftovers of a test out of the queue so later tests' workers do not send them. */
async function park(db: Db, workspaceId: string) {
  await db.webhookDelivery.updateMany({
    where: { workspaceId, status: { in: ["pending", "delivering"] } },
    data: { status: "dead", deadReason: "test over", claimToken: null },
  });
}

const attemptsOf = (db: Db, deliveryId: string) =>
  db.webhookAttempt.findMany({ where: { deliveryId }, orderBy: { attempt: "asc" } });

const waitLong = { timeout: 45_000, interval: 50 };

describe.each(PROVIDERS)("delivery worker on %s", (provider) => {
  const getDb = useTestDb(provider);

  it(
    "a receiver failing 30 % of the time gets all 200 events exactly once, every retry with the same webhook-id",
    { timeout: 120_000 },
    async (ctx) => {
      const { db } = getDb(ctx);
      const { ws } = await makeWorkspace(db, ["admin"]);
      const secret = generateSecret();
      const rx = await receiver({ secret, failRate: 0.3, seed: 7, keepRequests: true });
      const ep = await makeEndpoint(db, ws.id, rx.url, { secret, headers: { Authorization: "Bearer cms-token" } });
      const events = await emit(db, ws.id, 200);
      // Twelve immediate attempts: 0.3^12 per event makes running out a non-event.
      await worker(db, { schedule: zeros(12), concurrency: 8 }).drain();

      expect([...rx.received.keys()].sort()).toEqual(events.map((e) => e.eventId).sort());
      const failed = rx.requests.filter((r) => r.status === 500);
      expect(failed.length).toBeGreaterThan(20);
      const deliveries = await db.webhookDelivery.findMany({ where: { endpointId: ep.id } });
      expect(deliveries).toHaveLength(200);
      expect(deliveries.every((d) => d.status === "succeeded" && d.deliveredAt)).toBe(true);
      const bodyOf = new Map(events.map((e) => [e.eventId, e.body]));
      const requestsPer = new Map<string | undefined, typeof rx.requests>();
      for (const r of rx.requests) requestsPer.set(r.id, [...(requestsPer.get(r.id) ?? []), r]);
      for (const d of deliveries) {
        // Every attempt reached the receiver under the event's id, with the same body: a retry
        // with a fresh id would show up as an extra key in `received`.
        const reqs = requestsPer.get(d.eventId) ?? [];
        expect(reqs).toHaveLength(d.totalAttempts);
        expect(reqs.every((r) => r.body === bodyOf.get(d.eventId))).toBe(true);
        expect(reqs.every((r) => r.headers.authorization === "Bearer cms-token")).toBe(true);
        expect(reqs.at(-1)!.status).toBe(200);
      }
      const retried = deliveries.find((d) => d.totalAttempts >= 3)!;
      const log = await attemptsOf(db, retried.id);
      expect(log.map((a) => a.attempt)).toEqual(Array.from({ length: retried.totalAttempts }, (_, i) => i + 1));
      expect(log.at(-1)!.outcome).toBe("success");
      expect(log.slice(0, -1).every((a) => a.outcome === "http_error" && a.statusCode === 500)).toBe(true);
      expect(log[0]!.error).toBe("The receiver answered 500 Internal Server Error.");
    },
  );

  it("a receiver that is down for a while gets everything once it is back", { timeout: 90_000 }, async (ctx) => {
    const { db } = getDb(ctx);
    const { ws } = await makeWorkspace(db, ["admin"]);
    const secret = generateSecret();
    const rx = await receiver({ secret });
    rx.setDown(true);
    await makeEndpoint(db, ws.id, rx.url, { secret });
    const events = await emit(db, ws.id, 20);
    const w = worker(db, { schedule: Array.from({ length: 40 }, () => 150) });
    w.start();
    await vi.waitFor(async () => {
      const rows = await db.webhookDelivery.findMany({ where: { workspaceId: ws.id } });
      expect(rows.every((r) => r.totalAttempts >= 2)).toBe(true);
    }, waitLong);
    expect(rx.received.size).toBe(0);
    rx.setDown(false);
    await vi.waitFor(async () => {
      expect(await db.webhookDelivery.count({ where: { workspaceId: ws.id, status: "succeeded" } })).toBe(20);
    }, waitLong);
    await w.stop();
    expect(new Set(rx.received.keys())).toEqual(new Set(events.map((e) => e.eventId)));
    const first = await attemptsOf(db, events[0]!.deliveryIds[0]!);
    expect(first[0]).toMatchObject({ outcome: "http_error", statusCode: 503 });
    expect(first.at(-1)).toMatchObject({ outcome: "success", statusCode: 200 });
  });

  it("a worker that died mid-request: the lease expires, the attempt is logged as lost, the event is re-sent with the same id", async (ctx) => {
    const { db } = getDb(ctx);
    const { ws } = await makeWorkspace(db, ["admin"]);
    const secret = generateSecret();
    const rx = await receiver({ secret });
    await makeEndpoint(db, ws.id, rx.url, { secret });
    const [ev] = await emit(db, ws.id, 1);
    // What a crashed worker leaves behind: a claim, a request the receiver processed, no attempt row.
    const [claim] = await claimDueDeliveries(db, { workerId: "crashed", leaseMs: 1_000, limit: 10, now: new Date() });
    expect(claim!.eventId).toBe(ev!.eventId);
    const ts = Math.floor(Date.now() / 1000);
    const sent = await sendWebhook({
      url: rx.url,
      headers: webhookHeaders({ msgId: claim!.eventId, timestampSec: ts, body: ev!.body, secrets: [secret] }),
      body: ev!.body,
      allowPrivate: true,
    });
    expect(sent.outcome).toBe("success");

    // Before the lease expires nobody takes it over.
    expect(await worker(db).drain()).toBe(0);
    const later = () => new Date(Date.now() + 5_000);
    expect(await worker(db, { now: later }).drain()).toBe(1);

    const d = await db.webhookDelivery.findUniqueOrThrow({ where: { id: claim!.id } });
    expect(d).toMatchObject({ status: "succeeded", totalAttempts: 2, claimToken: null, lockedBy: null });
    const log = await attemptsOf(db, claim!.id);
    expect(log.map((a) => [a.attempt, a.outcome])).toEqual([
      [1, "worker_lost"],
      [2, "success"],
    ]);
    expect(log[0]!.error).toBe(WORKER_LOST_MESSAGE);
    // The receiver saw it twice and processed it once.
    expect(rx.deliveries).toBe(2);
    expect(rx.duplicates).toBe(1);
    expect(rx.received.size).toBe(1);
    // The dead worker's late report is refused: its claim is gone.
    const late = await finishAttempt(
      db,
      claim!,
      { startedAt: new Date(), durationMs: 1, statusCode: 200, outcome: "success", error: null, snippet: null },
      { status: "succeeded", at: new Date() },
    );
    expect(late).toBe(false);
    expect(await db.webhookAttempt.count({ where: { deliveryId: claim!.id } })).toBe(2);
  });

  it(
    "stopping a worker while requests hang loses nothing: a restarted worker delivers them",
    { timeout: 60_000 },
    async (ctx) => {
      const { db } = getDb(ctx);
      const { ws } = await makeWorkspace(db, ["admin"]);
      const secret = generateSecret();
      const rx = await receiver({ secret, delayMs: 2_000 });
      await makeEndpoint(db, ws.id, rx.url, { secret });
      const events = await emit(db, ws.id, 5);
      const a = worker(db);
      a.start();
      await vi.waitFor(() => expect(rx.deliveries).toBe(5), waitLong);
      await a.stop();
      const rows = await db.webhookDelivery.findMany({ where: { workspaceId: ws.id } });
      expect(rows.every((r) => r.status === "pending" && r.claimToken === null)).toBe(true);
      const lost = await db.webhookAttempt.findMany({ where: { workspaceId: ws.id } });
      expect(lost.map((l) => l.outcome)).toEqual(Array(5).fill("worker_lost"));

      rx.set({ delayMs: 0 });
      await worker(db).drain();
      expect(await db.webhookDelivery.count({ where: { workspaceId: ws.id, status: "succeeded" } })).toBe(5);
      expect(new Set(rx.received.keys())).toEqual(new Set(events.map((e) => e.eventId)));
    },
  );

  it(
    "two workers on one database never send the same delivery at once, and deliver everything",
    { timeout: 120_000 },
    async (ctx) => {
      const { db } = getDb(ctx);
      const { ws } = await makeWorkspace(db, ["admin"]);
      const secret = generateSecret();
      const rx = await receiver({ secret, failRate: 0.2, seed: 3, delayMs: 5, keepRequests: true });
      await makeEndpoint(db, ws.id, rx.url, { secret });
      const events = await emit(db, ws.id, 150);
      const sentBy = { a: 0, b: 0 };
      const counting =
        (name: "a" | "b"): SendWebhook =>
        (input) => {
          sentBy[name]++;
          return sendWebhook(input);
        };
      const a = worker(db, { workerId: "a", schedule: zeros(12), concurrency: 8, fetchImpl: counting("a") });
      const b = worker(db, { workerId: "b", schedule: zeros(12), concurrency: 8, fetchImpl: counting("b") });
      a.start();
      b.start();
      await vi.waitFor(async () => {
        expect(await db.webhookDelivery.count({ where: { workspaceId: ws.id, status: "succeeded" } })).toBe(150);
      }, waitLong);
      await Promise.all([a.stop(), b.stop()]);
      expect(rx.maxInFlightPerId).toBe(1);
      expect(new Set(rx.received.keys())).toEqual(new Set(events.map((e) => e.eventId)));
      expect(sentBy.a).toBeGreaterThan(0);
      expect(sentBy.b).toBeGreaterThan(0);
      // Every request is one recorded attempt: no send from a claim someone else also held.
      expect(await db.webhookAttempt.count({ where: { workspaceId: ws.id } })).toBe(rx.deliveries);
      expect(sentBy.a + sentBy.b).toBe(rx.deliveries);
    },
  );

  it("410 Gone disables the endpoint and dead-letters; later deliveries to it are skipped unsent", async (ctx) => {
    const { db } = getDb(ctx);
    const { ws } = await makeWorkspace(db, ["admin"]);
    const secret = generateSecret();
    const rx = await receiver({ secret, status: 410 });
    const ep = await makeEndpoint(db, ws.id, rx.url, { secret });
    const [first, second] = await emit(db, ws.id, 2);
    await worker(db, { concurrency: 1 }).drain();

    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.id } });
    expect(endpoint).toMatchObject({ enabled: false, version: 2 });
    expect(endpoint.disabledReason).toMatch(
      /^The receiver answered 410 Gone on \d{4}-\d\d-\d\d \d\d:\d\d UTC; re-enable it after fixing the URL\.$/,
    );
    const d1 = await db.webhookDelivery.findUniqueOrThrow({ where: { id: first!.deliveryIds[0]! } });
    expect(d1).toMatchObject({
      status: "dead",
      lastStatusCode: 410,
      deadReason: "The receiver answered 410 Gone, so the endpoint was disabled.",
    });
    const d2 = await db.webhookDelivery.findUniqueOrThrow({ where: { id: second!.deliveryIds[0]! } });
    expect(d2.status).toBe("dead");
    expect(d2.deadReason).toMatch(
      /^The endpoint is disabled \(The receiver answered 410 Gone on .*\); nothing was sent\./,
    );
    expect((await attemptsOf(db, d2.id)).map((a) => a.outcome)).toEqual(["skipped"]);
    expect(rx.deliveries).toBe(1);
  });

  it("a delivery to a deleted endpoint is dead-lettered with the reason, without sending", async (ctx) => {
    const { db } = getDb(ctx);
    const { ws } = await makeWorkspace(db, ["admin"]);
    const secret = generateSecret();
    const rx = await receiver({ secret });
    const ep = await makeEndpoint(db, ws.id, rx.url, { secret });
    const [ev] = await emit(db, ws.id, 1);
    await db.webhookEndpoint.update({ where: { id: ep.id }, data: { deletedAt: new Date("2026-03-04T05:06:00Z") } });
    await worker(db).drain();
    const d = await db.webhookDelivery.findUniqueOrThrow({ where: { id: ev!.deliveryIds[0]! } });
    expect(d).toMatchObject({
      status: "dead",
      deadReason: "The endpoint was deleted on 2026-03-04 05:06 UTC; nothing was sent.",
    });
    expect(await attemptsOf(db, d.id)).toMatchObject([{ attempt: 1, outcome: "skipped", durationMs: 0 }]);
    expect(rx.deliveries).toBe(0);
  });

  it("records redirects, timeouts and a 10 MB response with a bounded snippet", { timeout: 60_000 }, async (ctx) => {
    const { db } = getDb(ctx);
    const { ws } = await makeWorkspace(db, ["admin"]);
    const redirect = await rawServer((req, res) => {
      req.resume();
      res.writeHead(302, { location: "https://cms.example.com/new-hook" }).end();
    });
    const silent = await rawServer((req) => req.resume());
    const huge = await rawServer((req, res) => {
      req.resume();
      res.writeHead(500, { "content-type": "text/plain" });
      const chunk = Buffer.alloc(64 * 1024, "z");
      let left = 160; // 10 MiB
      const pump = () => {
        while (left-- > 0) if (!res.write(chunk)) return void res.once("drain", pump);
        res.end();
      };
      pump();
    });
    const eps = {
      redirect: await makeEndpoint(db, ws.id, redirect),
      silent: await makeEndpoint(db, ws.id, silent),
      huge: await makeEndpoint(db, ws.id, huge),
    };
    await emit(db, ws.id, 1);
    await worker(db, { timeoutMs: 500 }).drain();
    const attempt = async (endpointId: string) => {
      const [a] = await db.webhookAttempt.findMany({ where: { endpointId } });
      return a!;
    };
    expect(await attempt(eps.redirect.id)).toMatchObject({
      outcome: "redirect",
      statusCode: 302,
      error:
        "The receiver redirected to https://cms.example.com/new-hook; redirects are not followed. Update the endpoint URL.",
    });
    expect(await attempt(eps.silent.id)).toMatchObject({
      outcome: "timeout",
      statusCode: null,
      error: "The receiver did not answer within 500 ms.",
    });
    const big = await attempt(eps.huge.id);
    expect(big).toMatchObject({ outcome: "http_error", statusCode: 500, responseSnippet: "z".repeat(1024) });
    expect(big.error).toContain("response larger than 64 KiB");
    const pending = await db.webhookDelivery.findMany({ where: { workspaceId: ws.id } });
    expect(pending.every((p) => p.status === "pending" && p.attempts === 1)).toBe(true);
    await park(db, ws.id);
  });

  it("honours Retry-After: no attempt before the receiver asked", async (ctx) => {
    const { db } = getDb(ctx);
    const { ws } = await makeWorkspace(db, ["admin"]);
    const secret = generateSecret();
    const rx = await receiver({ secret, status: 503, retryAfter: "120" });
    await makeEndpoint(db, ws.id, rx.url, { secret });
    const [ev] = await emit(db, ws.id, 1);
    let clock = Date.now();
    const w = worker(db, { now: () => new Date(clock), random: () => 0.5 });
    expect(await w.drain()).toBe(1);
    const d = await db.webhookDelivery.findUniqueOrThrow({ where: { id: ev!.deliveryIds[0]! } });
    expect(d.status).toBe("pending");
    // The schedule says 5 s; the receiver asked for 120 s.
    expect(d.nextAttemptAt.getTime() - clock).toBe(120_000);
    expect((await attemptsOf(db, d.id))[0]!.nextRetryAt?.getTime()).toBe(d.nextAttemptAt.getTime());

    rx.set({ status: undefined });
    clock += 119_000;
    expect(await w.drain()).toBe(0);
    clock += 1_000;
    expect(await w.drain()).toBe(1);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ status: "succeeded" });
  });

  it("refuses a loopback endpoint that does not allow private addresses (literal and by name)", async (ctx) => {
    const { db } = getDb(ctx);
    const { ws } = await makeWorkspace(db, ["admin"]);
    const secret = generateSecret();
    const rx = await receiver({ secret });
    const literal = await makeEndpoint(db, ws.id, rx.url, { secret, allowPrivate: false });
    const named = await makeEndpoint(db, ws.id, rx.url.replace("127.0.0.1", "localhost"), {
      secret,
      allowPrivate: false,
    });
    await emit(db, ws.id, 1);
    await worker(db).drain();
    const [a] = await db.webhookAttempt.findMany({ where: { endpointId: literal.id } });
    expect(a).toMatchObject({ outcome: "blocked", statusCode: null });
    expect(a!.error).toBe(
      "127.0.0.1 is a loopback address (the Lectern server itself). Allow private addresses for this endpoint if your CMS runs on your network.",
    );
    const [b] = await db.webhookAttempt.findMany({ where: { endpointId: named.id } });
    expect(b).toMatchObject({ outcome: "blocked" });
    expect(b!.error).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    expect(rx.deliveries).toBe(0);
    await park(db, ws.id);
  });

  it("signs with both secrets while a rotation overlaps, and with the new one only afterwards", async (ctx) => {
    const { db } = getDb(ctx);
    const { ws } = await makeWorkspace(db, ["admin"]);
    const oldSecret = generateSecret();
    const newSecret = generateSecret();
    const rx = await receiver({ secret: oldSecret, keepRequests: true });
    const ep = await makeEndpoint(db, ws.id, rx.url, {
      secret: newSecret,
      previous: { secret: oldSecret, until: new Date(Date.now() + 3_600_000) },
    });
    await emit(db, ws.id, 1);
    await worker(db).drain();
    // The receiver still holds the old secret and accepted it.
    expect(rx.received.size).toBe(1);
    const req = rx.requests[0]!;
    expect(String(req.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    const headers = req.headers as Record<string, string>;
    expect(new Webhook(oldSecret).verify(req.body, headers)).toMatchObject({ type: "page.published" });
    expect(new Webhook(newSecret).verify(req.body, headers)).toMatchObject({ type: "page.published" });

    await db.webhookEndpoint.update({ where: { id: ep.id }, data: { previousSecretUntil: new Date(Date.now() - 1) } });
    await emit(db, ws.id, 1);
    await worker(db).drain();
    const after = rx.requests[1]!;
    expect(after.status).toBe(401); // the receiver has not switched to the new secret yet
    const afterHeaders = after.headers as Record<string, string>;
    expect(afterHeaders["webhook-signature"]!.split(" ")).toHaveLength(1);
    expect(new Webhook(newSecret).verify(after.body, afterHeaders)).toBeTruthy();
    expect(() => new Webhook(oldSecret).verify(after.body, afterHeaders)).toThrow();
    await park(db, ws.id);
  });

  it("dead-letters after the round's attempts with the last error", async (ctx) => {
    const { db } = getDb(ctx);
    const { ws } = await makeWorkspace(db, ["admin"]);
    const secret = generateSecret();
    const rx = await receiver({ secret, status: 500 });
    await makeEndpoint(db, ws.id, rx.url, { secret });
    const [ev] = await emit(db, ws.id, 1);
    await worker(db, { schedule: zeros(8) }).drain();
    const d = await db.webhookDelivery.findUniqueOrThrow({ where: { id: ev!.deliveryIds[0]! } });
    expect(d).toMatchObject({
      status: "dead",
      attempts: 8,
      totalAttempts: 8,
      lastStatusCode: 500,
      deadReason: "Gave up after 8 attempts: The receiver answered 500 Internal Server Error.",
    });
    const log = await attemptsOf(db, d.id);
    expect(log.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(log.slice(0, 7).every((a) => a.nextRetryAt !== null)).toBe(true);
    expect(log[7]!.nextRetryAt).toBeNull();
    expect(rx.deliveries).toBe(8);
  });

  it("claims are disjoint under concurrent claimers and skip what is not due", async (ctx) => {
    const { db } = getDb(ctx);
    const { ws } = await makeWorkspace(db, ["admin"]);
    const rx = await receiver({ secret: generateSecret() });
    await makeEndpoint(db, ws.id, rx.url);
    const events = await emit(db, ws.id, 60);
    const future = events.slice(50).flatMap((e) => e.deliveryIds);
    await db.webhookDelivery.updateMany({
      where: { id: { in: future } },
      data: { nextAttemptAt: new Date(Date.now() + 60_000) },
    });
    const now = new Date(Date.now() + 1_000);
    const batches = await Promise.all(
      [1, 2, 3, 4].map((i) => claimDueDeliveries(db, { workerId: `c${i}`, leaseMs: 60_000, limit: 20, now })),
    );
    const ids = batches.flat().map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => future.includes(id))).toEqual([]);
    // A claim racing others may come back short (PostgreSQL skips rows locked by a concurrent claim); what is left is still claimable.
    const rest = await claimDueDeliveries(db, { workerId: "c5", leaseMs: 60_000, limit: 100, now });
    expect(ids.length + rest.length).toBe(50);
    expect(batches.flat().every((c) => c.attempts === 1 && c.totalAttempts === 1)).toBe(true);
    await park(db, ws.id);
  });
});
