import type { Tx } from "@/server/context";

export function listMembershipsForUser(tx: Tx, userId: string) {
  return tx.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, workspace: { select: { id: true, slug: true, name: true } } },
  });
}

export function findMembership(tx: Tx, userId: string, workspaceId: string) {
  return tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { role: true } });
}

export function findWorkspace(tx: Tx, id: string) {
  return tx.workspace.findUnique({ where: { id }, select: { id: true, slug: true, name: true, createdAt: true } });
}
