import { Badge } from "@/components/ui/badge";
import type { RunSummary } from "@/lib/schemas/golden-sets";
import { CASE_STATUS, RUN_STATUS, isActive, pct, type CaseStatus } from "./format";

export function RunStatusBadge({ status }: { status: RunSummary["status"] }) {
  const s = RUN_STATUS[status];
  return (
    <Badge tone={s.tone} data-testid="run-status">
      {s.label}
    </Badge>
  );
}

export function CaseStatusBadge({ status }: { status: CaseStatus | null }) {
  if (!status) return <Badge tone="neutral">Not run</Badge>;
  const s = CASE_STATUS[status];
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

/** Passing / below threshold, once the run has ended. */
export function PassingBadge({ run, threshold }: { run: Pick<RunSummary, "passing">; threshold?: number }) {
  if (run.passing === null) return null;
  const t = threshold === undefined ? "" : ` ${pct(threshold)}`;
  return run.passing ? (
    <Badge tone="success" data-testid="run-passing">
      Passes the{t} threshold
    </Badge>
  ) : (
    <Badge tone="danger" data-testid="run-passing">
      Below the{t} threshold
    </Badge>
  );
}

/** Cases done of total as a progress bar; announced politely while the run works. */
export function RunProgress({
  run,
  className,
}: {
  run: Pick<RunSummary, "status" | "casesDone" | "casesTotal">;
  className?: string;
}) {
  const active = isActive(run);
  const total = Math.max(run.casesTotal, 0);
  const done = Math.min(run.casesDone, total);
  const text =
    run.status === "queued" ? "Queued, waiting to start" : `${done} of ${total} case${total === 1 ? "" : "s"} done`;
  return (
    <div className={className}>
      <div
        role="progressbar"
        aria-label="Run progress"
        aria-valuemin={0}
        aria-valuemax={total || 1}
        aria-valuenow={done}
        aria-valuetext={text}
        className="bg-muted h-2 w-full min-w-24 overflow-hidden rounded-full"
      >
        <div
          className={active ? "bg-primary h-full transition-[width]" : "bg-muted-foreground/50 h-full"}
          style={{ width: `${total ? (done / total) * 100 : 0}%` }}
        />
      </div>
      <p aria-live="polite" className="text-muted-foreground mt-1 text-xs" data-testid="run-progress-text">
        {text}
      </p>
    </div>
  );
}
