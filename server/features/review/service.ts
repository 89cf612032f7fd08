/**
 * The review workflow's use cases. Every state change goes through `decide()`: it checks the
 * role and the state (workflow.ts), applies the change only if the version is still the one the
 * person saw (a stale decision is a 409, never a silent overwrite), and writes the audit event,
 * the notifications and — for a rejection or a change request — an eval candidate, all in the
 * same transaction.
 */
import { AppError } from "@/lib/errors";
import { DraftContent, DraftRecord, type DraftFlag, type DraftFormat, type DraftStatus } from "@/lib/schemas/drafts";
import {
  AssignBody,
  BulkApproveBody,
  CommentBody,
  DecisionBody,
  EditDraftBody,
  MarkReadBody,
  NotificationQuery,
  QueueQuery,
  ReviewSettings,
  type BulkApproveResult,
  type DecisionResult,
  type DraftComment,
  type NotificationPage,
  type QueuePage,
  type ReviewAction,
  type ReviewState,
  type RevisionList,
} from "@/lib/schemas/review";
import { hasRole } from "@/lib/schemas/roles";
import type { Tx, WorkspaceCtx } from "@/server/context";
import { requireRole } from "@/server/auth/authorize";
import { audit, decodeCursor, encodeCursor } from "@/server/features/audit/service";
import { contentFields } from "@/server/features/generation/channels";
import { kickDeliveries } from "@/server/features/publishing/delivery/runtime";
import { emitApproval } from "@/server/features/publishing/publish";
import { getDraft } from "@/server/features/generation/repository";
import { flagKindsColumn, flagLevelOf, NO_DEADLINE, writeFlagKinds } from "./flag-kinds";
import { findMentions } from "./mentions";
import { decodeQueueCursor, encodeQueueCursor } from "./queue-cursor";
import { recheckContent, type RecheckDeps } from "./recheck";
import * as repo from "./repository";
import { allowedActions, canEdit, refusal, TRANSITIONS } from "./workflow";

const DEFAULT_SETTINGS: ReviewSettings = { slaHours: 24, emailNotifications: false };
const HOUR = 3_600_000;

/**
 * Short-lived per-process caches for what every queue request reads: the settings and the counts
 * over the whole queue. A change made in this process clears them at once; another instance's
 * change shows within CACHE_MS.
 */
const CACHE_MS = 5_000;
const settingsCache = new Map<string, { at: number; value: ReviewSettings }>();
const countsCache = new Map<string, { at: number; value: QueuePage["counts"] }>();

function queueChanged(): void {
  countsCache.clear();
}

export async function reviewSettings(db: Tx, workspaceId: string): Promise<ReviewSettings> {
  const hit = settingsCache.get(workspaceId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const s = await repo.findReviewSettings(db, workspaceId);
  const value = s ? { slaHours: s.slaHours, emailNotifications: s.emailNotifications } : DEFAULT_SETTINGS;
  settingsCache.set(workspaceId, { at: Date.now(), value });
  return value;
}

export async function saveReviewSettings(ctx: WorkspaceCtx, raw: unknown): Promise<ReviewSettings> {
  requireRole(ctx, "admin", "change the review settings");
  const body = ReviewSettings.parse(raw);
  return ctx.db
    .$transaction(async (tx) => {
      const before = await reviewSettings(tx, ctx.workspaceId);
      await repo.upsertReviewSettings(tx, ctx.workspaceId, body);
      await audit(tx, ctx, {
        action: "review.settings_changed",
        entityType: "workspace",
        entityId: ctx.workspaceId,
        before,
        after: body,
      });
      return body;
    })
    .finally(() => {
      settingsCache.delete(ctx.workspaceId);
      queueChanged();
    });
}

function userId(ctx: WorkspaceCtx): string | null {
  return ctx.actor.type === "user" ? ctx.actor.id : null;
}

/** The person's name for messages other people read (the audit trail keeps the email). */
async function actorName(tx: Tx, ctx: WorkspaceCtx): Promise<string> {
  const id = userId(ctx);
  if (!id) return ctx.actor.label;
  return (await repo.userNames(tx, [id])).get(id) ?? ctx.actor.label;
}

function notFound(): AppError {
  return new AppError("not_found:draft", "No such draft in this workspace.");
}

function stale(current: { version: number; status: string }, seen: number): AppError {
  return new AppError(
    "conflict:stale_version",
    `Someone changed this draft since you opened it (you had version ${seen}; it is now version ${current.version}, ${current.status.replace("_", " ")}). Reload to see what changed; nothing was saved.`,
    { details: { current: { version: current.version, status: current.status } } },
  );
}

/** What the audit trail needs to explain a decision: the rules, passages, model and prompt behind the draft. */
function provenance(record: DraftRecord) {
  return {
    flags: record.flags.map((f) => ({ kind: f.kind, level: f.level, ruleId: f.ruleId })),
    ruleIds: [...new Set(record.flags.map((f) => f.ruleId).filter((r): r is string => Boolean(r)))],
    chunkIds: record.chunkIds,
    route: record.route,
    prompt: record.prompt,
  };
}

// ---- decisions ----------------------------------------------------------------------------------

type Decided = DecisionResult & { title: string };

async function applyDecision(
  tx: Tx,
  ctx: WorkspaceCtx,
  id: string,
  body: { action: ReviewAction; version: number; reason?: string },
  now: Date,
): Promise<Decided> {
  const d = await repo.findReviewDraft(tx, ctx.workspaceId, id);
  if (!d) throw notFound();
  const status = d.status as DraftStatus;
  if (d.version !== body.version) throw stale(d, body.version);
  const t = TRANSITIONS[body.action];
  if (!t.from.includes(status) || !hasRole(ctx.role, t.role)) {
    const r = refusal(ctx.role, status, body.action);
    throw new AppError(r.code === "state" ? "conflict:state" : "forbidden:review", r.message);
  }
  const isDecision = body.action === "approve" || body.action === "request_changes" || body.action === "reject";
  const reason = body.reason?.trim() || null;
  const ok = await repo.updateIfVersion(tx, ctx.workspaceId, id, body.version, {
    status: t.to,
    reviewSince: t.to === "in_review" ? now : null,
    ...(isDecision ? { decision: body.action, decidedAt: now, decidedById: userId(ctx), decisionReason: reason } : {}),
    ...(t.to === "in_review" ? {} : { assigneeId: t.to === "changes_requested" ? d.assigneeId : null }),
  });
  // Someone else's write landed between the read and this one.
  if (!ok) {
    const cur = await repo.findReviewDraft(tx, ctx.workspaceId, id);
    throw stale(cur ?? d, body.version);
  }
  const record = DraftRecord.parse(d.record);
  // Approved content leaves Lectern through the outbox, in this same transaction.
  const eventId = body.action === "approve" ? await emitApproval(tx, ctx, id, now) : null;
  if (body.action === "reject" || body.action === "request_changes")
    await repo.insertGoldenCandidate(tx, {
      workspaceId: ctx.workspaceId,
      draftId: id,
      decision: body.action === "reject" ? "rejected" : "changes_requested",
      reason: reason ?? "",
      channel: d.channel,
      format: d.format,
      brief: d.brief,
      content: d.content as never,
      flags: record.flags as never,
      decidedById: userId(ctx),
    });

  const actor = await actorName(tx, ctx);
  const notes: repo.NewNotification[] = [];
  if (isDecision && d.createdById && d.createdById !== userId(ctx)) {
    const what =
      body.action === "approve" ? "approved" : body.action === "reject" ? "rejected" : "requested changes to";
    notes.push({
      workspaceId: ctx.workspaceId,
      userId: d.createdById,
      kind: "decision",
      draftId: id,
      message: `${actor} ${what} “${d.title}”${reason ? `: ${reason.slice(0, 200)}` : "."}`,
    });
  }
  if (body.action === "submit" && d.assigneeId && d.assigneeId !== userId(ctx))
    notes.push({
      workspaceId: ctx.workspaceId,
      userId: d.assigneeId,
      kind: "resubmitted",
      draftId: id,
      message: `${actor} submitted “${d.title}” for review again.`,
    });
  await repo.insertNotifications(tx, notes);
  // Last: the audit chain's head stays locked from here until commit.
  await audit(tx, ctx, {
    action: `draft.${body.action}`,
    entityType: "draft",
    entityId: id,
    before: { status, version: d.version },
    after: { status: t.to, version: d.version + 1, reason, ...provenance(record), ...(eventId ? { eventId } : {}) },
  });
  return { id, status: t.to, version: d.version + 1, title: d.title };
}

export async function decide(ctx: WorkspaceCtx, id: string, raw: unknown): Promise<DecisionResult> {
  const body = DecisionBody.parse(raw);
  const r = await ctx.db.$transaction((tx) => applyDecision(tx, ctx, id, body, new Date()));
  queueChanged();
  if (r.status === "approved") kickDeliveries();
  return { id: r.id, status: r.status, version: r.version };
}

/** Approves each draft that has no error-level flag; every other one is skipped with the reason. */
export async function bulkApprove(ctx: WorkspaceCtx, raw: unknown): Promise<BulkApproveResult> {
  requireRole(ctx, "editor", "approve drafts");
  const body = BulkApproveBody.parse(raw);
  const out: BulkApproveResult = { approved: [], skipped: [] };
  for (const item of body.items) {
    try {
      await ctx.db.$transaction(async (tx) => {
        const d = await repo.findReviewDraft(tx, ctx.workspaceId, item.id);
        if (!d) throw notFound();
        if (d.flagLevel >= 3)
          throw new AppError("conflict:flags", "It has error-level flags; open it and decide on its own.");
        await applyDecision(tx, ctx, item.id, { action: "approve", version: item.version }, new Date());
      });
      out.approved.push(item.id);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      out.skipped.push({ id: item.id, reason: e.message });
    }
  }
  queueChanged();
  if (out.approved.length > 0) kickDeliveries();
  return out;
}

// ---- assignment ---------------------------------------------------------------------------------

export async function assign(ctx: WorkspaceCtx, id: string, raw: unknown): Promise<ReviewState> {
  requireRole(ctx, "editor", "assign drafts for review");
  const body = AssignBody.parse(raw);
  const me = userId(ctx);
  if (body.assignee === "me" && !me)
    throw new AppError("bad_request:assignee", "An API key cannot claim a draft; assign it to a person by user id.");
  const target = body.assignee === "me" ? me : body.assignee;
  await ctx.db.$transaction(async (tx) => {
    const d = await repo.findReviewDraft(tx, ctx.workspaceId, id);
    if (!d) throw notFound();
    if (!["draft", "in_review", "changes_requested"].includes(d.status))
      throw new AppError(
        "conflict:state",
        `This draft is ${d.status.replace("_", " ")}; only open drafts can be assigned.`,
      );
    let name: string | null = null;
    if (target) {
      const m = await repo.findMembership(tx, ctx.workspaceId, target);
      if (!m)
        throw new AppError(
          "validation:assignee",
          "That person is not a member of this workspace (they may have been removed). Choose someone else.",
        );
      if (!hasRole(m.role as never, "editor"))
        throw new AppError(
          "validation:assignee",
          `${m.user.name} is a marketer; only editors and admins review drafts.`,
        );
      name = m.user.name;
    }
    if (body.assignee === "me" && d.assigneeId && d.assigneeId !== me) {
      const holder = (await repo.userNames(tx, [d.assigneeId])).get(d.assigneeId) ?? "someone else";
      throw new AppError(
        "conflict:claimed",
        `${holder} already claimed this draft. Ask them, or assign it to yourself explicitly.`,
      );
    }
    if (d.assigneeId === target) return;
    // A claim only lands if nobody claimed it in between (two editors pressing Claim at once).
    const r = await tx.draft.updateMany({
      where: { id, workspaceId: ctx.workspaceId, assigneeId: body.assignee === "me" ? d.assigneeId : undefined },
      data: { assigneeId: target },
    });
    if (r.count !== 1)
      throw new AppError("conflict:claimed", "Someone claimed this draft a moment ago. Reload the queue.");
    if (target && target !== me)
      await repo.insertNotifications(tx, [
        {
          workspaceId: ctx.workspaceId,
          userId: target,
          kind: "assigned",
          draftId: id,
          message: `${await actorName(tx, ctx)} assigned “${d.title}” to you for review.`,
        },
      ]);
    await audit(tx, ctx, {
      action: target ? "draft.assigned" : "draft.unassigned",
      entityType: "draft",
      entityId: id,
      before: { assigneeId: d.assigneeId },
      after: { assigneeId: target, assignee: name },
    });
  });
  queueChanged();
  return reviewState(ctx, id);
}

// ---- the state of one draft ---------------------------------------------------------------------

export async function reviewState(ctx: WorkspaceCtx, id: string): Promise<ReviewState> {
  const [d, settings, people] = await Promise.all([
    repo.findReviewDraft(ctx.db, ctx.workspaceId, id),
    reviewSettings(ctx.db, ctx.workspaceId),
    repo.listPeople(ctx.db, ctx.workspaceId),
  ]);
  if (!d) throw notFound();
  const names = await repo.userNames(ctx.db, [d.assigneeId, d.decidedById]);
  const status = d.status as DraftStatus;
  const now = Date.now();
  return {
    draftId: d.id,
    status,
    version: d.version,
    assignee: d.assigneeId ? { id: d.assigneeId, name: names.get(d.assigneeId) ?? "Former member" } : null,
    reviewSince: d.reviewSince?.toISOString() ?? null,
    dueAt: d.dueAt.getTime() === NO_DEADLINE.getTime() ? null : d.dueAt.toISOString(),
    slaHours: settings.slaHours,
    slaBreached: Boolean(
      status === "in_review" && d.reviewSince && now - d.reviewSince.getTime() > settings.slaHours * HOUR,
    ),
    lastDecision:
      d.decision && d.decidedAt
        ? {
            action: d.decision as ReviewAction,
            by: d.decidedById ? (names.get(d.decidedById) ?? "Former member") : null,
            at: d.decidedAt.toISOString(),
            reason: d.decisionReason,
          }
        : null,
    allowedActions: allowedActions(ctx.role, status),
    canEdit: canEdit(ctx.role, status),
    canAssign: hasRole(ctx.role, "editor") && ["draft", "in_review", "changes_requested"].includes(status),
    people: people.map((p) => ({ id: p.id, name: p.name, role: p.role })),
  };
}

// ---- editing ------------------------------------------------------------------------------------

/** Field paths whose text differs between two versions of the content. */
function changedFields(before: DraftContent, after: DraftContent): string[] {
  const a = new Map(contentFields(before).map((f) => [f.path, f.text]));
  const b = new Map(contentFields(after).map((f) => [f.path, f.text]));
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => a.get(p) !== b.get(p));
}

export async function editDraft(deps: RecheckDeps, ctx: WorkspaceCtx, id: string, raw: unknown) {
  const body = EditDraftBody.parse(raw);
  const d = await repo.findReviewDraft(ctx.db, ctx.workspaceId, id);
  if (!d) throw notFound();
  if (d.version !== body.version) throw stale(d, body.version);
  const status = d.status as DraftStatus;
  if (!canEdit(ctx.role, status))
    throw status === "in_review" && !hasRole(ctx.role, "editor")
      ? new AppError(
          "forbidden:review",
          "This draft is in review; only editors can change it now. Add a comment instead.",
        )
      : new AppError("conflict:state", `This draft is ${status.replace("_", " ")}; reopen it before editing.`);
  if (body.content.format !== d.format)
    throw new AppError(
      "validation:format",
      `This draft is a ${d.format.replace("_", " ")}; the edit must keep that format.`,
    );
  const before = DraftContent.parse(d.content);
  if (before.format === "seo_page" && body.content.format === "seo_page" && body.content.slug !== before.slug)
    throw new AppError(
      "validation:slug",
      "The page's slug is fixed once generated; create a new page for another URL.",
    );
  const changed = changedFields(before, body.content);
  if (!changed.length) throw new AppError("validation:unchanged", "Nothing changed: edit a field before saving.");

  const record = DraftRecord.parse(d.record);
  const r = await recheckContent(deps, ctx, { format: d.format as DraftFormat, brief: d.brief, record }, body.content);

  await ctx.db.$transaction(async (tx) => {
    // The generated text is kept as revision 1 the first time anyone edits.
    if ((await repo.countRevisions(tx, id)) === 0)
      await repo.insertRevision(tx, {
        draftId: id,
        workspaceId: ctx.workspaceId,
        version: d.version,
        content: d.content as never,
        text: d.text,
        authorLabel: d.createdById
          ? ((await repo.userNames(tx, [d.createdById])).get(d.createdById) ?? d.createdByLabel)
          : d.createdByLabel,
        authorId: d.createdById,
        note: "Generated",
      });
    const ok = await repo.updateIfVersion(tx, ctx.workspaceId, id, body.version, {
      content: r.content as never,
      text: r.text,
      title: r.title,
      record: r.record as never,
      verdict: r.verdict,
      governanceScore: r.governanceScore,
      groundingScore: r.groundingScore,
      flagLevel: flagLevelOf(r.flags),
      flagCount: r.flags.length,
      flagKinds: flagKindsColumn(r.flags),
    });
    if (!ok) {
      const cur = await repo.findReviewDraft(tx, ctx.workspaceId, id);
      throw stale(cur ?? d, body.version);
    }
    await repo.insertRevision(tx, {
      draftId: id,
      workspaceId: ctx.workspaceId,
      version: d.version + 1,
      content: r.content as never,
      text: r.text,
      checks: { flags: r.flags, governanceScore: r.governanceScore, groundingScore: r.groundingScore } as never,
      authorId: userId(ctx),
      authorLabel: await actorName(tx, ctx),
      note: body.note ?? null,
    });
    await writeFlagKinds(tx, ctx.workspaceId, id, r.flags, true);
    await audit(tx, ctx, {
      action: "draft.edited",
      entityType: "draft",
      entityId: id,
      before: { version: d.version, flags: DraftRecord.parse(d.record).flags.length },
      after: { version: d.version + 1, changedFields: changed, note: body.note ?? null, ...provenance(r.record) },
    });
  });
  queueChanged();
  return getDraft(ctx.db, ctx.workspaceId, id);
}

export async function listRevisions(ctx: WorkspaceCtx, id: string): Promise<RevisionList> {
  if (!(await repo.findReviewDraft(ctx.db, ctx.workspaceId, id))) throw notFound();
  const rows = await repo.listRevisions(ctx.db, ctx.workspaceId, id);
  return {
    items: rows.map((r, i) => {
      const checks = r.checks as { flags?: DraftFlag[] } | null;
      return {
        version: r.version,
        generated: i === 0,
        author: r.authorLabel,
        note: r.note,
        content: DraftContent.parse(r.content),
        text: r.text,
        flags: checks?.flags ?? null,
        createdAt: r.createdAt.toISOString(),
      };
    }),
  };
}

// ---- comments -----------------------------------------------------------------------------------

export async function addComment(ctx: WorkspaceCtx, id: string, raw: unknown): Promise<DraftComment> {
  const body = CommentBody.parse(raw);
  return ctx.db.$transaction(async (tx) => {
    const d = await repo.findReviewDraft(tx, ctx.workspaceId, id);
    if (!d) throw notFound();
    const people = await repo.listPeople(tx, ctx.workspaceId);
    const mentioned = findMentions(body.body, people);
    const author = await actorName(tx, ctx);
    const row = await repo.insertComment(tx, {
      draftId: id,
      workspaceId: ctx.workspaceId,
      authorId: userId(ctx),
      authorLabel: author,
      body: body.body,
      mentions: mentioned.map((p) => p.id),
    });
    const me = userId(ctx);
    const notes: repo.NewNotification[] = mentioned
      .filter((p) => p.id !== me)
      .map((p) => ({
        workspaceId: ctx.workspaceId,
        userId: p.id,
        kind: "mention",
        draftId: id,
        message: `${author} mentioned you on “${d.title}”: ${body.body.slice(0, 140)}`,
      }));
    if (d.createdById && d.createdById !== me && !mentioned.some((p) => p.id === d.createdById))
      notes.push({
        workspaceId: ctx.workspaceId,
        userId: d.createdById,
        kind: "comment",
        draftId: id,
        message: `${author} commented on “${d.title}”: ${body.body.slice(0, 140)}`,
      });
    await repo.insertNotifications(tx, notes);
    await audit(tx, ctx, {
      action: "draft.commented",
      entityType: "draft",
      entityId: id,
      after: { commentId: row.id, mentions: mentioned.map((p) => p.id), length: body.body.length },
    });
    return {
      id: row.id,
      author: row.authorLabel,
      authorId: row.authorId,
      body: row.body,
      mentions: mentioned.map((p) => ({ id: p.id, name: p.name })),
      createdAt: row.createdAt.toISOString(),
    };
  });
}

export async function listComments(ctx: WorkspaceCtx, id: string): Promise<{ items: DraftComment[] }> {
  if (!(await repo.findReviewDraft(ctx.db, ctx.workspaceId, id))) throw notFound();
  const [rows, people] = await Promise.all([
    repo.listComments(ctx.db, ctx.workspaceId, id),
    repo.listPeople(ctx.db, ctx.workspaceId),
  ]);
  const byId = new Map(people.map((p) => [p.id, p.name]));
  return {
    items: rows.map((c) => ({
      id: c.id,
      author: c.authorLabel,
      authorId: c.authorId,
      body: c.body,
      mentions: (c.mentions as string[]).map((uid) => ({ id: uid, name: byId.get(uid) ?? "Former member" })),
      createdAt: c.createdAt.toISOString(),
    })),
  };
}

// ---- the queue ----------------------------------------------------------------------------------

export async function listQueue(ctx: WorkspaceCtx, raw: unknown): Promise<QueuePage> {
  requireRole(ctx, "editor", "work the review queue");
  const q = QueueQuery.parse(raw);
  const me = userId(ctx);
  let assigneeId: string | null | undefined;
  if (q.assignee === "me") {
    if (!me) throw new AppError("bad_request:assignee", "`assignee=me` needs a signed-in person; pass a user id.");
    assigneeId = me;
  } else if (q.assignee === "unassigned") assigneeId = null;
  else assigneeId = q.assignee;
  const filter: repo.QueueFilter = {
    channel: q.channel,
    campaignId: q.campaignId,
    flagKind: q.flagKind,
    assigneeId,
  };
  const after = q.cursor ? decodeQueueCursor(q.cursor) : undefined;
  const settings = await reviewSettings(ctx.db, ctx.workspaceId);
  void sweepSla(ctx.db, ctx.workspaceId, settings.slaHours);
  const breachedBefore = new Date(Date.now() - settings.slaHours * HOUR);
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const [rows, counts, filteredTotal] = await Promise.all([
    repo.listQueueRows(ctx.db, ctx.workspaceId, filter, q.limit, after),
    queueCounts(ctx, me, breachedBefore),
    filtered ? repo.countQueue(ctx.db, ctx.workspaceId, filter) : null,
  ]);
  const total = filteredTotal ?? counts.inReview;
  const page = rows.slice(0, q.limit);
  const names = await repo.userNames(
    ctx.db,
    page.map((r) => r.assigneeId),
  );
  return {
    items: page.map((r) => {
      const since = r.reviewSince ?? r.createdAt;
      return {
        id: r.id,
        title: r.title,
        channel: r.channel as never,
        format: r.format as never,
        status: r.status as DraftStatus,
        version: r.version,
        flagLevel: r.flagLevel,
        flagCount: r.flagCount,
        flagKinds: r.flagKinds.split(",").filter(Boolean) as never,
        campaign: r.campaign,
        dueAt: r.dueAt.getTime() === NO_DEADLINE.getTime() ? null : r.dueAt.toISOString(),
        reviewSince: since.toISOString(),
        slaBreached: since < breachedBefore,
        assignee: r.assigneeId ? { id: r.assigneeId, name: names.get(r.assigneeId) ?? "Former member" } : null,
        governanceScore: r.governanceScore,
        groundingScore: r.groundingScore,
        createdBy: r.createdByLabel,
      };
    }),
    nextCursor:
      rows.length > q.limit
        ? (() => {
            const last = page.at(-1)!;
            return encodeQueueCursor({
              flagLevel: last.flagLevel,
              dueAt: last.dueAt,
              reviewSince: last.reviewSince ?? last.createdAt,
              id: last.id,
            });
          })()
        : null,
    total,
    counts,
    slaHours: settings.slaHours,
  };
}

/** Counts over the whole queue (filters not applied), cached briefly per workspace and person. */
async function queueCounts(ctx: WorkspaceCtx, me: string | null, breachedBefore: Date): Promise<QueuePage["counts"]> {
  const key = `${ctx.workspaceId}\u0000${me ?? ""}`;
  const hit = countsCache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const [inReview, byKind, mine, unassigned, breached] = await Promise.all([
    repo.countQueue(ctx.db, ctx.workspaceId, {}),
    repo.countByKind(ctx.db, ctx.workspaceId),
    me ? repo.countQueue(ctx.db, ctx.workspaceId, { assigneeId: me }) : Promise.resolve(0),
    repo.countQueue(ctx.db, ctx.workspaceId, { assigneeId: null }),
    repo.countBreached(ctx.db, ctx.workspaceId, breachedBefore),
  ]);
  const value = { inReview, byKind, mine, unassigned, breached };
  countsCache.set(key, { at: Date.now(), value });
  return value;
}

// ---- notifications ------------------------------------------------------------------------------

const lastSweep = new Map<string, number>();
const SWEEP_EVERY_MS = 60_000;

/**
 * SLA breaches become notifications: the assignee, or every editor and admin when nobody holds
 * the draft. Idempotent (one per draft per time in queue), throttled per workspace in this process.
 */
export async function sweepSla(db: Tx, workspaceId: string, slaHours: number, force = false): Promise<number> {
  const now = Date.now();
  if (!force && now - (lastSweep.get(workspaceId) ?? 0) < SWEEP_EVERY_MS) return 0;
  lastSweep.set(workspaceId, now);
  try {
    const drafts = await repo.breachedDrafts(db, workspaceId, new Date(now - slaHours * HOUR), 200);
    if (!drafts.length) return 0;
    const reviewers = (await repo.listPeople(db, workspaceId)).filter((p) => hasRole(p.role as never, "editor"));
    const rows: repo.NewNotification[] = [];
    for (const d of drafts) {
      const to = d.assigneeId ? [d.assigneeId] : reviewers.map((r) => r.id);
      for (const u of to)
        rows.push({
          workspaceId,
          userId: u,
          kind: "sla_breached",
          draftId: d.id,
          message: `“${d.title}” has waited for review longer than the ${slaHours} h target.`,
          dedupeKey: `sla:${d.id}:${d.reviewSince?.toISOString() ?? ""}`,
        });
    }
    return await repo.insertNotifications(db, rows);
  } catch {
    // A sweep is best effort; the next one catches up.
    return 0;
  }
}

export async function listNotifications(ctx: WorkspaceCtx, raw: unknown): Promise<NotificationPage> {
  const me = userId(ctx);
  if (!me) throw new AppError("bad_request:notifications", "Notifications belong to people; API keys have none.");
  const q = NotificationQuery.parse(raw);
  const settings = await reviewSettings(ctx.db, ctx.workspaceId);
  await sweepSla(ctx.db, ctx.workspaceId, settings.slaHours);
  const rows = await repo.listNotificationRows(ctx.db, ctx.workspaceId, me, {
    limit: q.limit,
    unreadOnly: q.unread === "true",
    before: q.cursor ? decodeCursor(q.cursor) : undefined,
  });
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((n) => ({
      id: n.id,
      kind: n.kind as never,
      draftId: n.draftId,
      message: n.message,
      read: n.readAt !== null,
      createdAt: n.createdAt.toISOString(),
    })),
    unread: await repo.countUnread(ctx.db, ctx.workspaceId, me),
    nextCursor: rows.length > q.limit ? encodeCursor(page.at(-1)!) : null,
  };
}

export async function markNotificationsRead(ctx: WorkspaceCtx, raw: unknown): Promise<{ updated: number }> {
  const me = userId(ctx);
  if (!me) throw new AppError("bad_request:notifications", "Notifications belong to people; API keys have none.");
  const body = MarkReadBody.parse(raw);
  if (!body.all && !body.ids?.length)
    throw new AppError("validation:notifications", "Say which notifications to mark read, or `all: true`.");
  return { updated: await repo.markRead(ctx.db, ctx.workspaceId, me, body.all ? "all" : body.ids!, new Date()) };
}
