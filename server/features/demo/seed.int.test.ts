import { describe, expect, it } from "vitest";
import { PROVIDERS } from "@/server/testing/databases";
import { useTestDb } from "@/server/testing/fixtures";
import { authenticateWithPassword } from "@/server/features/users/service";
import { workspacesOf } from "@/server/features/workspaces/service";
import { DEMO_USERS, seedDemo } from "./seed";

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
});
