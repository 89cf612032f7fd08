/**
 * `npm run bench:publishing [-- --events 5000 --endpoints 1 --workers 1 --concurrency 16 --rate 250 --emitters 4 --postgres --only backlog|live]`:
 * webhook delivery throughput and latency, end to end. A fresh database (SQLite in a temp folder;
 * with --postgres also a temporary PostgreSQL database, TEST_POSTGRES_URL or the local server)
 * gets a workspace and 1–3 endpoints pointing at local reference receivers, which verify every
 * signature with the official `standardwebhooks` library and de-duplicate on webhook-id.
 *
 * Two phases per database:
 * - backlog: N events are emitted first (one `emitEvent` transaction each, as approvals do),
 *   then the worker(s) start: the sustained delivery rate of a queue that built up;
 * - live: the worker(s) run while --emitters concurrent emitters (on a thread of their own, with
 *   their own connection, like the app's request handlers) commit N events at --rate per second
 *   in total, each followed by a kick (as the app's kickDeliveries does): whether deliveries keep
 *   pace, and p50/p95 from commit to receipt.
 *
 * In the backlog phase p50/p95 include the time an event waited in the queue; the live phase's
 * are the latency a CMS sees. The worker and the receivers share the main thread; the CPU per
 * delivery column (process CPU: in the live runs the emitter thread's too) is the steadier
 * figure on a busy machine.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { createDb, type Db } from "@/server/db/client";
import { emitEvent, encodeEventTypes } from "@/server/features/publishing/outbox";
import {
  startReferenceReceiver,
  type ReferenceReceiver,
} from "@/server/features/publishing/receiver/reference-receiver";
import { sealWebhookSecret } from "@/server/features/publishing/secret-store";
import { generateSecret } from "@/server/features/publishing/signing";
import { createDeliveryWorker, type DeliveryWorker } from "@/server/features/publishing/delivery/worker";
import { createPostgresTestDb, createSqliteTestDb, postgresAvailable, type TestDb } from "@/server/testing/databases";
import { makeWorkspace } from "@/server/testing/workspaces";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg("--events", 5_000);
const ENDPOINTS = Math.min(3, Math.max(1, arg("--endpoints", 1)));
const WORKERS = Math.max(1, arg("--workers", 1));
const CONCURRENCY = arg("--concurrency", 16);
const RATE = arg("--rate", 250);
/**
 * Concurrent emitters in the live runs. SQLite has one writer: the emitter thread's connection
 * and the worker's wait for each other's write lock (SQLite's busy handler sleeps 1–100 ms), so
 * more emitters there only add lock waits; PostgreSQL needs several to reach the rate.
 */
const emittersFor = (provider: "sqlite" | "postgres") => Math.max(1, arg("--emitters", provider === "sqlite" ? 4 : 8));
const ONLY = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
const TARGET = 200;
const KEY = randomBytes(32);

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type Setup = { db: Db; workspaceId: string; receivers: ReferenceReceiver[] };

async function setup(db: Db): Promise<Setup> {
  const { ws } = await makeWorkspace(db, ["admin"]);
  const receivers: ReferenceReceiver[] = [];
  for (let i = 0; i < ENDPOINTS; i++) {
    const secret = generateSecret();
    const rx = await startReferenceReceiver({ secret });
    receivers.push(rx);
    await db.webhookEndpoint.create({
      data: {
        workspaceId: ws.id,
        url: rx.url,
        eventTypes: encodeEventTypes(["page.published"]),
        secretEnc: sealWebhookSecret(KEY, ws.id, secret),
        secretLast4: secret.slice(-4),
        allowPrivate: true,
        headers: { Authorization: "Bearer bench" },
      },
    });
  }
  return { db, workspaceId: ws.id, receivers };
}

function startWorkers(db: Db): DeliveryWorker[] {
  return Array.from({ length: WORKERS }, (_, i) =>
    createDeliveryWorker({
      db,
      secretKey: KEY,
      concurrency: CONCURRENCY,
      pollMs: 200,
      workerId: `bench-${i}`,
      onError: (id, e) => console.error(`delivery ${id ?? "-"}:`, e),
    }),
  );
}

/** Emits one event in its own transaction; returns when it committed. */
async function emitOne(db: Db, workspaceId: string, i: number): Promise<{ eventId: string; at: number }> {
  const { eventId } = await db.$transaction((tx) =>
    emitEvent(tx, {
      workspaceId,
      type: "page.published",
      data: { draftId: `d${i}`, slug: `page-${i}`, title: `Bench page ${i}`, url: `https://example.com/p/page-${i}` },
    }),
  );
  return { eventId, at: Date.now() };
}

async function waitForAll(s: Setup, expected: number, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  const got = () => s.receivers.reduce((n, r) => n + r.received.size, 0);
  while (got() < expected) {
    if (Date.now() > until) throw new Error(`only ${got()} of ${expected} deliveries arrived in time`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

type Phase = {
  deliveries: number;
  seconds: number;
  rate: number;
  p50: number;
  p95: number;
  requests: number;
  /** Process CPU time (user + system) per delivery: steadier than the rate on a shared machine. */
  cpuMs: number;
};

function measure(s: Setup, committedAt: Map<string, number>, t0: number, t1: number, cpu: NodeJS.CpuUsage): Phase {
  const lat: number[] = [];
  let last = 0;
  for (const rx of s.receivers)
    for (const [id, at] of rx.receivedAt) {
      lat.push(at - committedAt.get(id)!);
      last = Math.max(last, at);
    }
  lat.sort((a, b) => a - b);
  const seconds = (Math.max(last, t1) - t0) / 1000;
  const deliveries = lat.length;
  return {
    deliveries,
    seconds,
    rate: deliveries / seconds,
    p50: percentile(lat, 50),
    p95: percentile(lat, 95),
    requests: s.receivers.reduce((n, r) => n + r.deliveries, 0),
    cpuMs: (cpu.user + cpu.system) / 1000 / Math.max(1, deliveries),
  };
}

async function backlog(t: TestDb): Promise<Phase & { emitRate: number }> {
  const s = await setup(t.db);
  const committedAt = new Map<string, number>();
  const e0 = performance.now();
  for (let i = 0; i < EVENTS; i++) {
    const { eventId, at } = await emitOne(s.db, s.workspaceId, i);
    committedAt.set(eventId, at);
  }
  const emitRate = EVENTS / ((performance.now() - e0) / 1000);
  const workers = startWorkers(t.db);
  const t0 = Date.now();
  const cpu0 = process.cpuUsage();
  workers.forEach((w) => w.start());
  await waitForAll(s, EVENTS * ENDPOINTS, 600_000);
  const r = measure(s, committedAt, t0, Date.now(), process.cpuUsage(cpu0));
  await Promise.all(workers.map((w) => w.stop()));
  await Promise.all(s.receivers.map((rx) => rx.close()));
  return { ...r, emitRate };
}

type EmitterJob = { url: string; workspaceId: string; t0: number; emitters: number };

/**
 * The live phase's emitters, on their own thread and database connection: the app's request
 * handlers that approve and publish, as opposed to the delivery worker. Sharing the worker's
 * thread would measure the emitters' CPU (each emitEvent transaction costs more than a delivery)
 * rather than whether deliveries keep up.
 */
async function emitterThread(job: EmitterJob) {
  const db = createDb(job.url);
  let next = 0;
  const emitter = async () => {
    for (let i = next++; i < EVENTS; i = next++) {
      // Paced against the clock, not by sleeping a fixed gap: a slow commit does not lower the rate.
      const wait = job.t0 + (i * 1000) / RATE - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      parentPort!.postMessage(await emitOne(db, job.workspaceId, i));
    }
  };
  // Several emitters, like concurrent requests: one alone is limited by its commit latency.
  await Promise.all(Array.from({ length: job.emitters }, emitter));
  await db.$disconnect();
  parentPort!.postMessage({ done: Date.now() });
}

async function live(t: TestDb): Promise<Phase & { emitRate: number }> {
  const s = await setup(t.db);
  const committedAt = new Map<string, number>();
  const workers = startWorkers(t.db);
  workers.forEach((w) => w.start());
  const t0 = Date.now() + 500; // the thread's start-up is not part of the run
  const cpu0 = process.cpuUsage();
  let kicks = 0;
  const emitted = await new Promise<number>((resolve, reject) => {
    // The thread does not inherit tsx's hooks: register them, then load this file again.
    const boot = `require("tsx/cjs/api").register(); require(${JSON.stringify(__filename)});`;
    const thread = new Worker(boot, {
      eval: true,
      workerData: {
        url: t.url,
        workspaceId: s.workspaceId,
        t0,
        emitters: emittersFor(t.provider),
      } satisfies EmitterJob,
      argv: process.argv.slice(2),
    });
    thread.on("message", (m: { eventId: string; at: number } | { done: number }) => {
      if ("done" in m) return resolve(m.done);
      committedAt.set(m.eventId, m.at);
      // What the app's kickDeliveries does after a commit.
      workers[kicks++ % workers.length]!.kick();
    });
    thread.on("error", reject);
  });
  const emitRate = EVENTS / ((emitted - t0) / 1000);
  await waitForAll(s, EVENTS * ENDPOINTS, 600_000);
  const r = measure(s, committedAt, t0, Date.now(), process.cpuUsage(cpu0));
  await Promise.all(workers.map((w) => w.stop()));
  await Promise.all(s.receivers.map((rx) => rx.close()));
  return { ...r, emitRate };
}

function line(name: string, p: Phase, extra = "") {
  const ms = (x: number) => `${x.toFixed(0)} ms`.padStart(9);
  console.log(
    `${name.padEnd(22)}${p.deliveries.toString().padStart(7)}${p.seconds.toFixed(1).padStart(8)} s${p.rate.toFixed(0).padStart(8)}/s${ms(p.p50)}${ms(p.p95)}${p.cpuMs.toFixed(2).padStart(8)} ms  ${p.requests - p.deliveries ? `(${p.requests - p.deliveries} duplicate requests) ` : ""}${extra}`,
  );
}

type Verdicts = { capacity: number[]; live: { name: string; emitted: number; delivered: number; p95: number }[] };

async function run(provider: "sqlite" | "postgres", v: Verdicts): Promise<void> {
  for (const phase of (["backlog", "live"] as const).filter((p) => !ONLY || p === ONLY)) {
    const t = provider === "sqlite" ? await createSqliteTestDb() : await createPostgresTestDb();
    try {
      if (phase === "backlog") {
        const r = await backlog(t);
        line(`${provider} backlog`, r, `(emitted ${r.emitRate.toFixed(0)} events/s first)`);
        v.capacity.push(r.rate);
      } else {
        const r = await live(t);
        line(`${provider} live @${RATE}/s`, r, `(emitted ${r.emitRate.toFixed(0)} events/s)`);
        v.live.push({ name: provider, emitted: r.emitRate * ENDPOINTS, delivered: r.rate, p95: r.p95 });
      }
    } finally {
      await t.drop();
    }
  }
}

async function main() {
  console.log(
    `webhook delivery: ${EVENTS.toLocaleString("en")} events × ${ENDPOINTS} endpoint(s), ${WORKERS} worker(s) × concurrency ${CONCURRENCY}, ${emittersFor("sqlite")}/${emittersFor("postgres")} emitters in the SQLite/PostgreSQL live runs, receivers in-process verifying signatures (${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)})`,
  );
  console.log(
    `${"run".padEnd(22)}${"deliv.".padStart(7)}${"time".padStart(10)}${"rate".padStart(10)}${"p50".padStart(9)}${"p95".padStart(9)}${"CPU/dlv".padStart(11)}  (p50/p95: commit → receipt; CPU: whole process)`,
  );
  const v: Verdicts = { capacity: [], live: [] };
  await run("sqlite", v);
  if (process.argv.includes("--postgres")) {
    if (await postgresAvailable()) await run("postgres", v);
    else console.log("PostgreSQL unreachable: skipped");
  }
  console.log("");
  if (v.capacity.length) {
    const worst = Math.min(...v.capacity);
    console.log(
      `Sustained delivery rate (backlog) ≥ ${TARGET}/s: ${worst >= TARGET ? "MET" : "NOT MET"} (lowest ${worst.toFixed(0)}/s)`,
    );
  }
  // A live run can deliver no faster than its emitters commit; what matters there is keeping pace.
  for (const l of v.live)
    console.log(
      `Live on ${l.name}: delivered ${l.delivered.toFixed(0)}/s of ${l.emitted.toFixed(0)}/s emitted (${l.delivered >= 0.95 * l.emitted ? "kept pace" : "FELL BEHIND"}), p95 commit → receipt ${l.p95.toFixed(0)} ms`,
    );
}

if (isMainThread)
  main().then(
    () => process.exit(),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
else void emitterThread(workerData as EmitterJob);
