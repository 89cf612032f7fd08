import type { Tx } from "@/server/context";

export function listMembers(tx: Tx, workspaceId: string) {
  return tx.membership.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "asc" },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
}

export function listPendingInvitations(tx: Tx, workspaceId: string, now: Date) {
  return tx.invitation.findMany({
    where: { workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
  });
}

export function countAdmins(tx: Tx, workspaceId: string) {
  return tx.membership.count({ where: { workspaceId, role: "admin" } });
}

export function findMember(tx: Tx, workspaceId: string, userId: string) {
  return tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { id: true, role: true, user: { select: { email: true, name: true } } },
  });
}

export function updateMemberRole(tx: Tx, workspaceId: string, userId: string, role: string) {
  return tx.membership.update({ where: { workspaceId_userId: { workspaceId, userId } }, data: { role } });
}

export function releaseAssignments(tx: Tx, workspaceId: string, userId: string) {
  return tx.draft.updateMany({ where: { workspaceId, assigneeId: userId }, data: { assigneeId: null } });
}

export function deleteMember(tx: Tx, workspaceId: string, userId: string) {
  return tx.membership.delete({ where: { workspaceId_userId: { workspaceId, userId } } });
}

export function createInvitation(
  tx: Tx,
  data: {
    workspaceId: string;
    email: string;
    role: string;
    tokenHash: string;
    invitedById: string | null;
    expiresAt: Date;
  },
) {
  return tx.invitation.create({ data });
}

export function findInvitationByTokenHash(tx: Tx, tokenHash: string) {
  return tx.invitation.findUnique({
    where: { tokenHash },
    include: { workspace: { select: { id: true, name: true } } },
  });
}

export function findInvitation(tx: Tx, workspaceId: string, id: string) {
  return tx.invitation.findFirst({ where: { id, workspaceId } });
}

/** Marks an invitation used; the conditional update makes a double accept lose cleanly. */
export function markInvitationAccepted(tx: Tx, id: string, now: Date) {
  return tx.invitation.updateMany({ where: { id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: now } });
}

export function markInvitationRevoked(tx: Tx, id: string, now: Date) {
  return tx.invitation.updateMany({ where: { id, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
}

export function revokePendingInvitationsFor(tx: Tx, workspaceId: string, email: string, now: Date) {
  return tx.invitation.updateMany({
    where: { workspaceId, email, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
}

export function findUserByEmail(tx: Tx, email: string) {
  return tx.user.findUnique({ where: { email }, select: { id: true, name: true, passwordHash: true } });
}

export function createUser(tx: Tx, data: { email: string; name: string; passwordHash: string | null }) {
  return tx.user.create({ data, select: { id: true, email: true, name: true } });
}

export function createMembership(tx: Tx, data: { workspaceId: string; userId: string; role: string }) {
  return tx.membership.create({ data });
}
