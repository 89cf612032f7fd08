import { randomBytes } from "node:crypto";
import type { Role } from "@/lib/schemas/roles";
import type { WorkspaceCtx } from "@/server/context";
import type { Db } from "@/server/db/client";

export const uid = () => randomBytes(5).toString("hex");

/** A workspace with one member per requested role; unique names so tests never collide. */
export async function makeWorkspace(db: Db, roles: Role[] = ["admin", "editor", "marketer"]) {
  const id = uid();
  const ws = await db.workspace.create({ data: { slug: `ws-${id}`, name: `Workspace ${id}` } });
  const members: Record<string, { id: string; email: string }> = {};
  for (const [i, role] of roles.entries()) {
    const email = `${role}-${i}-${id}@example.test`;
    const u = await db.user.create({ data: { email, name: `${role} ${i}`, passwordHash: null } });
    await db.membership.create({ data: { workspaceId: ws.id, userId: u.id, role } });
    members[i === roles.indexOf(role) ? role : `${role}${i}`] = { id: u.id, email };
  }
  const ctxFor = (role: string): WorkspaceCtx => {
    const m = members[role];
    if (!m) throw new Error(`no member ${role}`);
    return {
      db,
      actor: { type: "user", id: m.id, label: m.email },
      workspaceId: ws.id,
      role: role.replace(/\d+$/, "") as Role,
      requestId: `req-${uid()}`,
    };
  };
  return { ws, members, ctxFor };
}
