import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { insertUsageEvent } from "@/server/inference/repository";
import { PROVIDERS, ROOT } from "@/server/testing/databases";
import { makeWorkspace, useTestDb } from "@/server/testing/fixtures";

/** The backfill statement at the end of migration 0009 for a provider. */
function backfillSql(provider: "sqlite" | "postgres"): string {
  const dir = path.join(ROOT, "prisma", "migrations", provider);
  const name = fs.readdirSync(dir).find((n) => n.startsWith("0009_"))!;
  const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
  return sql.slice(sql.indexOf("INSERT INTO", sql.indexOf("-- Backfill"))).trim();
}

describe.each(PROVIDERS)("usage_daily rollup on %s", (provider) => {
  const getDb = useTestDb(provider);

  it("the trigger and the migration's backfill build the same rollup from the ledger", async (ctx) => {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db, ["editor"]);
    const base = {
      workspaceId: w.ws.id,
      providerKind: "offline",
      providerId: null,
      promptKey: null,
      promptVersionId: null,
      retries: 0,
      errorClass: null,
      attempts: [],
      requestId: null,
    };
    const calls = [
      {
        userId: w.members.editor!.id,
        role: "draft",
        model: "a",
        latencyMs: 10,
        cacheHit: true,
        fallbackUsed: false,
        outcome: "ok",
      },
      {
        userId: w.members.editor!.id,
        role: "draft",
        model: "a",
        latencyMs: 11,
        cacheHit: false,
        fallbackUsed: true,
        outcome: "error",
      },
      {
        userId: null,
        role: "embed",
        model: "b",
        latencyMs: 20_000,
        cacheHit: false,
        fallbackUsed: false,
        outcome: "refused",
      },
    ] as const;
    for (const [i, c] of calls.entries()) {
      await insertUsageEvent(db, { ...base, ...c, inputTokens: i + 1, outputTokens: 2 * i, costMicros: 100 * i });
    }
    const byTrigger = await db.usageDaily.findMany({ orderBy: [{ model: "asc" }, { role: "asc" }] });
    expect(byTrigger).toHaveLength(2);
    expect(byTrigger[0]).toMatchObject({
      userId: w.members.editor!.id,
      calls: 2,
      inputTokens: 3,
      outputTokens: 2,
      costMicros: 100,
      latencySum: 21,
      cacheHits: 1,
      fallbacks: 1,
      errors: 1,
      lat0: 1,
      lat1: 1,
    });
    // A refusal is not an error; 20 s lands in the open-ended bucket; no user is ''.
    expect(byTrigger[1]).toMatchObject({ userId: "", calls: 1, errors: 0, lat11: 1, lat10: 0 });

    await db.usageDaily.deleteMany({});
    await db.$executeRawUnsafe(backfillSql(provider));
    expect(await db.usageDaily.findMany({ orderBy: [{ model: "asc" }, { role: "asc" }] })).toEqual(byTrigger);
  });
});
