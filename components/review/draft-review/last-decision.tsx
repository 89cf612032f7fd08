"use client";

import { Pencil } from "lucide-react";
import { Alert, type AlertTone } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LocalDate } from "@/components/knowledge/local-date";
import type { DraftStatus } from "@/lib/schemas/drafts";
import type { ReviewAction, ReviewState } from "@/lib/schemas/review";

/** How a decision reads while the draft is still in the state it led to (`holds`), and once it moved on. */
type Headline = { now: string; earlier: string; tone: AlertTone; holds: DraftStatus[] };

/** The reviewer's decisions the server keeps (the latest approve / request changes / reject). */
const HEADLINE: Partial<Record<ReviewAction, Headline>> = {
  request_changes: {
    now: "Changes requested",
    earlier: "Changes were requested",
    tone: "warning",
    holds: ["changes_requested"],
  },
  reject: { now: "Rejected", earlier: "Rejected earlier", tone: "danger", holds: ["rejected"] },
  approve: {
    now: "Approved",
    earlier: "Approved earlier",
    tone: "success",
    holds: ["approved", "scheduled", "published"],
  },
};

/**
 * The latest decision, prominent, so the author sees what the reviewer asked for
 * ("Changes requested by Eddie Editor: …") and the way back: edit the copy, then resubmit. Once the
 * draft has moved on (resubmitted, reopened), it stays as context in a quieter tone.
 */
export function LastDecision({ state, editing, onEdit }: { state: ReviewState; editing: boolean; onEdit: () => void }) {
  const d = state.lastDecision;
  const h = d ? HEADLINE[d.action] : undefined;
  if (!d || !h) return null;
  const holds = h.holds.includes(state.status);
  const text = holds ? h.now : h.earlier;
  const tone: AlertTone = holds ? h.tone : "info";
  const followUp = d.action === "request_changes" && state.status === "changes_requested";
  return (
    <Alert
      tone={tone}
      // A standing notice on the page, not an event: no live-region announcement on load.
      role="note"
      className="mb-4"
      data-testid="last-decision"
      title={
        <>
          {text}
          {d.by ? ` by ${d.by}` : ""}
          {d.reason ? ":" : ""}
        </>
      }
    >
      {d.reason ? (
        <blockquote className="text-foreground border-l-2 border-current/20 pl-3 whitespace-pre-wrap">
          {d.reason}
        </blockquote>
      ) : null}
      <p className="text-muted-foreground mt-1 text-xs">
        <LocalDate value={d.at} />
        {!holds && d.action === "request_changes" && state.status === "in_review"
          ? " · since then the draft was edited and resubmitted: the Changes tab shows what changed."
          : ""}
      </p>
      {followUp && (state.canEdit || state.allowedActions.includes("submit")) ? (
        <div className="mt-3 space-y-2">
          <p>
            Edit the copy to address it and save
            {state.allowedActions.includes("submit") ? ", then choose Resubmit above to send it back for review" : ""}.
          </p>
          {state.canEdit && !editing ? (
            <Button size="sm" variant="secondary" onClick={onEdit}>
              <Pencil aria-hidden="true" />
              Edit the copy
            </Button>
          ) : null}
        </div>
      ) : null}
    </Alert>
  );
}
