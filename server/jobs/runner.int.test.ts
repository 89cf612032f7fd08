import { describe, expect, it, vi } from "vitest";
import { PROVIDERS } from "@/server/testing/databases";
import { makeWorkspace, useTestDb } from "@/server/testing/fixtures";
import { insertJob } from "./repository";
import { createJobRunner, retryDelayMs } from "./runner";
import { JobError, type JobHandler } from "./types";

describe.each(PROVIDERS)("job runner on %s", (provider) => {
  const getDb = useTestDb(provider);

  it("two runners never run the same job twice", async (ctx) => {
    const { db } = getDb(ctx);
    const { ws } = await makeWorkspace(db, ["admin"]);
    const kind = `count-${ws.id}`;
    const runs = new Map<string, string[]>();
    const handler =
      (name: string): JobHandler =>
      async (job) => {
        runs.set(job.id, [...(runs.get(job.id) ?? []), name]);
        await new Promise((r) => setTimeout(r, 5));
        return { by: name };
      };
    for (let i = 0; i < 30; i++) await insertJob(db, { workspaceId: ws.id, kind, payload: { i } });
    const a = createJobRunner({ db, handlers: { [kind]: handler("a") }, concurrency: 3 });
    const b = createJobRunner({ db, handlers: { [kind]: handler("b") }, concurrency: 3 });
    const [na, nb] = await Promise.all([a.drain(), b.drain()]);
    expect(na + nb).toBe(30);
    expect(runs.size).toBe(30);
    expect([...runs.values()].every((r) => r.length === 1)).toBe(true);
    const rows = await db.job.findMany({ where: { kind } });
    expect(rows.every((r) => r.status === "succeeded" && r.attempts === 1)).toBe(true);
  });

  it("a job whose worker died is taken over when its lease expires; the old worker can no longer write", async (ctx) => {
    const { db } = getDb(ctx);
    const { ws } = await makeWorkspace(db, ["admin"]);
    const kind = `lease-${ws.id}`;
    const { id } = await insertJob(db, { workspaceId: ws.id, kind, payload: {} });
    let clock = Date.now();
    const now = () => new Date(clock);
    let release!: () => void;
    const stuck = new Promise<void>((r) => (release = r));
    let staleProgress: unknown = null;
    const dying = createJobRunner({
      db,
      now,
      leaseMs: 1000,
      handlers: {
        [kind]: async (_job, ctl) => {
          await stuck;
          staleProgress = await ctl.progress(1, 2, "late").catch((e: Error) => e.name);
          return "from the dead worker";
        },
      },
    });
    const draining = dying.drain();
    // Wait until the first worker holds the job (a fixed sleep is not enough on a busy machine).
    await vi.waitFor(async () => expect((await db.job.findUniqueOrThrow({ where: { id } })).status).toBe("running"), {
      timeout: 10_000,
      interval: 20,
    });

    clock += 5000; // lease expired
    const rescuer = createJobRunner({ db, now, handlers: { [kind]: async () => "rescued" } });
    expect(await rescuer.drain()).toBe(1);
    release();
    await draining;
    const row = await db.job.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "succeeded", attempts: 2, result: "rescued" });
    expect(staleProgress).toBe("LeaseLostError");
  });

  it("bad input fails at once; transient errors retry with backoff, then fail with the reason", async (ctx) => {
    const { db } = getDb(ctx);
    const { ws } = await makeWorkspace(db, ["admin"]);
    const kind = `fail-${ws.id}`;
    const bad = await insertJob(db, { workspaceId: ws.id, kind, payload: { mode: "bad" } });
    const flaky = await insertJob(db, { workspaceId: ws.id, kind, payload: { mode: "flaky" }, maxAttempts: 2 });
    let clock = Date.now();
    const runner = createJobRunner({
      db,
      now: () => new Date(clock),
      handlers: {
        [kind]: async (job) => {
          if ((job.payload as { mode: string }).mode === "bad") throw new JobError("empty", "The document is empty.");
          throw new Error("socket hang up");
        },
      },
    });
    await runner.drain();
    expect(await db.job.findUniqueOrThrow({ where: { id: bad.id } })).toMatchObject({
      status: "failed",
      errorCode: "empty",
      error: "The document is empty.",
      attempts: 1,
    });
    const queued = await db.job.findUniqueOrThrow({ where: { id: flaky.id } });
    expect(queued).toMatchObject({ status: "queued", attempts: 1, errorCode: "internal" });
    expect(queued.runAfter.getTime()).toBeGreaterThan(clock);
    clock += 60_000;
    await runner.drain();
    expect(await db.job.findUniqueOrThrow({ where: { id: flaky.id } })).toMatchObject({
      status: "failed",
      attempts: 2,
      error: "The job failed after 2 attempts.",
    });
  });

  it("gives up on a job whose workers keep dying", async (ctx) => {
    const { db } = getDb(ctx);
    const { ws } = await makeWorkspace(db, ["admin"]);
    const kind = `dead-${ws.id}`;
    const { id } = await insertJob(db, { workspaceId: ws.id, kind, payload: {}, maxAttempts: 1 });
    await db.job.update({
      where: { id },
      data: { status: "running", attempts: 1, leaseUntil: new Date(Date.now() - 1000), lockedBy: "gone" },
    });
    await createJobRunner({ db, handlers: { [kind]: async () => "never" } }).drain();
    expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "failed",
      errorCode: "worker_lost",
    });
  });
});

describe("retryDelayMs", () => {
  it("doubles per attempt with ±25% jitter and a 5-minute cap", () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(2000);
    expect(retryDelayMs(3, () => 0.5)).toBe(8000);
    expect(retryDelayMs(3, () => 0)).toBe(6000);
    expect(retryDelayMs(3, () => 1)).toBe(10000);
    expect(retryDelayMs(20, () => 0.5)).toBe(300_000);
  });
});
