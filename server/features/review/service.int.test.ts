import { describe, expect, it } from "vitest";
import { DRAFT_STATUSES, DraftContent, type DraftDetail, type DraftFlag, type DraftStatus } from "@/lib/schemas/drafts";
import { REVIEW_ACTIONS } from "@/lib/schemas/review";
import type { Role } from "@/lib/schemas/roles";
import type { WorkspaceCtx } from "@/server/context";
import type { Db } from "@/server/db/client";
import { PROVIDERS, ROOT } from "@/server/testing/databases";
import { makeWorkspace, uid, useTestDb } from "@/server/testing/fixtures";
import { NORTHWIND_BRAND_VOICE } from "@/server/features/demo/brand-voice";
import { seedDemoKnowledge } from "@/server/features/demo/knowledge-seed";
import { saveBrand } from "@/server/features/governor/service";
import { removeMember } from "@/server/features/members/service";
import { createDraft } from "@/server/features/generation/service";
import { makePipelineDeps } from "@/server/features/generation/testing";
import { flagKindsColumn, flagLevelOf, kindsOf, NO_DEADLINE } from "./flag-kinds";
import {
  addComment,
  assign,
  bulkApprove,
  decide,
  editDraft,
  listComments,
  listNotifications,
  listQueue,
  listRevisions,
  markNotificationsRead,
  reviewState,
  saveReviewSettings,
  sweepSla,
} from "./service";
import { canTake, TRANSITIONS } from "./workflow";

const ROLES: Role[] = ["marketer", "editor", "admin"];

describe.each(PROVIDERS)("review workflow on %s", (provider) => {
  const getDb = useTestDb(provider);

  async function setup(ctx: Parameters<typeof getDb>[0]) {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db, ["admin", "editor", "marketer", "editor"]);
    const { deps, kb } = makePipelineDeps(db);
    await seedDemoKnowledge(kb, w.ws.id, ROOT);
    await saveBrand(w.ctxFor("admin"), { voice: NORTHWIND_BRAND_VOICE, baseVersion: 0 });
    const marketer = w.ctxFor("marketer");
    const source = await createDraft(deps, marketer, {
      format: "email",
      brief: "Email about the Stormline jacket for rainy autumn hikes.",
    });
    return { db, w, deps, kb, marketer, editor: w.ctxFor("editor"), editor2: w.ctxFor("editor3"), source };
  }

  /** A copy of a generated draft with the state a test needs (fast: no pipeline run). */
  async function draftIn(
    db: Db,
    source: DraftDetail,
    ctx: WorkspaceCtx,
    o: { status?: DraftStatus; flags?: DraftFlag[]; dueAt?: Date; reviewSince?: Date; campaignId?: string } = {},
  ) {
    const flags = o.flags ?? source.record.flags;
    const status = o.status ?? "in_review";
    const row = await db.draft.create({
      data: {
        workspaceId: ctx.workspaceId,
        channel: source.channel,
        format: source.format,
        title: `${source.title} ${uid()}`,
        brief: source.brief,
        status,
        verdict: "needs_review",
        content: source.content as never,
        text: "copy",
        record: { ...source.record, flags } as never,
        governanceScore: source.governanceScore,
        flagLevel: flagLevelOf(flags),
        flagCount: flags.length,
        flagKinds: flagKindsColumn(flags),
        reviewSince: status === "in_review" ? (o.reviewSince ?? new Date()) : null,
        dueAt: o.dueAt ?? NO_DEADLINE,
        campaignId: o.campaignId ?? null,
        createdById: ctx.actor.id ?? null,
        createdByLabel: ctx.actor.label,
      },
    });
    const kinds = [...kindsOf(flags)].map(([kind, v]) => ({
      draftId: row.id,
      workspaceId: ctx.workspaceId,
      kind,
      ...v,
    }));
    if (kinds.length) await db.draftFlagKind.createMany({ data: kinds });
    return row;
  }

  const flag = (kind: DraftFlag["kind"], level: DraftFlag["level"]): DraftFlag => ({
    kind,
    level,
    message: `${kind} ${level}`,
    field: null,
    ruleId: `test.${kind}`,
  });

  it("every action × every state × every role: allowed exactly as the workflow table says, audited, nothing else changes", async (ctx) => {
    const { db, w, source } = await setup(ctx);
    let checked = 0;
    for (const role of ROLES)
      for (const action of REVIEW_ACTIONS)
        for (const status of DRAFT_STATUSES) {
          const actor = w.ctxFor(role);
          const d = await draftIn(db, source, w.ctxFor("marketer"), { status });
          const call = decide(actor, d.id, { action, version: 1, reason: "Needs a clearer call to action" });
          if (canTake(role, status, action)) {
            await expect(call).resolves.toMatchObject({ status: TRANSITIONS[action].to, version: 2 });
            const ev = await db.auditEvent.findFirstOrThrow({ where: { entityId: d.id, action: `draft.${action}` } });
            expect(ev.actorId).toBe(actor.actor.id);
            expect(ev.after).toMatchObject({
              status: TRANSITIONS[action].to,
              reason: "Needs a clearer call to action",
            });
          } else {
            const inState = TRANSITIONS[action].from.includes(status);
            await expect(call).rejects.toMatchObject({ code: inState ? "forbidden:review" : "conflict:state" });
            const after = await db.draft.findUniqueOrThrow({ where: { id: d.id } });
            expect({ status: after.status, version: after.version }).toEqual({ status, version: 1 });
          }
          checked++;
        }
    expect(checked).toBe(ROLES.length * REVIEW_ACTIONS.length * DRAFT_STATUSES.length);
  }, 120_000);

  it("decisions record the rules, chunks, route and prompt behind the draft; a rejection becomes an eval candidate", async (ctx) => {
    const { db, w, editor, source } = await setup(ctx);
    const d = await draftIn(db, source, w.ctxFor("marketer"), { flags: [flag("governor", "warning")] });
    await decide(editor, d.id, { action: "reject", version: 1, reason: "Off-brand tone throughout" });
    const ev = await db.auditEvent.findFirstOrThrow({ where: { entityId: d.id, action: "draft.reject" } });
    expect(ev.after).toMatchObject({
      reason: "Off-brand tone throughout",
      ruleIds: ["test.governor"],
      chunkIds: source.record.chunkIds,
      route: source.record.route,
      prompt: source.record.prompt,
    });
    const golden = await db.goldenCandidate.findFirstOrThrow({ where: { draftId: d.id } });
    expect(golden).toMatchObject({ decision: "rejected", reason: "Off-brand tone throughout", channel: "email" });
    expect(golden.flags).toEqual([flag("governor", "warning")]);
  });

  it("bad decisions change nothing: empty reason, stale version, already decided, another workspace", async (ctx) => {
    const { db, w, editor, source } = await setup(ctx);
    const d = await draftIn(db, source, w.ctxFor("marketer"));
    await expect(decide(editor, d.id, { action: "reject", version: 1, reason: "  " })).rejects.toThrow(
      /Say why the draft is rejected/,
    );
    await expect(decide(editor, d.id, { action: "request_changes", version: 1 })).rejects.toThrow(
      /Say what needs to change/,
    );
    await expect(decide(editor, d.id, { action: "approve", version: 7 })).rejects.toMatchObject({
      code: "conflict:stale_version",
      details: { current: { version: 1, status: "in_review" } },
    });
    await decide(editor, d.id, { action: "approve", version: 1 });
    await expect(decide(editor, d.id, { action: "approve", version: 2 })).rejects.toMatchObject({
      code: "conflict:state",
      message: expect.stringContaining("This draft is approved"),
    });
    const other = await makeWorkspace(db);
    await expect(decide(other.ctxFor("admin"), d.id, { action: "archive", version: 2 })).rejects.toMatchObject({
      code: "not_found:draft",
    });
    await expect(reviewState(other.ctxFor("admin"), d.id)).rejects.toMatchObject({ code: "not_found:draft" });
    await expect(addComment(other.ctxFor("admin"), d.id, { body: "hi" })).rejects.toMatchObject({
      code: "not_found:draft",
    });
    expect(await db.draft.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ status: "approved", version: 2 });
  });

  it("two editors deciding the same draft at once: exactly one wins, the other gets a 409 and one event is written", async (ctx) => {
    const { db, w, editor, editor2, source } = await setup(ctx);
    for (let round = 0; round < 5; round++) {
      const d = await draftIn(db, source, w.ctxFor("marketer"));
      const results = await Promise.allSettled([
        decide(editor, d.id, { action: "approve", version: 1 }),
        decide(editor2, d.id, { action: "reject", version: 1, reason: "Not for this season" }),
      ]);
      const ok = results.filter((r) => r.status === "fulfilled");
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(ok).toHaveLength(1);
      expect(failed).toHaveLength(1);
      expect(failed[0]!.reason).toMatchObject({ code: expect.stringMatching(/^conflict:(stale_version|state)$/) });
      const events = await db.auditEvent.count({
        where: { entityId: d.id, action: { in: ["draft.approve", "draft.reject"] } },
      });
      expect(events).toBe(1);
      expect(await db.draft.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ version: 2 });
    }
  });

  it("roles: a marketer cannot approve, work the queue or assign; an editor cannot change the review settings", async (ctx) => {
    const { db, w, marketer, editor, source } = await setup(ctx);
    const d = await draftIn(db, source, marketer);
    await expect(decide(marketer, d.id, { action: "approve", version: 1 })).rejects.toMatchObject({
      code: "forbidden:review",
      message: expect.stringContaining("Only editors can approve"),
    });
    await expect(listQueue(marketer, {})).rejects.toMatchObject({ code: "forbidden:editor" });
    await expect(assign(marketer, d.id, { assignee: "me" })).rejects.toMatchObject({ code: "forbidden:editor" });
    await expect(saveReviewSettings(editor, { slaHours: 4, emailNotifications: false })).rejects.toMatchObject({
      code: "forbidden:admin",
    });
    await expect(saveReviewSettings(w.ctxFor("admin"), { slaHours: 4, emailNotifications: false })).resolves.toEqual({
      slaHours: 4,
      emailNotifications: false,
    });
  });

  it("editing: stale versions are refused, the copy is re-checked, the generated text is kept as revision 1", async (ctx) => {
    const { db, deps, marketer, editor, source } = await setup(ctx);
    const d = await db.draft.findUniqueOrThrow({ where: { id: source.id } });
    expect(d.status).toMatch(/in_review|approved/);
    if (d.status !== "in_review") await db.draft.update({ where: { id: d.id }, data: { status: "in_review" } });
    const content = DraftContent.parse(d.content);
    if (content.format !== "email") throw new Error("expected an email");
    const banned = NORTHWIND_BRAND_VOICE.bannedWords![0]!.term;
    const edited = { ...content, subject: `The ${banned} Stormline jacket is here` };

    // A marketer cannot change a draft an editor is reviewing.
    await expect(editDraft(deps, marketer, d.id, { version: d.version, content: edited })).rejects.toMatchObject({
      code: "forbidden:review",
    });
    const saved = await editDraft(deps, editor, d.id, { version: d.version, content: edited, note: "Punchier" });
    expect(saved.version).toBe(d.version + 1);
    expect(saved.content).toMatchObject({ subject: edited.subject });
    expect(saved.record.flags.some((f) => f.kind === "governor" && f.field === "subject")).toBe(true);
    expect(saved.record.governance.autoApprove).toBe(false);
    // The edit changed the HTML part too (derived from the fields).
    if (saved.content.format === "email") expect(saved.content.html).toContain(banned);

    // Same version again: someone (here: the same person, earlier) already changed it.
    await expect(
      editDraft(deps, editor, d.id, { version: d.version, content: { ...edited, subject: "Other" } }),
    ).rejects.toMatchObject({ code: "conflict:stale_version" });
    await expect(
      editDraft(deps, editor, d.id, { version: saved.version, content: saved.content }),
    ).rejects.toMatchObject({ code: "validation:unchanged" });

    const revs = await listRevisions(editor, d.id);
    expect(revs.items.map((r) => [r.version, r.generated, r.note])).toEqual([
      [d.version, true, "Generated"],
      [d.version + 1, false, "Punchier"],
    ]);
    expect(revs.items[0]!.content).toEqual(content);
    const ev = await db.auditEvent.findFirstOrThrow({ where: { entityId: d.id, action: "draft.edited" } });
    expect(ev.after).toMatchObject({ changedFields: expect.arrayContaining(["subject"]), note: "Punchier" });
    const kinds = await db.draftFlagKind.findMany({ where: { draftId: d.id } });
    expect(kinds.map((k) => k.kind)).toContain("governor");
    expect((await db.draft.findUniqueOrThrow({ where: { id: d.id } })).flagKinds).toContain(",governor,");
  });

  it("comments are stored as text, mentions notify members, decisions notify the author; notifications can be read", async (ctx) => {
    const { db, w, marketer, editor, source } = await setup(ctx);
    const d = await draftIn(db, source, marketer);
    const c = await addComment(editor, d.id, {
      body: `<script>alert(1)</script> @${w.members.editor3!.email} can you check the claim?`,
    });
    expect(c.body).toBe(`<script>alert(1)</script> @${w.members.editor3!.email} can you check the claim?`);
    expect(c.mentions.map((m) => m.id)).toEqual([w.members.editor3!.id]);
    expect((await listComments(marketer, d.id)).items.map((x) => x.id)).toEqual([c.id]);
    await expect(addComment(editor, d.id, { body: "   " })).rejects.toThrow(/Write a comment first/);

    await decide(editor, d.id, { action: "request_changes", version: 1, reason: "Shorten the subject" });
    const mine = await listNotifications(marketer, {});
    expect(mine.items.map((n) => n.kind)).toEqual(["decision", "comment"]);
    expect(mine.items[0]!.message).toContain("requested changes");
    expect(mine.items[0]!.message).toContain("Shorten the subject");
    expect(mine.unread).toBe(2);
    const theirs = await listNotifications(w.ctxFor("editor3"), {});
    expect(theirs.items.map((n) => n.kind)).toEqual(["mention"]);
    expect(await markNotificationsRead(marketer, { ids: [mine.items[0]!.id] })).toEqual({ updated: 1 });
    expect((await listNotifications(marketer, { unread: "true" })).items.map((n) => n.kind)).toEqual(["comment"]);
    expect(await markNotificationsRead(marketer, { all: true })).toEqual({ updated: 1 });

    // The marketer sees the decision and resubmits; the state says who decided and why.
    const state = await reviewState(marketer, d.id);
    expect(state.lastDecision).toMatchObject({ action: "request_changes", reason: "Shorten the subject" });
    expect(state.allowedActions).toEqual(["submit"]);
    expect(state.canEdit).toBe(true);
    await expect(decide(marketer, d.id, { action: "submit", version: 2 })).resolves.toMatchObject({
      status: "in_review",
    });
  });

  it("the queue: priority order, filters, counts, and keyset pages without gaps or repeats", async (ctx) => {
    const { db, marketer, editor, source } = await setup(ctx);
    const day = 86_400_000;
    const now = Date.now();
    const errorOld = await draftIn(db, source, marketer, {
      flags: [flag("jsonld", "error")],
      reviewSince: new Date(now - 3 * day),
    });
    const errorDue = await draftIn(db, source, marketer, {
      flags: [flag("governor", "error"), flag("pii", "warning")],
      dueAt: new Date(now + 2 * day),
    });
    const warnOld = await draftIn(db, source, marketer, {
      flags: [flag("governor", "warning")],
      reviewSince: new Date(now - day),
    });
    const clean = await draftIn(db, source, marketer, { flags: [] });
    await draftIn(db, source, marketer, { status: "approved" });
    // Queue order ignores the source draft if it is in review too; compare ours only.
    const ours = new Set([errorOld.id, errorDue.id, warnOld.id, clean.id]);
    const all = await listQueue(editor, { limit: 100 });
    expect(all.items.map((i) => i.id).filter((id) => ours.has(id))).toEqual([
      errorDue.id,
      errorOld.id,
      warnOld.id,
      clean.id,
    ]);
    expect(all.items.find((i) => i.id === errorOld.id)).toMatchObject({ slaBreached: true, flagKinds: ["jsonld"] });
    expect(all.items.find((i) => i.id === errorDue.id)).toMatchObject({
      flagKinds: ["governor", "pii"],
      dueAt: new Date(now + 2 * day).toISOString(),
      slaBreached: false,
    });
    expect(all.counts.byKind.jsonld).toBeGreaterThanOrEqual(1);
    expect(all.counts.breached).toBeGreaterThanOrEqual(1);

    const pii = await listQueue(editor, { flagKind: "pii" });
    expect(pii.items.map((i) => i.id)).toEqual([errorDue.id]);
    expect(pii.total).toBe(1);

    await assign(editor, warnOld.id, { assignee: "me" });
    expect((await listQueue(editor, { assignee: "me" })).items.map((i) => i.id)).toEqual([warnOld.id]);
    expect((await listQueue(editor, { assignee: "unassigned" })).items.map((i) => i.id)).not.toContain(warnOld.id);

    // Pages of 1 walk the whole queue in the same order.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await listQueue(editor, { limit: 1, cursor });
      seen.push(...p.items.map((i) => i.id));
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => i.id));
    await expect(listQueue(editor, { cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "validation:cursor" });

    // Bulk approve: error-level drafts are skipped with the reason.
    const r = await bulkApprove(editor, {
      items: [
        { id: clean.id, version: 1 },
        { id: errorOld.id, version: 1 },
        { id: warnOld.id, version: 99 },
      ],
    });
    expect(r.approved).toEqual([clean.id]);
    expect(r.skipped.map((s) => s.id)).toEqual([errorOld.id, warnOld.id]);
    expect(r.skipped[0]!.reason).toContain("error-level flags");
    expect(r.skipped[1]!.reason).toContain("Someone changed this draft");
  });

  it("assignment: claims do not steal, assignees must be reviewing members, removing a member releases their drafts", async (ctx) => {
    const { db, w, marketer, editor, editor2, source } = await setup(ctx);
    const d = await draftIn(db, source, marketer);
    const s = await assign(editor, d.id, { assignee: "me" });
    expect(s.assignee).toMatchObject({ id: w.members.editor!.id });
    await expect(assign(editor2, d.id, { assignee: "me" })).rejects.toMatchObject({
      code: "conflict:claimed",
      message: expect.stringContaining("already claimed"),
    });
    await expect(assign(editor, d.id, { assignee: w.members.marketer!.id })).rejects.toMatchObject({
      code: "validation:assignee",
    });
    await expect(assign(editor, d.id, { assignee: "no-such-user" })).rejects.toMatchObject({
      code: "validation:assignee",
      message: expect.stringContaining("not a member"),
    });
    await assign(editor, d.id, { assignee: w.members.editor3!.id });
    const n = await listNotifications(w.ctxFor("editor3"), {});
    expect(n.items.map((x) => x.kind)).toEqual(["assigned"]);
    await removeMember(w.ctxFor("admin"), w.members.editor3!.id);
    expect((await db.draft.findUniqueOrThrow({ where: { id: d.id } })).assigneeId).toBeNull();
  });

  it("SLA breaches notify the assignee (or every reviewer) once per stay in the queue", async (ctx) => {
    const { db, w, marketer, source } = await setup(ctx);
    const old = new Date(Date.now() - 30 * 3_600_000);
    await draftIn(db, source, marketer, { reviewSince: old });
    const first = await sweepSla(db, w.ws.id, 24, true);
    expect(first).toBe(3); // admin, editor, editor3
    expect(await sweepSla(db, w.ws.id, 24, true)).toBe(0);
    const n = await listNotifications(w.ctxFor("editor"), {});
    expect(n.items.filter((x) => x.kind === "sla_breached")).toHaveLength(1);
  });
});
