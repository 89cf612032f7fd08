import { NextRequest } from "next/server";
import { describe, expect, it, vi, type TestContext } from "vitest";
import { UsageReport } from "@/lib/schemas/usage";
import type { SessionContext } from "@/server/auth/context";
import type { Db } from "@/server/db/client";
import { insertUsageEvent } from "@/server/inference/repository";
import { PROVIDERS } from "@/server/testing/databases";
import { makeWorkspace, useTestDb } from "@/server/testing/fixtures";

// The route wrapper reads the process-wide client and the session; point both at this test's.
let currentDb: Db | null = null;
let session: SessionContext | null = null;
vi.mock("@/server/db", () => ({ db: (): Db => currentDb! }));
vi.mock("@/server/auth/context", () => ({ getSessionContext: async () => session }));

const reportRoute = await import("@/app/api/usage/route");
const exportRoute = await import("@/app/api/usage/export/route");

const noParams = { params: Promise.resolve({}) };
const get = (url: string) => new NextRequest(`http://localhost${url}`);

describe.each(PROVIDERS)("usage routes on %s", (provider) => {
  const getDb = useTestDb(provider);

  async function setup(ctx: TestContext) {
    const { db } = getDb(ctx);
    currentDb = db;
    const w = await makeWorkspace(db, ["admin", "editor", "marketer"]);
    await insertUsageEvent(db, {
      workspaceId: w.ws.id,
      userId: w.members.editor!.id,
      role: "draft",
      providerKind: "offline",
      providerId: null,
      model: "@SUM(A1)",
      promptKey: null,
      promptVersionId: null,
      inputTokens: 12,
      outputTokens: 8,
      costMicros: 2500,
      latencyMs: 40,
      cacheHit: false,
      retries: 0,
      fallbackUsed: false,
      outcome: "ok",
      errorClass: null,
      attempts: [],
      requestId: null,
    });
    const signIn = (role: "editor" | "marketer") => {
      const m = w.members[role]!;
      const active = { id: w.ws.id, slug: w.ws.slug, name: w.ws.name, role };
      session = { user: { id: m.id, email: m.email, name: role }, workspaces: [active], active };
    };
    return { signIn };
  }

  const today = () => new Date().toISOString().slice(0, 10);

  it("serves the report and a formula-safe CSV to editors", async (ctx) => {
    const { signIn } = await setup(ctx);
    signIn("editor");
    const res = await reportRoute.GET(get(`/api/usage?from=${today()}&to=${today()}`), noParams);
    expect(res.status, await res.clone().text()).toBe(200);
    const body = UsageReport.parse(await res.json());
    expect(body.totals).toMatchObject({ calls: 1, inputTokens: 12, outputTokens: 8, costMicros: 2500 });

    const csv = await exportRoute.GET(get(`/api/usage/export?from=${today()}&to=${today()}`), noParams);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="usage-${today()}-to-${today()}.csv"`);
    expect(await csv.text()).toContain(`${today()},'@SUM(A1),draft,editor 1,1,12,8,0.002500,0,0,0,40`);
  });

  it("refuses marketers and explains a bad range", async (ctx) => {
    const { signIn } = await setup(ctx);
    signIn("marketer");
    const denied = await reportRoute.GET(get(`/api/usage?from=${today()}&to=${today()}`), noParams);
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { error: { code: string } }).error.code).toBe("forbidden:editor");
    expect((await exportRoute.GET(get(`/api/usage/export?from=${today()}&to=${today()}`), noParams)).status).toBe(403);

    signIn("editor");
    const bad = await reportRoute.GET(get("/api/usage?from=2026-02-01&to=2026-01-01"), noParams);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("The end date must be on or after the start date");
    expect((await reportRoute.GET(get("/api/usage?from=yesterday&to=2026-01-01"), noParams)).status).toBe(422);
  });
});
