"use client";

import { Clock } from "lucide-react";
import { useSyncExternalStore } from "react";
import { Badge } from "@/components/ui/badge";
import { LocalDate } from "@/components/knowledge/local-date";
import type { ReviewState } from "@/lib/schemas/review";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function subscribe(onChange: () => void) {
  const t = setInterval(onChange, MINUTE);
  return () => clearInterval(t);
}
/** The current minute (ms), re-rendering once a minute; 0 on the server. */
function useMinute(): number {
  return useSyncExternalStore(
    subscribe,
    () => Math.floor(Date.now() / MINUTE) * MINUTE,
    () => 0,
  );
}

function span(ms: number): string {
  const h = Math.floor(Math.abs(ms) / HOUR);
  if (h >= 48) return `${Math.floor(h / 24)} days`;
  if (h >= 1) return `${h} h`;
  return `${Math.max(1, Math.floor(Math.abs(ms) / MINUTE))} min`;
}

/** The review deadline: time left (or overdue) against the workspace SLA, and the campaign's end date. */
export function SlaBadge({ state }: { state: ReviewState }) {
  const now = useMinute();
  const inReview = state.status === "in_review" && state.reviewSince !== null;
  const due = inReview ? Date.parse(state.reviewSince!) + state.slaHours * HOUR : null;
  return (
    <span className="inline-flex flex-wrap items-center gap-2" data-testid="review-sla">
      {due === null ? (
        <span className="text-muted-foreground text-sm font-normal">Not in review</span>
      ) : state.slaBreached || (now > 0 && now > due) ? (
        <Badge tone="danger" title={`The review SLA is ${state.slaHours} hours`}>
          <Clock aria-hidden="true" />
          SLA breached{now > 0 ? ` · ${span(now - due)} over` : ""}
        </Badge>
      ) : (
        <Badge
          tone={now > 0 && due - now < 4 * HOUR ? "warning" : "neutral"}
          title={`The review SLA is ${state.slaHours} hours`}
        >
          <Clock aria-hidden="true" />
          {now > 0 ? `Due in ${span(due - now)}` : `SLA ${state.slaHours} h`}
        </Badge>
      )}
      {state.dueAt ? (
        <span className="text-muted-foreground text-xs font-normal">
          Campaign ends <LocalDate value={state.dueAt} kind="day" />
        </span>
      ) : null}
    </span>
  );
}
