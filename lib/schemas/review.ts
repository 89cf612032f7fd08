/**
 * The review workflow's contract: states, decisions, the queue, comments, revisions and
 * notifications. One schema per shape, shared by the forms, the internal routes and API v1.
 */
import { z } from "zod";
import { Channel } from "./brand";
import { DraftContent, DraftFlag, DraftFormat, DraftStatus, FlagKind } from "./drafts";

// ---- decisions ------------------------------------------------------------------------------

/** What a person can do to a draft's state. Publishing transitions belong to the publishing feature. */
export const REVIEW_ACTIONS = ["submit", "approve", "request_changes", "reject", "archive", "reopen"] as const;
export const ReviewAction = z.enum(REVIEW_ACTIONS);
export type ReviewAction = z.infer<typeof ReviewAction>;

export const ACTION_LABELS: Record<ReviewAction, string> = {
  submit: "Submit for review",
  approve: "Approve",
  request_changes: "Request changes",
  reject: "Reject",
  archive: "Archive",
  reopen: "Reopen as draft",
};

/** Actions that must say why (shown to the author, stored with the decision and as an eval candidate). */
export const REASON_REQUIRED: readonly ReviewAction[] = ["request_changes", "reject"];

export const DecisionBody = z
  .object({
    action: ReviewAction,
    /** The version the person saw; a different current version is a 409 (someone changed it). */
    version: z.number().int().min(1),
    reason: z.string().trim().max(2000).optional(),
  })
  .superRefine((b, ctx) => {
    if (REASON_REQUIRED.includes(b.action) && (b.reason ?? "").length < 3)
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message:
          b.action === "reject"
            ? "Say why the draft is rejected (at least 3 characters)"
            : "Say what needs to change (at least 3 characters)",
      });
  });
export type DecisionBody = z.input<typeof DecisionBody>;

export const DecisionResult = z.object({
  id: z.string(),
  status: DraftStatus,
  version: z.number().int(),
});
export type DecisionResult = z.infer<typeof DecisionResult>;

/** Approve many drafts at once: only drafts without error-level flags are approved. */
export const BulkApproveBody = z.object({
  items: z
    .array(z.object({ id: z.string().min(1).max(100), version: z.number().int().min(1) }))
    .min(1, "Select at least one draft")
    .max(100, "Approve at most 100 drafts at once"),
});
export type BulkApproveBody = z.infer<typeof BulkApproveBody>;

export const BulkApproveResult = z.object({
  approved: z.array(z.string()),
  skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
});
export type BulkApproveResult = z.infer<typeof BulkApproveResult>;

/** `"me"` claims the draft; a user id assigns it; null releases it. */
export const AssignBody = z.object({ assignee: z.union([z.literal("me"), z.string().min(1).max(100)]).nullable() });
export type AssignBody = z.infer<typeof AssignBody>;

// ---- editing --------------------------------------------------------------------------------

export const EditDraftBody = z.object({
  version: z.number().int().min(1),
  content: DraftContent,
  /** Optional note for the revision history. */
  note: z.string().trim().max(500).optional(),
});
export type EditDraftBody = z.infer<typeof EditDraftBody>;

export const Person = z.object({ id: z.string(), name: z.string() });
export type Person = z.infer<typeof Person>;

export const DraftRevision = z.object({
  version: z.number().int(),
  /** Revision 1 is what the pipeline generated. */
  generated: z.boolean(),
  author: z.string().nullable(),
  note: z.string().nullable(),
  content: DraftContent,
  text: z.string(),
  /** Flags after the re-check of this revision (null for the generated one: see the draft record). */
  flags: z.array(DraftFlag).nullable(),
  createdAt: z.iso.datetime(),
});
export type DraftRevision = z.infer<typeof DraftRevision>;

export const RevisionList = z.object({ items: z.array(DraftRevision) });
export type RevisionList = z.infer<typeof RevisionList>;

// ---- comments -------------------------------------------------------------------------------

export const CommentBody = z.object({
  /** Plain text, rendered as text (never HTML). `@name` or `@email` mentions a workspace member. */
  body: z.string().trim().min(1, "Write a comment first").max(5000, "Keep comments under 5,000 characters"),
});
export type CommentBody = z.infer<typeof CommentBody>;

export const DraftComment = z.object({
  id: z.string(),
  author: z.string(),
  authorId: z.string().nullable(),
  body: z.string(),
  mentions: z.array(Person),
  createdAt: z.iso.datetime(),
});
export type DraftComment = z.infer<typeof DraftComment>;

export const CommentList = z.object({ items: z.array(DraftComment) });
export type CommentList = z.infer<typeof CommentList>;

// ---- review state of one draft ----------------------------------------------------------------

export const ReviewState = z.object({
  draftId: z.string(),
  status: DraftStatus,
  version: z.number().int(),
  assignee: Person.nullable(),
  /** When it entered the queue (null when not in review). */
  reviewSince: z.iso.datetime().nullable(),
  /** Campaign deadline, when the draft belongs to a campaign with an end date. */
  dueAt: z.iso.datetime().nullable(),
  slaHours: z.number().int(),
  slaBreached: z.boolean(),
  lastDecision: z
    .object({
      action: ReviewAction,
      by: z.string().nullable(),
      at: z.iso.datetime(),
      reason: z.string().nullable(),
    })
    .nullable(),
  /** What the signed-in person may do now (role × state). */
  allowedActions: z.array(ReviewAction),
  canEdit: z.boolean(),
  canAssign: z.boolean(),
  /** Workspace members, for assignment and @mentions. */
  people: z.array(Person.extend({ role: z.string() })),
});
export type ReviewState = z.infer<typeof ReviewState>;

// ---- the queue --------------------------------------------------------------------------------

export const QueueQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(300).optional(),
  channel: Channel.optional(),
  campaignId: z.string().max(100).optional(),
  flagKind: FlagKind.optional(),
  /** `me`, `unassigned`, or a user id. */
  assignee: z.string().max(100).optional(),
});
export type QueueQuery = z.input<typeof QueueQuery>;

export const QueueItem = z.object({
  id: z.string(),
  title: z.string(),
  channel: Channel,
  format: DraftFormat,
  status: DraftStatus,
  version: z.number().int(),
  /** 0 none, 1 suggestion, 2 warning, 3 error. */
  flagLevel: z.number().int(),
  flagCount: z.number().int(),
  flagKinds: z.array(FlagKind),
  campaign: z.object({ id: z.string(), name: z.string() }).nullable(),
  dueAt: z.iso.datetime().nullable(),
  reviewSince: z.iso.datetime(),
  slaBreached: z.boolean(),
  assignee: Person.nullable(),
  governanceScore: z.number().int(),
  groundingScore: z.number().nullable(),
  createdBy: z.string().nullable(),
});
export type QueueItem = z.infer<typeof QueueItem>;

export const QueuePage = z.object({
  items: z.array(QueueItem),
  nextCursor: z.string().nullable(),
  /** Drafts matching the filters (all pages). */
  total: z.number().int(),
  /** Over the whole queue (filters not applied), so the filter chips can show counts. */
  counts: z.object({
    inReview: z.number().int(),
    byKind: z.partialRecord(FlagKind, z.number().int()),
    mine: z.number().int(),
    unassigned: z.number().int(),
    breached: z.number().int(),
  }),
  slaHours: z.number().int(),
});
export type QueuePage = z.infer<typeof QueuePage>;

// ---- notifications ------------------------------------------------------------------------------

export const NOTIFICATION_KINDS = [
  "assigned",
  "decision",
  "sla_breached",
  "mention",
  "comment",
  "resubmitted",
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);

export const NotificationItem = z.object({
  id: z.string(),
  kind: NotificationKind,
  draftId: z.string().nullable(),
  message: z.string(),
  read: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type NotificationItem = z.infer<typeof NotificationItem>;

export const NotificationPage = z.object({
  items: z.array(NotificationItem),
  unread: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

export const NotificationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(300).optional(),
  unread: z.enum(["true", "false"]).optional(),
});

export const MarkReadBody = z.object({
  ids: z.array(z.string().max(100)).max(200).optional(),
  all: z.boolean().optional(),
});
export type MarkReadBody = z.infer<typeof MarkReadBody>;

// ---- settings -----------------------------------------------------------------------------------

export const ReviewSettings = z.object({
  slaHours: z
    .number()
    .int()
    .min(1, "At least one hour")
    .max(24 * 30, "At most 30 days"),
  emailNotifications: z.boolean(),
});
export type ReviewSettings = z.infer<typeof ReviewSettings>;
