import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { hasRole, type Role } from "@/lib/schemas/roles";
import { db } from "@/server/db";
import { findUserById } from "@/server/features/users/repository";
import { resolveActiveWorkspace, workspacesOf, type UserWorkspace } from "@/server/features/workspaces/service";
import { auth } from "./config";

export type SessionContext = {
  user: { id: string; email: string; name: string };
  workspaces: UserWorkspace[];
  /** Undefined when the user belongs to no workspace. */
  active: UserWorkspace | undefined;
};

/**
 * The signed-in user, their workspaces and the active one, read fresh from
 * the database once per request: a changed role or a removed membership
 * takes effect at once, whatever the session cookie says.
 */
export const getSessionContext = cache(async (): Promise<SessionContext | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await findUserById(db(), userId);
  if (!user) return null;
  const workspaces = await workspacesOf(db(), user.id);
  return { user, workspaces, active: resolveActiveWorkspace(workspaces, session.workspaceId) };
});

/** For studio pages: redirect to sign-in when signed out, render the 403 page when the role is too low. */
export async function requirePageAccess(role: Role = "marketer"): Promise<SessionContext & { active: UserWorkspace }> {
  const s = await getSessionContext();
  if (!s) redirect("/login");
  if (!s.active) redirect("/no-workspace");
  if (!hasRole(s.active.role, role)) forbidden();
  return s as SessionContext & { active: UserWorkspace };
}
