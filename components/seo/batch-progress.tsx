"use client";

import { ArrowRight, FileSpreadsheet } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Loading } from "@/components/inference/fields";
import { formatInt, plural } from "@/components/knowledge/format";
import { LocalDate } from "@/components/knowledge/local-date";
import { ProgressBar } from "@/components/knowledge/progress-bar";
import type { BatchOut } from "@/lib/schemas/batches";
import { BatchControls } from "./batch-controls";
import { DuplicatePairs, RowErrors } from "./batch-issues";
import { announcement, BATCH_HEADING_ID, draftsHref, etaText, processed, rateText, STATUS } from "./format";
import { useBatch } from "./use-batches";

const COUNTS = [
  { key: "done", label: "Done", hint: "passed every check" },
  { key: "flagged", label: "Flagged", hint: "need a review" },
  { key: "failed", label: "Failed", hint: "no page written" },
  { key: "pending", label: "Pending", hint: "still to write" },
] as const;

function Counts({ batch }: { batch: BatchOut }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="seo-batch-counts">
      {COUNTS.map((c) => (
        <div key={c.key} className="border-border rounded-md border px-3 py-2">
          <dt className="text-muted-foreground text-xs">
            {c.key === "pending" && batch.status === "cancelled" ? "Skipped" : c.label}
          </dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid={`seo-count-${c.key}`}>
            {formatInt(batch[c.key])}
          </dd>
          <dd className="text-muted-foreground text-xs">
            {c.key === "pending" && batch.status === "cancelled" ? "not written: cancelled" : c.hint}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** "1.5 rows a second · about 2 min left" while running; when it started or ended otherwise. */
function Pace({ batch }: { batch: BatchOut }) {
  const parts: string[] = [];
  if (batch.rowsPerSecond) parts.push(rateText(batch.rowsPerSecond));
  if (batch.status === "running")
    parts.push(batch.etaSeconds !== null ? etaText(batch.etaSeconds) : "working out the time left");
  if (batch.status === "queued") parts.push("waiting for a worker");
  return (
    <p className="text-muted-foreground text-sm tabular-nums" data-testid="seo-batch-pace">
      {parts.join(" · ")}
      {parts.length ? " · " : ""}
      {batch.finishedAt ? (
        <>
          ended <LocalDate value={batch.finishedAt} />
        </>
      ) : (
        <>
          started <LocalDate value={batch.startedAt ?? batch.createdAt} />
        </>
      )}
    </p>
  );
}

function DraftsLink({ batch }: { batch: BatchOut }) {
  const written = batch.done + batch.flagged;
  if (batch.status !== "completed" && !(batch.status !== "running" && written > 0)) return null;
  const label = batch.campaign
    ? `Open the drafts of ${batch.campaign.name}`
    : batch.status === "completed"
      ? "Open the SEO page drafts"
      : "Open the pages written so far";
  return (
    <Link
      href={draftsHref(batch)}
      className={buttonVariants({ variant: batch.status === "completed" ? "primary" : "secondary" })}
      data-testid="seo-drafts-link"
    >
      {label}
      <ArrowRight aria-hidden="true" />
    </Link>
  );
}

function BatchView({ batch, focusOnShow }: { batch: BatchOut; focusOnShow: boolean }) {
  const status = STATUS[batch.status];
  const n = processed(batch);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opened by a click (a new batch, a list item): the heading takes the focus; not on a page load.
  useEffect(() => {
    if (focusOnShow) headingRef.current?.focus();
  }, [focusOnShow]);
  return (
    <Card data-testid="seo-batch" data-status={batch.status}>
      <CardHeader className="gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle
            ref={headingRef}
            id={BATCH_HEADING_ID}
            tabIndex={-1}
            className="flex min-w-0 items-center gap-2 outline-none"
          >
            <FileSpreadsheet aria-hidden="true" className="text-muted-foreground size-4 shrink-0" />
            <span className="truncate">{batch.fileName}</span>
          </CardTitle>
          <Badge tone={status.tone} data-testid="seo-batch-status">
            {status.label}
          </Badge>
        </div>
        <p className="text-muted-foreground text-sm">
          {plural(batch.total, "page")} · {batch.template.jsonLdType}
          {batch.campaign ? ` · campaign ${batch.campaign.name}` : ""}
          {batch.createdBy ? ` · started by ${batch.createdBy}` : ""}
        </p>
      </CardHeader>
      <CardContent className="space-y-5">
        <p className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="seo-batch-live">
          {announcement(batch)}
        </p>
        <div className="space-y-2">
          <div className="flex items-baseline justify-between gap-3 text-sm">
            <span className="font-medium tabular-nums">
              {formatInt(n)} of {formatInt(batch.total)} rows
            </span>
            <span className="text-muted-foreground tabular-nums">
              {batch.total ? Math.round((n / batch.total) * 100) : 0}%
            </span>
          </div>
          <ProgressBar
            label={`Progress of ${batch.fileName}`}
            value={n}
            max={batch.total}
            valueText={`${n} of ${batch.total} rows, ${status.label.toLowerCase()}`}
            tone={batch.status === "failed" ? "danger" : batch.status === "completed" ? "success" : "primary"}
          />
          <Pace batch={batch} />
        </div>
        <Counts batch={batch} />
        {batch.status === "failed" ? (
          <Alert tone="danger" title="The batch stopped">
            Its job gave up after several tries (a model or the database may be unreachable). Resume it to go on from
            the first pending row; no row is written twice.
          </Alert>
        ) : null}
        <div className="flex flex-wrap items-start justify-between gap-3">
          <BatchControls batch={batch} />
          <DraftsLink batch={batch} />
        </div>
        <RowErrors batch={batch} />
        <DuplicatePairs batch={batch} />
      </CardContent>
    </Card>
  );
}

/** The progress of one batch, polled every second while it is queued or running. */
export function BatchProgress({ id, focusOnShow = false }: { id: string; focusOnShow?: boolean }) {
  const batch = useBatch(id);
  if (batch.data)
    return (
      <div className="space-y-3">
        {batch.isError ? (
          <Alert tone="warning">The progress could not be refreshed: {batch.error.message}</Alert>
        ) : null}
        <BatchView batch={batch.data} focusOnShow={focusOnShow} />
      </div>
    );
  if (batch.isError)
    return (
      <Alert tone="danger" title="The batch could not be loaded">
        {batch.error.message}
      </Alert>
    );
  return <Loading>Loading the batch…</Loading>;
}
