import { describe, expect, it } from "vitest";
import { PROVIDERS } from "@/server/testing/databases";
import { makeWorkspace, uid, useTestDb } from "@/server/testing/fixtures";
import { authenticateWithPassword } from "@/server/features/users/service";
import {
  acceptInvitation,
  changeMemberRole,
  describeInvitation,
  inviteMember,
  listMembers,
  removeMember,
  revokeInvitation,
} from "./service";

const tokenOf = (acceptUrl: string) => acceptUrl.replace("/invite/", "");

describe.each(PROVIDERS)("members on %s", (provider) => {
  const getDb = useTestDb(provider);

  it("invites, accepts with a new account, and the new member can sign in", async (ctx) => {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db);
    const email = `New.Person-${uid()}@Example.test`;
    const inv = await inviteMember(w.ctxFor("admin"), { email: email.toLowerCase(), role: "editor" });
    expect(inv.acceptUrl).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    // The token is stored hashed: nothing in the row equals it.
    const row = await db.invitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(row.tokenHash).not.toContain(tokenOf(inv.acceptUrl));

    const described = await describeInvitation(db, tokenOf(inv.acceptUrl));
    expect(described).toMatchObject({ email: email.toLowerCase(), role: "editor", hasAccount: false });

    const r = await acceptInvitation(
      db,
      { token: tokenOf(inv.acceptUrl), name: "New Person", password: "a-long-enough-password" },
      "req-1",
    );
    expect(r.workspaceId).toBe(w.ws.id);
    const members = await listMembers(w.ctxFor("admin"));
    expect(members.members.find((m) => m.email === email.toLowerCase())?.role).toBe("editor");
    expect(members.invitations.find((i) => i.id === inv.id)).toBeUndefined();
    expect(await authenticateWithPassword(db, email.toLowerCase(), "a-long-enough-password")).toMatchObject({
      email: email.toLowerCase(),
    });
    expect(await authenticateWithPassword(db, email.toLowerCase(), "wrong-password-123")).toBeNull();

    const trail = await db.auditEvent.findMany({ where: { workspaceId: w.ws.id }, orderBy: { createdAt: "asc" } });
    expect(trail.map((e) => e.action)).toEqual(["member.invited", "member.joined"]);
    expect(trail[0]).toMatchObject({ actorType: "user", actorId: w.members.admin!.id, entityId: inv.id });
  });

  it("lets an invitation be used once, even when two people race for it", async (ctx) => {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db);
    const inv = await inviteMember(w.ctxFor("admin"), { email: `race-${uid()}@example.test`, role: "marketer" });
    const token = tokenOf(inv.acceptUrl);
    const results = await Promise.allSettled([
      acceptInvitation(db, { token, name: "A", password: "password-number-one" }, "r1"),
      acceptInvitation(db, { token, name: "B", password: "password-number-two" }, "r2"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    // SQLite serialises the two transactions (the loser sees the invitation used); PostgreSQL runs them
    // concurrently and the unique email stops the loser (P2002, answered as 409 by the HTTP layer).
    expect(["conflict:invitation_used", "conflict:account_exists", "P2002"]).toContain(rejected.reason.code);
    expect(await db.user.count({ where: { email: inv.email } })).toBe(1);
    expect(await db.membership.count({ where: { workspaceId: w.ws.id } })).toBe(4);
  });

  it("refuses revoked, expired and unknown invitations with clear errors", async (ctx) => {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db);
    const inv = await inviteMember(w.ctxFor("admin"), { email: `rev-${uid()}@example.test`, role: "marketer" });
    await revokeInvitation(w.ctxFor("admin"), inv.id);
    await expect(describeInvitation(db, tokenOf(inv.acceptUrl))).rejects.toMatchObject({
      code: "not_found:invitation",
    });
    await expect(revokeInvitation(w.ctxFor("admin"), inv.id)).rejects.toMatchObject({
      code: "conflict:invitation_closed",
    });

    const old = await inviteMember(w.ctxFor("admin"), { email: `old-${uid()}@example.test`, role: "marketer" });
    await db.invitation.update({ where: { id: old.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(
      acceptInvitation(db, { token: tokenOf(old.acceptUrl), name: "x", password: "a-long-enough-password" }, "r"),
    ).rejects.toMatchObject({ code: "not_found:invitation_expired" });

    await expect(describeInvitation(db, "x".repeat(43))).rejects.toMatchObject({ code: "not_found:invitation" });
  });

  it("re-inviting replaces the pending invitation and inviting a member is a conflict", async (ctx) => {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db);
    const email = `again-${uid()}@example.test`;
    const first = await inviteMember(w.ctxFor("admin"), { email, role: "marketer" });
    const second = await inviteMember(w.ctxFor("admin"), { email, role: "editor" });
    const pending = (await listMembers(w.ctxFor("admin"))).invitations.filter((i) => i.email === email);
    expect(pending.map((i) => i.id)).toEqual([second.id]);
    await expect(describeInvitation(db, tokenOf(first.acceptUrl))).rejects.toMatchObject({
      code: "not_found:invitation",
    });
    await expect(
      inviteMember(w.ctxFor("admin"), { email: w.members.editor!.email, role: "marketer" }),
    ).rejects.toMatchObject({ code: "conflict:member_exists" });
  });

  it("an existing account joins only when signed in as the invited address", async (ctx) => {
    const { db } = getDb(ctx);
    const a = await makeWorkspace(db);
    const b = await makeWorkspace(db, ["admin"]);
    const inv = await inviteMember(b.ctxFor("admin"), { email: a.members.marketer!.email, role: "editor" });
    expect((await describeInvitation(db, tokenOf(inv.acceptUrl))).hasAccount).toBe(true);
    await expect(
      acceptInvitation(db, { token: tokenOf(inv.acceptUrl), name: "x", password: "a-long-enough-password" }, "r"),
    ).rejects.toMatchObject({ code: "conflict:account_exists" });
    await expect(
      acceptInvitation(db, { token: tokenOf(inv.acceptUrl), signedInUserId: a.members.editor!.id }, "r"),
    ).rejects.toMatchObject({ code: "forbidden:invitation_email" });
    const r = await acceptInvitation(
      db,
      { token: tokenOf(inv.acceptUrl), signedInUserId: a.members.marketer!.id },
      "r",
    );
    expect(r.workspaceId).toBe(b.ws.id);
    expect(
      await db.membership.findUnique({
        where: { workspaceId_userId: { workspaceId: b.ws.id, userId: a.members.marketer!.id } },
      }),
    ).toMatchObject({ role: "editor" });
  });

  it("only admins manage members, and the last admin cannot be demoted or removed", async (ctx) => {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db);
    await expect(
      inviteMember(w.ctxFor("marketer"), { email: `x-${uid()}@example.test`, role: "admin" }),
    ).rejects.toMatchObject({ code: "forbidden:admin" });
    await expect(
      inviteMember(w.ctxFor("editor"), { email: `x-${uid()}@example.test`, role: "admin" }),
    ).rejects.toMatchObject({ code: "forbidden:admin" });
    await expect(changeMemberRole(w.ctxFor("editor"), w.members.marketer!.id, "admin")).rejects.toMatchObject({
      code: "forbidden:admin",
    });

    await expect(changeMemberRole(w.ctxFor("admin"), w.members.admin!.id, "editor")).rejects.toMatchObject({
      code: "conflict:last_admin",
    });
    await expect(removeMember(w.ctxFor("admin"), w.members.admin!.id)).rejects.toMatchObject({
      code: "conflict:last_admin",
    });

    await changeMemberRole(w.ctxFor("admin"), w.members.marketer!.id, "editor");
    const after = await db.membership.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: w.ws.id, userId: w.members.marketer!.id } },
    });
    expect(after.role).toBe("editor");
    const ev = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: w.ws.id, action: "member.role_changed" } });
    expect(ev.before).toMatchObject({ role: "marketer" });
    expect(ev.after).toMatchObject({ role: "editor" });

    await removeMember(w.ctxFor("admin"), w.members.marketer!.id);
    expect(await db.membership.count({ where: { workspaceId: w.ws.id } })).toBe(2);
    await expect(removeMember(w.ctxFor("admin"), w.members.marketer!.id)).rejects.toMatchObject({
      code: "not_found:member",
    });
  });
});
