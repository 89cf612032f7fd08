import { afterEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/server/db/client";
import { insertUsageEvent, type UsageRow } from "@/server/inference/repository";
import { PROVIDERS } from "@/server/testing/databases";
import { makeWorkspace, useTestDb } from "@/server/testing/fixtures";
import { usageCsv, usageReport } from "./service";

type Call = Partial<UsageRow> & { at: string };

/** A ledger row through the gateway's own insert (the trigger rolls it up), at a chosen instant. */
async function call(db: Db, workspaceId: string, c: Call) {
  vi.useFakeTimers({ now: new Date(c.at), toFake: ["Date"] });
  try {
    await insertUsageEvent(db, {
      workspaceId,
      userId: null,
      role: "draft",
      providerKind: "offline",
      providerId: null,
      model: "m-a",
      promptKey: null,
      promptVersionId: null,
      inputTokens: 0,
      outputTokens: 0,
      costMicros: 0,
      latencyMs: 0,
      cacheHit: false,
      retries: 0,
      fallbackUsed: false,
      outcome: "ok",
      errorClass: null,
      attempts: [],
      requestId: null,
      ...c,
    });
  } finally {
    vi.useRealTimers();
  }
}

async function draft(
  db: Db,
  workspaceId: string,
  d: {
    channel?: string;
    costMicros?: number;
    createdAt: string;
    decidedAt?: string;
    decision?: string;
    flagCount: number;
    ruleIds: (string | null)[];
  },
) {
  await db.draft.create({
    data: {
      workspaceId,
      channel: d.channel ?? "ad",
      format: "google_rsa",
      costMicros: d.costMicros ?? 0,
      title: "t",
      brief: "b",
      status: d.decision === "approve" ? "approved" : d.decision ? "rejected" : "in_review",
      verdict: "needs_review",
      content: {},
      text: "",
      record: {
        flags: d.ruleIds.map((ruleId) => ({ kind: "governor", level: "warning", message: "m", field: null, ruleId })),
      },
      governanceScore: 0,
      flagCount: d.flagCount,
      createdAt: new Date(d.createdAt),
      decidedAt: d.decidedAt ? new Date(d.decidedAt) : null,
      decision: d.decision ?? null,
    },
  });
}

const RANGE = { from: "2026-03-01", to: "2026-03-02" };
const NOW = new Date("2026-03-02T18:00:00.000Z");

describe.each(PROVIDERS)("usage report on %s", (provider) => {
  const getDb = useTestDb(provider);
  afterEach(() => vi.useRealTimers());

  /**
   * Hand-computed fixture. In range (2026-03-01..02): four calls, totals 350 in / 155 out tokens,
   * 4,500 µ$; one call each just before and just after the range; one in another workspace.
   */
  async function setup(ctx: Parameters<typeof getDb>[0]) {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db, ["admin", "editor", "marketer"]);
    const other = await makeWorkspace(db, ["editor"]);
    const ws = w.ws.id;
    const marketer = w.members.marketer!.id;
    const editor = w.members.editor!.id;
    const rows: Call[] = [
      {
        at: "2026-03-01T00:00:00.000Z",
        userId: marketer,
        model: "m-a",
        inputTokens: 100,
        outputTokens: 50,
        costMicros: 1000,
        latencyMs: 15,
      },
      {
        at: "2026-03-01T23:59:59.999Z",
        userId: marketer,
        model: "m-b",
        inputTokens: 200,
        outputTokens: 100,
        costMicros: 3000,
        latencyMs: 30,
        cacheHit: true,
      },
      {
        at: "2026-03-02T12:00:00.000Z",
        userId: editor,
        role: "judge",
        inputTokens: 10,
        outputTokens: 5,
        costMicros: 500,
        latencyMs: 5000,
        fallbackUsed: true,
        outcome: "error",
      },
      { at: "2026-03-02T13:00:00.000Z", role: "embed", inputTokens: 40, latencyMs: 5, cacheHit: true },
      { at: "2026-02-28T23:59:59.999Z", userId: marketer, inputTokens: 9999, costMicros: 99_999, latencyMs: 1 },
      {
        at: "2026-03-03T00:00:00.000Z",
        userId: marketer,
        inputTokens: 1,
        outputTokens: 1,
        costMicros: 111,
        latencyMs: 1,
      },
    ];
    for (const r of rows) await call(db, ws, r);
    await call(db, other.ws.id, { at: "2026-03-01T10:00:00.000Z", inputTokens: 7, costMicros: 7777 });

    await db.budget.createMany({
      data: [
        { workspaceId: ws, userId: null, metric: "tokens", period: "day", hardCap: 1000, scope: "*:tokens:day" },
        {
          workspaceId: ws,
          userId: null,
          metric: "cost",
          period: "month",
          softCap: 4000,
          hardCap: 10_000,
          scope: "*:cost:month",
        },
        {
          workspaceId: ws,
          userId: marketer,
          metric: "cost",
          period: "month",
          hardCap: 5000,
          scope: `${marketer}:cost:month`,
        },
      ],
    });

    await draft(db, ws, {
      costMicros: 100,
      createdAt: "2026-03-01T10:00:00Z",
      decidedAt: "2026-03-01T12:00:00Z",
      decision: "approve",
      flagCount: 2,
      ruleIds: ["r1", "r2"],
    });
    await draft(db, ws, {
      channel: "email",
      costMicros: 250,
      createdAt: "2026-03-01T00:00:00Z",
      decidedAt: "2026-03-02T00:00:00Z",
      decision: "reject",
      flagCount: 1,
      ruleIds: ["r1"],
    });
    await draft(db, ws, { costMicros: 50, createdAt: "2026-03-02T00:00:00Z", flagCount: 0, ruleIds: [] });
    // Created before the range, decided in it: counts for decisions, not for flags.
    await draft(db, ws, {
      costMicros: 999,
      createdAt: "2026-02-27T00:00:00Z",
      decidedAt: "2026-03-02T06:00:00Z",
      decision: "approve",
      flagCount: 5,
      ruleIds: ["r9"],
    });
    // Created in the range, decided after it.
    await draft(db, ws, {
      channel: "seo_page",
      createdAt: "2026-03-01T08:00:00Z",
      decidedAt: "2026-03-05T00:00:00Z",
      decision: "approve",
      flagCount: 3,
      ruleIds: ["r2", "r2", null],
    });
    await draft(db, other.ws.id, {
      createdAt: "2026-03-01T08:00:00Z",
      decidedAt: "2026-03-01T09:00:00Z",
      decision: "reject",
      flagCount: 9,
      ruleIds: ["x"],
    });

    return { db, w, other, marketer, editor };
  }

  it("adds up cost, tokens and rates per day, model and user from the ledger", async (ctx) => {
    const { w } = await setup(ctx);
    const r = await usageReport(w.ctxFor("editor"), RANGE, NOW);

    expect(r.range).toEqual({ ...RANGE, days: 2 });
    expect(r.totals).toEqual({
      calls: 4,
      inputTokens: 350,
      outputTokens: 155,
      costMicros: 4500,
      cacheHits: 2,
      fallbacks: 1,
      errors: 1,
      cacheHitRate: 0.5,
      fallbackRate: 0.25,
      errorRate: 0.25,
    });
    expect(r.days).toEqual([
      {
        day: "2026-03-01",
        calls: 2,
        inputTokens: 300,
        outputTokens: 150,
        costMicros: 4000,
        costByModel: { "m-a": 1000, "m-b": 3000 },
      },
      { day: "2026-03-02", calls: 2, inputTokens: 50, outputTokens: 5, costMicros: 500, costByModel: { "m-a": 500 } },
    ]);
    expect(r.models).toEqual([
      { model: "m-b", calls: 1, inputTokens: 200, outputTokens: 100, costMicros: 3000 },
      { model: "m-a", calls: 3, inputTokens: 150, outputTokens: 55, costMicros: 1500 },
    ]);
    expect(r.users).toEqual([
      {
        userId: w.members.marketer!.id,
        name: "marketer 2",
        calls: 2,
        inputTokens: 300,
        outputTokens: 150,
        costMicros: 4000,
      },
      { userId: w.members.editor!.id, name: "editor 1", calls: 1, inputTokens: 10, outputTokens: 5, costMicros: 500 },
      { userId: null, name: "No user (jobs, system)", calls: 1, inputTokens: 40, outputTokens: 0, costMicros: 0 },
    ]);
    // draft: 15 ms (10–20 bucket) and 30 ms (20–40): p50 = 20, p95 = 20 + 0.9·20 = 38.
    // embed: 5 ms (≤ 10): p50 = 5, p95 = 9.5 → 10. judge: 5000 ms (2560–5120): 3840 and 4992.
    expect(r.latency).toEqual([
      { role: "draft", calls: 2, meanMs: 23, p50Ms: 20, p95Ms: 38 },
      { role: "embed", calls: 1, meanMs: 5, p50Ms: 5, p95Ms: 10 },
      { role: "judge", calls: 1, meanMs: 5000, p50Ms: 3840, p95Ms: 4992 },
    ]);
  });

  it("reports budgets for their current period", async (ctx) => {
    const { w } = await setup(ctx);
    const r = await usageReport(w.ctxFor("admin"), RANGE, NOW);
    // Today (03-02): 15 + 40 tokens. This month: everything from 03-01 on (the February call is not), 4,500 + 111 µ$.
    expect(r.budgets.map(({ id: _id, ...b }) => b)).toEqual([
      { scope: "Workspace", metric: "cost", period: "month", used: 4611, softCap: 4000, hardCap: 10_000 },
      { scope: "Workspace", metric: "tokens", period: "day", used: 55, softCap: null, hardCap: 1000 },
      { scope: "marketer 2", metric: "cost", period: "month", used: 4111, softCap: null, hardCap: 5000 },
    ]);
  });

  it("adds up generation cost per channel from the drafts created in the range", async (ctx) => {
    const { w } = await setup(ctx);
    const r = await usageReport(w.ctxFor("editor"), RANGE, NOW);
    // In range: ad 100 + 50, email 250, seo_page 0; the February ad draft (999) is not.
    expect(r.channels).toEqual([
      { channel: "email", drafts: 1, costMicros: 250 },
      { channel: "ad", drafts: 2, costMicros: 150 },
      { channel: "seo_page", drafts: 1, costMicros: 0 },
    ]);
  });

  it("computes governance numbers from the range's drafts", async (ctx) => {
    const { w } = await setup(ctx);
    const r = await usageReport(w.ctxFor("editor"), RANGE, NOW);
    // Decided in range: 2 h approve, 24 h reject, 78 h approve → 2/3, median 24 h.
    // Created in range: 4 drafts, 2 + 1 + 0 + 3 flags; rules r2 ×3, r1 ×2.
    expect(r.governance).toEqual({
      decided: 3,
      approved: 2,
      approvalRate: 2 / 3,
      medianHoursToDecision: 24,
      drafts: 4,
      flags: 6,
      flagsPer100Drafts: 150,
      topRules: [
        { ruleId: "r2", count: 3 },
        { ruleId: "r1", count: 2 },
      ],
      ruleScanLimit: 5000,
      rulesTruncated: false,
    });
  });

  it("returns an empty report for a range without data", async (ctx) => {
    const { w } = await setup(ctx);
    const r = await usageReport(w.ctxFor("editor"), { from: "2025-01-01", to: "2025-01-31" }, NOW);
    expect(r.days).toEqual([]);
    expect(r.models).toEqual([]);
    expect(r.users).toEqual([]);
    expect(r.channels).toEqual([]);
    expect(r.latency).toEqual([]);
    expect(r.totals).toMatchObject({
      calls: 0,
      costMicros: 0,
      cacheHitRate: null,
      fallbackRate: null,
      errorRate: null,
    });
    expect(r.governance).toMatchObject({
      decided: 0,
      approvalRate: null,
      medianHoursToDecision: null,
      drafts: 0,
      flagsPer100Drafts: null,
      topRules: [],
    });
  });

  it("keeps workspaces apart", async (ctx) => {
    const { other } = await setup(ctx);
    const r = await usageReport(other.ctxFor("editor"), RANGE, NOW);
    expect(r.totals).toMatchObject({ calls: 1, inputTokens: 7, costMicros: 7777 });
    expect(r.governance).toMatchObject({
      decided: 1,
      approved: 0,
      drafts: 1,
      flags: 9,
      topRules: [{ ruleId: "x", count: 1 }],
    });
    expect(r.budgets).toEqual([]);
  });

  it("refuses marketers and bad ranges with clear messages", async (ctx) => {
    const { w } = await setup(ctx);
    await expect(usageReport(w.ctxFor("marketer"), RANGE)).rejects.toMatchObject({ code: "forbidden:editor" });
    await expect(usageCsv(w.ctxFor("marketer"), RANGE)).rejects.toMatchObject({ code: "forbidden:editor" });
    const editor = w.ctxFor("editor");
    await expect(usageReport(editor, { from: "2026-03-02", to: "2026-03-01" })).rejects.toMatchObject({
      code: "validation:usage_range",
      message: "The end date must be on or after the start date",
    });
    await expect(usageReport(editor, { from: "2025-01-01", to: "2026-01-02" })).rejects.toMatchObject({
      code: "validation:usage_range",
      message: "The range can be at most 366 days; this one is 367",
    });
    await expect(usageReport(editor, { from: "2026-02-30", to: "2026-03-01" })).rejects.toMatchObject({
      code: "validation:usage_range",
    });
  });

  it("exports the range's rollup rows as formula-safe CSV", async (ctx) => {
    const { db, w } = await setup(ctx);
    await call(db, w.ws.id, { at: "2026-03-02T14:00:00.000Z", model: "=HYPERLINK(1)", costMicros: 1234, latencyMs: 7 });
    const { filename, csv } = await usageCsv(w.ctxFor("editor"), RANGE);
    expect(filename).toBe("usage-2026-03-01-to-2026-03-02.csv");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "day,model,role,user,calls,input_tokens,output_tokens,cost_usd,cache_hits,fallbacks,errors,mean_latency_ms",
    );
    expect(lines).toHaveLength(1 + 5);
    expect(lines).toContain("2026-03-01,m-a,draft,marketer 2,1,100,50,0.001000,0,0,0,15");
    expect(lines).toContain("2026-03-02,'=HYPERLINK(1),draft,,1,0,0,0.001234,0,0,0,7");
  });
});
