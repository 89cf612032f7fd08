import type { Db } from "@/server/db/client";
import type { WorkspaceCtx } from "@/server/context";
import { AppError } from "@/lib/errors";
import { Role } from "@/lib/schemas/roles";
import type { AcceptInvitationBody } from "@/lib/schemas/auth";
import type { CreatedInvitation, InviteBody, MembersResponse } from "@/lib/schemas/workspace";
import { requireRole } from "@/server/auth/authorize";
import { hashPassword } from "@/server/auth/password";
import { randomToken, sha256 } from "@/server/crypto";
import { audit } from "@/server/features/audit/service";
import * as repo from "./repository";

export const INVITATION_TTL_DAYS = 7;

function invitationOut(i: { id: string; email: string; role: string; expiresAt: Date; createdAt: Date }) {
  return {
    id: i.id,
    email: i.email,
    role: Role.parse(i.role),
    expiresAt: i.expiresAt.toISOString(),
    createdAt: i.createdAt.toISOString(),
  };
}

export async function listMembers(ctx: WorkspaceCtx): Promise<MembersResponse> {
  const [members, invitations] = await Promise.all([
    repo.listMembers(ctx.db, ctx.workspaceId),
    repo.listPendingInvitations(ctx.db, ctx.workspaceId, new Date()),
  ]);
  return {
    members: members.map((m) => ({
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: Role.parse(m.role),
      joinedAt: m.createdAt.toISOString(),
    })),
    invitations: invitations.map(invitationOut),
  };
}

/** Creates an invitation and returns its one-time accept path (the token is stored hashed). */
export async function inviteMember(ctx: WorkspaceCtx, body: InviteBody): Promise<CreatedInvitation> {
  requireRole(ctx, "admin", "invite members");
  const token = randomToken();
  const now = new Date();
  return ctx.db.$transaction(async (tx) => {
    const existing = await repo.findUserByEmail(tx, body.email);
    if (existing && (await repo.findMember(tx, ctx.workspaceId, existing.id))) {
      throw new AppError("conflict:member_exists", `${body.email} is already a member of this workspace.`);
    }
    // A new invitation replaces any pending one for the same address.
    await repo.revokePendingInvitationsFor(tx, ctx.workspaceId, body.email, now);
    const inv = await repo.createInvitation(tx, {
      workspaceId: ctx.workspaceId,
      email: body.email,
      role: body.role,
      tokenHash: sha256(token),
      invitedById: ctx.actor.type === "user" ? ctx.actor.id : null,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000),
    });
    await audit(tx, ctx, {
      action: "member.invited",
      entityType: "invitation",
      entityId: inv.id,
      after: { email: inv.email, role: inv.role },
    });
    return { ...invitationOut(inv), acceptUrl: `/invite/${token}` };
  });
}

export async function revokeInvitation(ctx: WorkspaceCtx, invitationId: string): Promise<void> {
  requireRole(ctx, "admin", "revoke invitations");
  await ctx.db.$transaction(async (tx) => {
    const inv = await repo.findInvitation(tx, ctx.workspaceId, invitationId);
    if (!inv) throw new AppError("not_found:invitation", "That invitation does not exist.");
    const { count } = await repo.markInvitationRevoked(tx, inv.id, new Date());
    if (count === 0)
      throw new AppError("conflict:invitation_closed", "That invitation was already accepted or revoked.");
    await audit(tx, ctx, {
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: inv.id,
      before: { email: inv.email, role: inv.role },
    });
  });
}

async function assertNotLastAdmin(
  tx: Parameters<typeof repo.countAdmins>[0],
  workspaceId: string,
  currentRole: string,
) {
  if (currentRole === "admin" && (await repo.countAdmins(tx, workspaceId)) <= 1) {
    throw new AppError(
      "conflict:last_admin",
      "A workspace needs at least one admin. Make someone else an admin first.",
    );
  }
}

export async function changeMemberRole(ctx: WorkspaceCtx, userId: string, role: Role): Promise<void> {
  requireRole(ctx, "admin", "change roles");
  await ctx.db.$transaction(async (tx) => {
    const m = await repo.findMember(tx, ctx.workspaceId, userId);
    if (!m) throw new AppError("not_found:member", "That person is not a member of this workspace.");
    if (m.role === role) return;
    if (role !== "admin") await assertNotLastAdmin(tx, ctx.workspaceId, m.role);
    await repo.updateMemberRole(tx, ctx.workspaceId, userId, role);
    await audit(tx, ctx, {
      action: "member.role_changed",
      entityType: "membership",
      entityId: m.id,
      before: { email: m.user.email, role: m.role },
      after: { email: m.user.email, role },
    });
  });
}

export async function removeMember(ctx: WorkspaceCtx, userId: string): Promise<void> {
  requireRole(ctx, "admin", "remove members");
  await ctx.db.$transaction(async (tx) => {
    const m = await repo.findMember(tx, ctx.workspaceId, userId);
    if (!m) throw new AppError("not_found:member", "That person is not a member of this workspace.");
    await assertNotLastAdmin(tx, ctx.workspaceId, m.role);
    await repo.deleteMember(tx, ctx.workspaceId, userId);
    // Drafts they held for review go back to the queue's unassigned pile.
    await repo.releaseAssignments(tx, ctx.workspaceId, userId);
    await audit(tx, ctx, {
      action: "member.removed",
      entityType: "membership",
      entityId: m.id,
      before: { email: m.user.email, role: m.role },
    });
  });
}

async function openInvitation(db: Db | Parameters<typeof repo.findInvitationByTokenHash>[0], token: string) {
  const inv = await repo.findInvitationByTokenHash(db, sha256(token));
  if (!inv || inv.revokedAt)
    throw new AppError(
      "not_found:invitation",
      "This invitation link is not valid. Ask a workspace admin for a new one.",
    );
  if (inv.acceptedAt)
    throw new AppError("conflict:invitation_used", "This invitation was already used. Sign in instead.");
  if (inv.expiresAt <= new Date())
    throw new AppError(
      "not_found:invitation_expired",
      "This invitation has expired. Ask a workspace admin for a new one.",
    );
  return inv;
}

/** What the invitation page shows before anyone signs in. */
export async function describeInvitation(db: Db, token: string) {
  const inv = await openInvitation(db, token);
  const user = await repo.findUserByEmail(db, inv.email);
  return { email: inv.email, role: Role.parse(inv.role), workspaceName: inv.workspace.name, hasAccount: Boolean(user) };
}

/**
 * Accepts an invitation. A new person sets their name and password; someone
 * who already has an account must be signed in as the invited address.
 */
export async function acceptInvitation(
  db: Db,
  input: AcceptInvitationBody | { token: string; signedInUserId: string },
  requestId: string,
): Promise<{ userId: string; workspaceId: string; email: string }> {
  const passwordHash = "password" in input ? await hashPassword(input.password) : null;
  return db.$transaction(async (tx) => {
    const inv = await openInvitation(tx, input.token);
    const existing = await repo.findUserByEmail(tx, inv.email);
    let userId: string;
    if ("signedInUserId" in input) {
      if (!existing || existing.id !== input.signedInUserId)
        throw new AppError(
          "forbidden:invitation_email",
          `This invitation is for ${inv.email}. Sign in with that address to accept it.`,
        );
      userId = existing.id;
    } else {
      if (existing)
        throw new AppError(
          "conflict:account_exists",
          `An account for ${inv.email} already exists. Sign in first, then open the invitation link again.`,
        );
      userId = (await repo.createUser(tx, { email: inv.email, name: input.name, passwordHash })).id;
    }
    const { count } = await repo.markInvitationAccepted(tx, inv.id, new Date());
    if (count === 0)
      throw new AppError("conflict:invitation_used", "This invitation was already used. Sign in instead.");
    if (!(await repo.findMember(tx, inv.workspaceId, userId)))
      await repo.createMembership(tx, { workspaceId: inv.workspaceId, userId, role: inv.role });
    await audit(
      tx,
      { workspaceId: inv.workspaceId, actor: { type: "user", id: userId, label: inv.email }, requestId },
      {
        action: "member.joined",
        entityType: "invitation",
        entityId: inv.id,
        after: { email: inv.email, role: inv.role },
      },
    );
    return { userId, workspaceId: inv.workspaceId, email: inv.email };
  });
}
