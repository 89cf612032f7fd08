import type { Db } from "@/server/db/client";
import { AppError } from "@/lib/errors";
import { Role } from "@/lib/schemas/roles";
import { findMembership, findWorkspace, listMembershipsForUser } from "./repository";

export type UserWorkspace = { id: string; slug: string; name: string; role: Role };

export async function workspacesOf(db: Db, userId: string): Promise<UserWorkspace[]> {
  const rows = await listMembershipsForUser(db, userId);
  return rows.map((m) => ({ ...m.workspace, role: Role.parse(m.role) }));
}

/**
 * Picks the workspace a session acts in: the one it asked for when the user
 * is still a member of it, else the user's first workspace.
 */
export function resolveActiveWorkspace(
  workspaces: UserWorkspace[],
  wanted: string | undefined,
): UserWorkspace | undefined {
  return workspaces.find((w) => w.id === wanted) ?? workspaces[0];
}

/** The role of a user in a workspace; a typed 404 when the workspace is unknown to them (no existence leak). */
export async function requireMembership(db: Db, userId: string, workspaceId: string): Promise<Role> {
  const m = await findMembership(db, userId, workspaceId);
  if (!m) throw new AppError("not_found:workspace", "That workspace does not exist or you are not a member of it.");
  return Role.parse(m.role);
}

export async function getWorkspace(db: Db, workspaceId: string) {
  const w = await findWorkspace(db, workspaceId);
  if (!w) throw new AppError("not_found:workspace", "That workspace does not exist.");
  return { ...w, createdAt: w.createdAt.toISOString() };
}

/** Checks membership before a session switches its active workspace. */
export async function assertCanSwitchTo(db: Db, userId: string, workspaceId: string): Promise<UserWorkspace> {
  const role = await requireMembership(db, userId, workspaceId);
  const w = await getWorkspace(db, workspaceId);
  return { id: w.id, slug: w.slug, name: w.name, role };
}
