import { describe, expect, it } from "vitest";
import { PROVIDERS } from "@/server/testing/databases";
import { makeWorkspace, useTestDb } from "@/server/testing/fixtures";
import { audit, listWorkspaceAudit } from "./service";

describe.each(PROVIDERS)("audit trail on %s", (provider) => {
  const getDb = useTestDb(provider);

  it("pages newest first with a stable cursor, without gaps or repeats, and only for admins", async (ctx) => {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db);
    const admin = w.ctxFor("admin");
    const same = new Date();
    // Several events share one timestamp: the id tie-break must keep pages exact.
    for (let i = 0; i < 23; i++)
      await audit(db, admin, { action: `test.${i}`, entityType: "test", entityId: String(i) });
    await db.auditEvent.create({
      data: { workspaceId: w.ws.id, actorType: "system", action: "same.a", entityType: "t", createdAt: same },
    });
    await db.auditEvent.create({
      data: { workspaceId: w.ws.id, actorType: "system", action: "same.b", entityType: "t", createdAt: same },
    });

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listWorkspaceAudit(admin, { limit: 10, cursor });
      seen.push(...page.items.map((e) => e.id));
      for (let i = 1; i < page.items.length; i++)
        expect(page.items[i - 1]!.createdAt >= page.items[i]!.createdAt).toBe(true);
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);

    await expect(listWorkspaceAudit(w.ctxFor("editor"), { limit: 10 })).rejects.toMatchObject({
      code: "forbidden:admin",
    });
    await expect(listWorkspaceAudit(admin, { limit: 10, cursor: "not-a-cursor" })).rejects.toMatchObject({
      code: "bad_request:cursor",
    });
  });
});
