"use client";

import { Archive, Check, MessageSquareWarning, RotateCcw, Send, X, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { StatusBadge } from "@/components/drafts/badges";
import { Spinner } from "@/components/inference/fields";
import type { DraftStatus } from "@/lib/schemas/drafts";
import { ACTION_LABELS, REVIEW_ACTIONS, type ReviewAction, type ReviewState } from "@/lib/schemas/review";
import { AssigneeControl } from "./assignee-control";
import { SlaBadge } from "./sla-badge";

const ACTION_STYLE: Record<ReviewAction, { icon: LucideIcon; variant: ButtonVariant }> = {
  approve: { icon: Check, variant: "primary" },
  submit: { icon: Send, variant: "primary" },
  request_changes: { icon: MessageSquareWarning, variant: "secondary" },
  reject: { icon: X, variant: "danger" },
  archive: { icon: Archive, variant: "ghost" },
  reopen: { icon: RotateCcw, variant: "secondary" },
};

/** "Submit for review", or "Resubmit" when the draft comes back from a change request. */
export function actionLabel(action: ReviewAction, status: DraftStatus): string {
  return action === "submit" && status === "changes_requested" ? "Resubmit" : ACTION_LABELS[action];
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="text-sm font-medium">{children}</dd>
    </div>
  );
}

/**
 * The top of a draft under review: its state, who reviews it and by when, and the decisions the
 * signed-in person may take now (the server's `allowedActions`, in a fixed order).
 */
export function DecisionBar({
  draftId,
  state,
  pending,
  blockedReason,
  onAction,
}: {
  draftId: string;
  state: ReviewState;
  /** The action being sent, if any. */
  pending: ReviewAction | null;
  /** Why decisions are paused (e.g. unsaved edits), or null. */
  blockedReason: string | null;
  onAction: (action: ReviewAction) => void;
}) {
  const actions = REVIEW_ACTIONS.filter((a) => state.allowedActions.includes(a));
  return (
    <section
      id="decision-bar"
      // Focus lands here when the button that opened a decision is gone (the state changed).
      tabIndex={-1}
      aria-label="Review"
      className="border-border bg-card shadow-card mb-4 flex flex-col gap-4 rounded-lg border p-4 outline-none lg:flex-row lg:items-center lg:justify-between"
      data-testid="decision-bar"
    >
      <dl className="flex min-w-0 flex-wrap items-start gap-x-6 gap-y-3 lg:flex-1">
        <Item label="Status">
          <span data-testid="review-status">
            <StatusBadge status={state.status} />
          </span>
        </Item>
        <Item label="Assignee">
          <AssigneeControl draftId={draftId} state={state} />
        </Item>
        <Item label="Review deadline">
          <SlaBadge state={state} />
        </Item>
      </dl>
      {actions.length ? (
        <div className="space-y-1.5 lg:max-w-[60%] lg:shrink-0 lg:text-right">
          <div role="group" aria-label="Decisions" className="flex flex-wrap gap-2 lg:justify-end">
            {actions.map((a) => {
              const { icon: Icon, variant } = ACTION_STYLE[a];
              return (
                <Button
                  key={a}
                  variant={variant}
                  size="sm"
                  disabled={pending !== null || blockedReason !== null}
                  aria-describedby={blockedReason ? `${draftId}-blocked` : undefined}
                  onClick={() => onAction(a)}
                  data-action={a}
                >
                  {pending === a ? <Spinner /> : <Icon aria-hidden="true" />}
                  {actionLabel(a, state.status)}
                </Button>
              );
            })}
          </div>
          {blockedReason ? (
            <p id={`${draftId}-blocked`} className="text-muted-foreground text-xs">
              {blockedReason}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="text-muted-foreground text-sm">
          {state.status === "in_review"
            ? "Waiting for an editor's decision; comments below reach the reviewers."
            : "No decision is yours to take on this draft now."}
        </p>
      )}
    </section>
  );
}
