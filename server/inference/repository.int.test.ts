import { describe, expect, it } from "vitest";
import { PROVIDERS } from "@/server/testing/databases";
import { useTestDb } from "@/server/testing/fixtures";
import { makeWorkspace } from "@/server/testing/workspaces";
import { insertUsageEvent, sumUsage, type UsageRow } from "./repository";

const row = (workspaceId: string, over: Partial<UsageRow> = {}): UsageRow => ({
  workspaceId,
  userId: null,
  role: "draft",
  providerKind: "openai_compatible",
  providerId: "p1",
  model: "llama",
  promptKey: "draft.generic",
  promptVersionId: "v1",
  inputTokens: 100,
  outputTokens: 50,
  costMicros: 7,
  latencyMs: 12,
  cacheHit: false,
  retries: 1,
  fallbackUsed: true,
  outcome: "ok",
  errorClass: null,
  attempts: [{ provider: "p1", model: "llama", outcome: "error", errorClass: "server_error", ms: 3 }],
  requestId: "req-1",
  redactions: { EMAIL_ADDRESS: 2, PHONE_NUMBER: 1 },
  injectionScore: 0.25,
  ...over,
});

describe.each(PROVIDERS)("usage ledger on %s", (provider) => {
  const getDb = useTestDb(provider);

  it("writes rows with one raw INSERT that Prisma reads back exactly, and sums them per period", async (ctx) => {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db, ["admin"]);
    const before = new Date(Date.now() - 1000);
    const { id } = await insertUsageEvent(db, row(w.ws.id));
    await insertUsageEvent(
      db,
      row(w.ws.id, {
        userId: w.members.admin!.id,
        inputTokens: 1,
        outputTokens: 2,
        costMicros: 3,
        cacheHit: true,
        outcome: "refused",
        errorClass: "budget_exceeded",
        attempts: [],
        redactions: {},
        injectionScore: null,
      }),
    );
    // A row made by Prisma itself, for comparison of the stored formats.
    const viaPrisma = await db.usageEvent.create({
      data: { ...row(w.ws.id), attempts: [], redactions: { EMAIL_ADDRESS: 2, PHONE_NUMBER: 1 } },
    });

    const read = await db.usageEvent.findUniqueOrThrow({ where: { id } });
    expect(read).toMatchObject({
      workspaceId: w.ws.id,
      role: "draft",
      inputTokens: 100,
      outputTokens: 50,
      costMicros: 7,
      cacheHit: false,
      fallbackUsed: true,
      retries: 1,
      outcome: "ok",
      errorClass: null,
      requestId: "req-1",
    });
    expect(read.attempts).toEqual([
      { provider: "p1", model: "llama", outcome: "error", errorClass: "server_error", ms: 3 },
    ]);
    // Counts of redacted values per type, never the values.
    expect(read.redactions).toEqual({ EMAIL_ADDRESS: 2, PHONE_NUMBER: 1 });
    expect(read.injectionScore).toBeCloseTo(0.25);
    const empty = await db.usageEvent.findFirstOrThrow({ where: { workspaceId: w.ws.id, outcome: "refused" } });
    expect(empty.redactions).toBeNull();
    expect(empty.injectionScore).toBeNull();
    expect(read.createdAt).toBeInstanceOf(Date);
    expect(read.createdAt.getTime()).toBeGreaterThan(before.getTime());

    // Date filters and ordering treat raw rows and Prisma rows alike.
    const recent = await db.usageEvent.findMany({
      where: { workspaceId: w.ws.id, createdAt: { gte: before } },
      orderBy: { createdAt: "asc" },
    });
    expect(recent.map((r) => r.id)).toContain(viaPrisma.id);
    expect(recent).toHaveLength(3);
    expect(
      await db.usageEvent.count({ where: { workspaceId: w.ws.id, createdAt: { gte: new Date(Date.now() + 60_000) } } }),
    ).toBe(0);

    expect(await sumUsage(db, { workspaceId: w.ws.id, since: before, metric: "tokens" })).toBe(150 + 3 + 150);
    expect(
      await sumUsage(db, { workspaceId: w.ws.id, userId: w.members.admin!.id, since: before, metric: "cost" }),
    ).toBe(3);
  });

  it("keeps values as data, whatever they contain", async (ctx) => {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db, ["admin"]);
    const nasty = `x'); DROP TABLE usage_events; --`;
    const { id } = await insertUsageEvent(db, row(w.ws.id, { model: nasty, requestId: nasty }));
    expect((await db.usageEvent.findUniqueOrThrow({ where: { id } })).model).toBe(nasty);
  });
});
