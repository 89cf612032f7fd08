/**
 * The review workflow as data: which action moves a draft from which states to which state, and
 * the least role that may take it. `decide()` in service.ts is the only place that applies it.
 *
 *   draft ──submit──▶ in_review ──approve──▶ approved
 *     ▲                 │  │
 *     │                 │  └──request_changes──▶ changes_requested ──submit──▶ in_review
 *     │                 └──reject──▶ rejected
 *     └──reopen── archived ◀──archive── (draft | in_review | changes_requested | approved | rejected)
 *
 * Scheduling and publishing (approved → scheduled → published) belong to the publishing feature.
 */
import type { DraftStatus } from "@/lib/schemas/drafts";
import type { ReviewAction } from "@/lib/schemas/review";
import { hasRole, type Role } from "@/lib/schemas/roles";

type Transition = { from: readonly DraftStatus[]; to: DraftStatus; role: Role };

export const TRANSITIONS: { [A in ReviewAction]: Transition } = {
  submit: { from: ["draft", "changes_requested"], to: "in_review", role: "marketer" },
  approve: { from: ["in_review"], to: "approved", role: "editor" },
  request_changes: { from: ["in_review"], to: "changes_requested", role: "editor" },
  reject: { from: ["in_review", "changes_requested"], to: "rejected", role: "editor" },
  archive: {
    from: ["draft", "in_review", "changes_requested", "approved", "rejected"],
    to: "archived",
    role: "editor",
  },
  reopen: { from: ["archived", "rejected"], to: "draft", role: "editor" },
};

/** States whose content may still be edited, and the least role that may edit in each. */
const EDITABLE: Partial<Record<DraftStatus, Role>> = {
  draft: "marketer",
  changes_requested: "marketer",
  in_review: "editor",
};

export function canTake(role: Role, status: DraftStatus, action: ReviewAction): boolean {
  const t = TRANSITIONS[action];
  return t.from.includes(status) && hasRole(role, t.role);
}

export function allowedActions(role: Role, status: DraftStatus): ReviewAction[] {
  return (Object.keys(TRANSITIONS) as ReviewAction[]).filter((a) => canTake(role, status, a));
}

export function canEdit(role: Role, status: DraftStatus): boolean {
  const least = EDITABLE[status];
  return least !== undefined && hasRole(role, least);
}

export const STATUS_LABELS: Record<DraftStatus, string> = {
  draft: "draft",
  in_review: "in review",
  approved: "approved",
  changes_requested: "changes requested",
  rejected: "rejected",
  scheduled: "scheduled",
  published: "published",
  archived: "archived",
};

/** Why an action is not possible now, in words a person can act on. */
export function refusal(
  role: Role,
  status: DraftStatus,
  action: ReviewAction,
): { code: "forbidden" | "state"; message: string } {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status)) {
    const states = t.from.map((s) => STATUS_LABELS[s]).join(" or ");
    return {
      code: "state",
      message: `This draft is ${STATUS_LABELS[status]}; it can only be ${pastTense(action)} when it is ${states}.`,
    };
  }
  return {
    code: "forbidden",
    message: `Only ${t.role}s can ${verb(action)} drafts; your role in this workspace is ${role}.`,
  };
}

function verb(a: ReviewAction): string {
  return a === "request_changes" ? "request changes to" : a === "submit" ? "submit" : a;
}

function pastTense(a: ReviewAction): string {
  switch (a) {
    case "submit":
      return "submitted";
    case "approve":
      return "approved";
    case "request_changes":
      return "sent back for changes";
    case "reject":
      return "rejected";
    case "archive":
      return "archived";
    case "reopen":
      return "reopened";
    default: {
      const _exhaustive: never = a;
      return _exhaustive;
    }
  }
}
