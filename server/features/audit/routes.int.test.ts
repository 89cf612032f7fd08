import { parse } from "csv-parse/sync";
import { NextRequest } from "next/server";
import { describe, expect, it, vi, type TestContext } from "vitest";
import { AuditPage, AuditVerifyResult } from "@/lib/schemas/audit";
import type { SessionContext } from "@/server/auth/context";
import type { WorkspaceCtx } from "@/server/context";
import type { Db } from "@/server/db/client";
import { PROVIDERS } from "@/server/testing/databases";
import { makeWorkspace, useTestDb } from "@/server/testing/fixtures";
import { createApiKey } from "@/server/features/api-keys/service";
import { audit } from "./service";
import { AUDIT_CSV_COLUMNS } from "./export";

// The route wrapper reads the process-wide client and the session; point both at this test's.
let currentDb: Db | null = null;
let session: SessionContext | null = null;
vi.mock("@/server/db", () => ({ db: (): Db => currentDb! }));
vi.mock("@/server/auth/context", () => ({ getSessionContext: async () => session }));

const studioList = await import("@/app/api/audit/route");
const studioExport = await import("@/app/api/audit/export/route");
const studioVerify = await import("@/app/api/audit/verify/route");
const studioFacets = await import("@/app/api/audit/facets/route");
const v1List = await import("@/app/api/v1/audit-events/route");
const v1Verify = await import("@/app/api/v1/audit-events/verify/route");

const noParams = { params: Promise.resolve({}) };
const get = (url: string, headers: Record<string, string> = {}) =>
  new NextRequest(`http://localhost${url}`, { headers });
const post = (url: string, headers: Record<string, string> = {}) =>
  new NextRequest(`http://localhost${url}`, { method: "POST", headers });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(PROVIDERS)("audit routes on %s", (provider) => {
  const getDb = useTestDb(provider);

  async function setup(ctx: TestContext) {
    const { db } = getDb(ctx);
    currentDb = db;
    const w = await makeWorkspace(db);
    const admin = w.ctxFor("admin");
    const editor = w.ctxFor("editor");
    const created = await createApiKey(admin, { name: "Reader Bot", scopes: ["read"] });
    const bot: WorkspaceCtx = { ...admin, actor: { type: "api_key", id: created.id, label: "Reader Bot" } };
    const signIn = (role: "admin" | "editor") => {
      const m = w.members[role]!;
      const active = { id: w.ws.id, slug: w.ws.slug, name: w.ws.name, role };
      session = { user: { id: m.id, email: m.email, name: role }, workspaces: [active], active };
    };
    return { db, w, admin, editor, bot, key: created.key, signIn };
  }

  async function list(url: string): Promise<AuditPage> {
    const res = await studioList.GET(get(url), noParams);
    expect(res.status, await res.clone().text()).toBe(200);
    return AuditPage.parse(await res.json());
  }

  it("filters by action (exact or prefix), entity, actor and time range, with cursor pages inside a filter", async (ctx) => {
    const { w, admin, editor, bot, signIn } = await setup(ctx);
    for (let i = 0; i < 5; i++)
      await audit(admin.db, admin, {
        action: "draft.approved",
        entityType: "draft",
        entityId: `d${i}`,
        after: { ruleIds: ["Brand.WordList"], chunkIds: [`c${i}`], modelRoute: "draft:mock", promptVersion: 3 },
      });
    await audit(admin.db, editor, { action: "draft.rejected", entityType: "draft", entityId: "d9" });
    await sleep(30);
    const middle = new Date().toISOString();
    await sleep(30);
    await audit(admin.db, bot, { action: "member.invited", entityType: "invitation", entityId: "inv1" });
    await audit(admin.db, admin, { action: "campaign.created", entityType: "campaign", entityId: "d0" });
    signIn("admin");
    const base = "/api/audit?limit=100";

    expect((await list(`${base}&action=draft.approved`)).items).toHaveLength(5);
    expect((await list(`${base}&action=${encodeURIComponent("draft.*")}`)).items.map((e) => e.action)).toEqual([
      "draft.rejected",
      ...Array(5).fill("draft.approved"),
    ]);
    expect((await list(`${base}&entityType=campaign`)).items.map((e) => e.action)).toEqual(["campaign.created"]);
    // The entity id alone matches across types; with the type it is one entity.
    expect((await list(`${base}&entityId=d0`)).items).toHaveLength(2);
    expect((await list(`${base}&entityType=draft&entityId=d0`)).items).toHaveLength(1);
    // Actor: an email in any case, an API key's name, or an id.
    const byEditor = await list(`${base}&actor=${encodeURIComponent(w.members.editor!.email.toUpperCase())}`);
    expect(byEditor.items.map((e) => e.action)).toEqual(["draft.rejected"]);
    expect((await list(`${base}&actor=${encodeURIComponent("Reader Bot")}`)).items.map((e) => e.action)).toEqual(
      expect.arrayContaining(["member.invited"]),
    );
    expect((await list(`${base}&actor=${w.members.editor!.id}`)).items).toHaveLength(1);
    // Time range: from is inclusive, to exclusive; dates or date-times.
    const later = await list(`${base}&from=${encodeURIComponent(middle)}`);
    expect(later.items.map((e) => e.action)).toEqual(["campaign.created", "member.invited"]);
    const earlier = await list(`${base}&to=${encodeURIComponent(middle)}&action=${encodeURIComponent("draft.*")}`);
    expect(earlier.items).toHaveLength(6);
    expect((await list(`${base}&from=2000-01-01&to=2000-01-02`)).items).toEqual([]);

    // Pages inside a filter: no gaps, no repeats, nothing from outside it.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p = await list(
        `/api/audit?limit=2&action=draft.approved${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      seen.push(...p.items.map((e) => e.entityId!));
      cursor = p.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["d4", "d3", "d2", "d1", "d0"]);

    // Events carry their chain position and hash; the decision details come back as recorded.
    const one = (await list(`${base}&entityType=draft&entityId=d3`)).items[0]!;
    expect(one).toMatchObject({ seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(one.after).toEqual({
      ruleIds: ["Brand.WordList"],
      chunkIds: ["c3"],
      modelRoute: "draft:mock",
      promptVersion: 3,
    });

    const facets = await (await studioFacets.GET(get("/api/audit/facets"), noParams)).json();
    expect(facets.actions).toEqual(expect.arrayContaining(["draft.approved", "member.invited", "campaign.created"]));
    expect(facets.entityTypes).toEqual(expect.arrayContaining(["campaign", "draft", "invitation"]));

    const bad = await studioList.GET(get("/api/audit?from=yesterday"), noParams);
    expect(bad.status).toBe(422);
    signIn("editor");
    expect((await studioList.GET(get(base), noParams)).status).toBe(403);
  });

  it("API v1 takes the same filters and answers with the page schema; verify works with a read key", async (ctx) => {
    const { admin, key } = await setup(ctx);
    await audit(admin.db, admin, { action: "draft.approved", entityType: "draft", entityId: "x1" });
    await audit(admin.db, admin, { action: "draft.rejected", entityType: "draft", entityId: "x2" });
    const auth = { authorization: `Bearer ${key}` };
    const res = await v1List.GET(get("/api/v1/audit-events?action=draft.rejected&entityType=draft", auth), noParams);
    expect(res.status).toBe(200);
    const page = AuditPage.parse(await res.json());
    expect(page.items.map((e) => e.entityId)).toEqual(["x2"]);
    expect((await v1List.GET(get("/api/v1/audit-events?to=31-12-2026", auth), noParams)).status).toBe(422);
    const v = await v1Verify.POST(post("/api/v1/audit-events/verify", auth), noParams);
    expect(v.status).toBe(200);
    expect(AuditVerifyResult.parse(await v.json())).toMatchObject({ ok: true, chains: [{ ok: true }] });
  });

  it("exports the filtered trail as a streamed, formula-safe CSV, oldest first, across pages", async (ctx) => {
    const { db, w, admin, signIn } = await setup(ctx);
    const hostile = ['=HYPERLINK("http://evil")', "+1+1", "-2", "@SUM(A1)", "\tTab", "\rCR"];
    for (const [i, id] of hostile.entries())
      await audit(
        db,
        { ...admin, actor: { type: "user", id: "u-x", label: i === 0 ? "=cmd|' /C calc'!A0" : 'Eve, "the" tester' } },
        {
          action: "test.hostile",
          entityType: "t",
          entityId: id,
          before: i === 1 ? { note: 'line one\nline two, with "quotes"' } : null,
          after: { title: "=1+1", n: -5 },
        },
      );
    // 1,050 more events: the export streams them in pages of 500.
    await db.$transaction(
      async (tx) => {
        for (let i = 0; i < 1050; i++)
          await audit(tx, admin, { action: "test.bulk", entityType: "t", entityId: `b${i}` });
      },
      { timeout: 120_000 },
    );
    signIn("admin");

    const res = await studioExport.GET(get("/api/audit/export?action=test.hostile"), noParams);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="audit-${w.ws.slug}-\\d{8}-\\d{4}\\.csv"$`),
    );
    const text = await res.text();
    const rows = parse(text, { relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + hostile.length);
    const body = rows.slice(1);
    // Every cell that would start a formula starts with ' instead.
    expect(body.map((r) => r[6])).toEqual(hostile.map((h) => `'${h}`));
    expect(body[0]![3]).toBe("'=cmd|' /C calc'!A0");
    expect(body[1]![3]).toBe('Eve, "the" tester');
    for (const r of body) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // JSON cells round-trip, and the seq/hash columns match the chain.
    expect(JSON.parse(body[1]![7]!)).toEqual({ note: 'line one\nline two, with "quotes"' });
    expect(JSON.parse(body[0]![8]!)).toEqual({ title: "=1+1", n: -5 });
    expect(body[0]![7]).toBe("");
    const seqs = body.map((r) => Number(r[1]));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(body.every((r) => /^[0-9a-f]{64}$/.test(r[10]!))).toBe(true);
    expect(body[0]![0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(text).toContain("\r\n");

    const all = await (await studioExport.GET(get("/api/audit/export"), noParams)).text();
    const allRows = parse(all) as string[][];
    expect(allRows.filter((r) => r[4] === "test.bulk")).toHaveLength(1050);
    const bulkIds = allRows.filter((r) => r[4] === "test.bulk").map((r) => r[6]);
    expect(new Set(bulkIds).size).toBe(1050);
    const allSeqs = allRows.slice(1).map((r) => Number(r[1]));
    expect(allSeqs).toEqual([...allSeqs].sort((a, b) => a - b));

    const empty = parse(await (await studioExport.GET(get("/api/audit/export?action=nothing"), noParams)).text());
    expect(empty).toEqual([[...AUDIT_CSV_COLUMNS]]);

    signIn("editor");
    expect((await studioExport.GET(get("/api/audit/export"), noParams)).status).toBe(403);
  }, 180_000);

  it("verify: admins only; ok, then a head_mismatch once the chain head is forged", async (ctx) => {
    const { db, w, admin, signIn } = await setup(ctx);
    await audit(db, admin, { action: "test.a", entityType: "t" });
    signIn("editor");
    expect((await studioVerify.POST(post("/api/audit/verify"), noParams)).status).toBe(403);
    signIn("admin");
    const ok = AuditVerifyResult.parse(await (await studioVerify.POST(post("/api/audit/verify"), noParams)).json());
    // makeWorkspace + createApiKey recorded events too: all in this workspace's one chain.
    expect(ok).toMatchObject({ ok: true, chains: [{ key: w.ws.id, ok: true }] });
    expect(ok.chains[0]!.events).toBeGreaterThanOrEqual(2);
    // A forged head is enough to fail (no need to lift the append-only trigger here).
    await db.auditChain.update({ where: { key: w.ws.id }, data: { lastHash: "0".repeat(64) } });
    const bad = AuditVerifyResult.parse(await (await studioVerify.POST(post("/api/audit/verify"), noParams)).json());
    expect(bad.ok).toBe(false);
    expect(bad.chains[0]!.problems[0]).toMatchObject({ kind: "head_mismatch" });
  });
});
