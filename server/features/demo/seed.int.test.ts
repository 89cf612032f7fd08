import { describe, expect, it } from "vitest";
import { PROVIDERS } from "@/server/testing/databases";
import { useTestDb } from "@/server/testing/fixtures";
import { authenticateWithPassword } from "@/server/features/users/service";
import { workspacesOf } from "@/server/features/workspaces/service";
import { DEMO_USERS, seedDemo } from "./seed";
import { ROOT } from "@/server/testing/databases";
import { makePipelineDeps } from "@/server/features/generation/testing";
import { seedDemoKnowledge } from "./knowledge-seed";
import { DEMO_CAMPAIGN, seedDemoDrafts } from "./generation-seed";

describe.each(PROVIDERS)("demo seed on %s", (provider) => {
  const getDb = useTestDb(provider);

  it("creates Northwind Outdoor with three roles once, and is idempotent", async (ctx) => {
    const { db } = getDb(ctx);
    const first = await seedDemo(db);
    const second = await seedDemo(db);
    expect(first.created).toBe(true);
    expect(second).toEqual({ created: false, workspaceId: first.workspaceId });
    for (const u of DEMO_USERS) {
      const user = await authenticateWithPassword(db, u.email, u.password);
      expect(user?.email).toBe(u.email);
      const ws = await workspacesOf(db, user!.id);
      expect(ws.find((w) => w.id === first.workspaceId)?.role).toBe(u.role);
    }
    expect(await db.membership.count({ where: { workspaceId: first.workspaceId } })).toBe(3);
    const admin = DEMO_USERS.find((u) => u.role === "admin")!;
    const adminUser = await db.user.findUniqueOrThrow({ where: { email: admin.email } });
    expect((await workspacesOf(db, adminUser.id)).map((w) => w.name)).toEqual([
      "Northwind Outdoor",
      "Northwind Sandbox",
    ]);
  });

  it("sets up sending details, a campaign, segments and one draft per format, once", async (ctx) => {
    const { db } = getDb(ctx);
    const { workspaceId } = await seedDemo(db);
    const { deps, kb } = makePipelineDeps(db);
    await seedDemoKnowledge(kb, workspaceId, ROOT);
    expect(await seedDemoDrafts(deps, db, workspaceId)).toBe(3);
    expect(await seedDemoDrafts(deps, db, workspaceId)).toBe(0);
    await seedDemo(db);
    expect(await db.campaign.count({ where: { workspaceId } })).toBe(1);
    expect(await db.audienceSegment.count({ where: { workspaceId } })).toBe(2);
    const drafts = await db.draft.findMany({ where: { workspaceId }, include: { campaign: true } });
    expect(drafts.map((d) => d.format).sort()).toEqual(["email", "google_rsa", "seo_page"]);
    expect(drafts.every((d) => d.campaign?.name === DEMO_CAMPAIGN)).toBe(true);
    expect(drafts.find((d) => d.format === "seo_page")?.slug).toBe("ridgeline-2-tent");
  });
});
