"use client";

import { ArrowRight, FileText, ListChecks, RotateCw, X } from "lucide-react";
import Link from "next/link";
import { useState, type Ref } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Loading } from "@/components/inference/fields";
import { formatBytes, formatDateTime, ingestOutcome, JOB_STATUS_LABELS, outcomeSummary } from "./format";
import { ProgressBar } from "./progress-bar";
import type { JobRowModel, JobRowState, KnowledgeJobs } from "./use-knowledge-jobs";

const STATE: Record<JobRowState, { tone: BadgeTone; label: string }> = {
  waiting: { tone: "neutral", label: "Waiting" },
  uploading: { tone: "info", label: "Uploading" },
  "upload-failed": { tone: "danger", label: "Not uploaded" },
  queued: { tone: "neutral", label: JOB_STATUS_LABELS.queued },
  running: { tone: "info", label: JOB_STATUS_LABELS.running },
  succeeded: { tone: "success", label: JOB_STATUS_LABELS.succeeded },
  failed: { tone: "danger", label: JOB_STATUS_LABELS.failed },
  cancelled: { tone: "warning", label: JOB_STATUS_LABELS.cancelled },
};

/** Finished jobs from before this page opened that show before "Show older jobs". */
const HISTORY_ROWS = 5;

/** "ingest" → nothing (the common case); "knowledge.reindex" → "Re-index". */
function kindLabel(kind: string): string | null {
  if (/reindex/i.test(kind)) return "Re-index";
  if (/paste/i.test(kind)) return "Pasted text";
  return null;
}

function RowProgress({ row }: { row: JobRowModel }) {
  const name = `Progress of ${row.label}`;
  switch (row.state) {
    case "waiting":
      return (
        <>
          <ProgressBar label={name} valueText="Waiting to upload" />
          <p className="text-muted-foreground text-xs">Waiting to upload…</p>
        </>
      );
    case "uploading": {
      const { loaded, total } = row.upload ?? { loaded: 0, total: 0 };
      const pct = total > 0 ? Math.round((loaded / total) * 100) : 0;
      return (
        <>
          <ProgressBar label={name} value={pct} max={100} valueText={`Uploading, ${pct}%`} />
          <p className="text-muted-foreground text-xs tabular-nums">
            Uploading · {pct}% of {formatBytes(total)}
          </p>
        </>
      );
    }
    case "queued":
      return (
        <>
          <ProgressBar label={name} valueText="Queued" />
          <p className="text-muted-foreground text-xs">Uploaded · waiting for a worker…</p>
        </>
      );
    case "running": {
      const p = row.job?.progress;
      const known = p && p.total > 0;
      const stage = p?.stage || "Working";
      return (
        <>
          <ProgressBar
            label={name}
            value={known ? p.done : undefined}
            max={known ? p.total : undefined}
            valueText={known ? `${stage} (${p.done} of ${p.total})` : stage}
          />
          <p className="text-muted-foreground text-xs tabular-nums">{stage}</p>
        </>
      );
    }
    case "succeeded": {
      // Jobs from before the page opened are history: no bar, just the outcome.
      if (!row.local) return null;
      const total = Math.max(row.job?.progress.total ?? 1, 1);
      return <ProgressBar label={name} value={total} max={total} valueText="Done" tone="success" />;
    }
    default:
      return null;
  }
}

function JobRow({ row, jobs }: { row: JobRowModel; jobs: KnowledgeJobs }) {
  const state = STATE[row.state];
  const outcome = row.state === "succeeded" ? ingestOutcome(row.job?.result) : null;
  const kind = row.job ? kindLabel(row.job.kind) : null;
  return (
    <li className="py-3" data-state={row.state}>
      <div className="flex items-start gap-3">
        <FileText aria-hidden="true" className="text-muted-foreground mt-0.5 size-4 shrink-0" />
        <div className="min-w-0 flex-1 space-y-2">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="min-w-0 truncate font-medium">{row.label}</span>
            <Badge tone={state.tone}>{state.label}</Badge>
            {kind ? <Badge>{kind}</Badge> : null}
            {row.job ? (
              <span className="text-muted-foreground ml-auto text-xs">{formatDateTime(row.job.createdAt)}</span>
            ) : null}
          </div>
          <RowProgress row={row} />
          {outcome ? (
            <div className="space-y-1">
              <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="job-outcome">
                <span>{outcomeSummary(outcome)}</span>
                <Link
                  href={`/knowledge/${encodeURIComponent(outcome.documentId)}`}
                  className="text-primary inline-flex items-center gap-1 text-[13px] font-medium hover:underline"
                >
                  Open {outcome.title || "document"}
                  <ArrowRight aria-hidden="true" className="size-3.5" />
                </Link>
              </p>
              {outcome.warnings.length > 0 ? (
                <ul
                  className="text-warning list-disc space-y-0.5 pl-5 text-xs"
                  aria-label={`Warnings for ${row.label}`}
                >
                  {outcome.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : row.state === "succeeded" ? (
            <p className="text-sm">Done.</p>
          ) : null}
          {row.state === "failed" || row.state === "upload-failed" || row.state === "cancelled" ? (
            <p className="text-danger text-sm leading-5" data-testid="job-error">
              {row.job?.error?.message ?? row.error ?? "The job stopped."}
            </p>
          ) : null}
        </div>
        {row.state === "waiting" || row.state === "uploading" ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => jobs.cancel(row.key)}
            aria-label={`Cancel upload of ${row.label}`}
          >
            <X aria-hidden="true" />
            Cancel
          </Button>
        ) : row.state === "upload-failed" ? (
          <Button size="sm" variant="ghost" onClick={() => jobs.dismiss(row.key)} aria-label={`Dismiss ${row.label}`}>
            <X aria-hidden="true" />
            Dismiss
          </Button>
        ) : null}
      </div>
    </li>
  );
}

/** Uploads in flight and recent ingest jobs, newest first, with live progress. */
export function JobsList({ jobs, headingRef }: { jobs: KnowledgeJobs; headingRef?: Ref<HTMLHeadingElement> }) {
  const [showAll, setShowAll] = useState(false);
  const running = jobs.rows.some((r) => r.state === "running" || r.state === "queued" || r.state === "uploading");
  // This session's rows and anything unfinished always show; older history is folded after a few.
  let history = 0;
  const visible = showAll
    ? jobs.rows
    : jobs.rows.filter((r) => r.local || r.state === "queued" || r.state === "running" || history++ < HISTORY_ROWS);
  const hidden = jobs.rows.length - visible.length;
  return (
    <Card>
      <CardHeader className="flex-row items-start justify-between gap-3">
        <div className="space-y-1">
          <CardTitle as="h3" ref={headingRef} tabIndex={-1} className="outline-none">
            Ingest jobs
          </CardTitle>
          <CardDescription>
            Each file is extracted, split into chunks and embedded in the background; you can keep working meanwhile.
          </CardDescription>
        </div>
        {running ? (
          <Badge tone="info">
            <RotateCw aria-hidden="true" className="animate-spin" />
            Working
          </Badge>
        ) : null}
      </CardHeader>
      <CardContent>
        {jobs.error ? <Alert tone="danger">{jobs.error.message}</Alert> : null}
        {jobs.isPending && jobs.rows.length === 0 ? (
          <Loading>Loading jobs…</Loading>
        ) : jobs.rows.length === 0 ? (
          <p className="text-muted-foreground flex items-center gap-2 text-sm">
            <ListChecks aria-hidden="true" className="size-4" />
            No ingest jobs yet. Files you upload or text you paste show up here with their progress.
          </p>
        ) : (
          <>
            <ol aria-label="Ingest jobs" className="divide-border -my-3 divide-y">
              {visible.map((row) => (
                <JobRow key={row.key} row={row} jobs={jobs} />
              ))}
            </ol>
            {hidden > 0 || showAll ? (
              <div className="border-border mt-3 border-t pt-3">
                <Button size="sm" variant="ghost" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
                  {showAll ? "Show fewer jobs" : `Show ${hidden} older ${hidden === 1 ? "job" : "jobs"}`}
                </Button>
              </div>
            ) : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}
