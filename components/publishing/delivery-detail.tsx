"use client";

import { ChevronRight, RotateCcw } from "lucide-react";
import Link from "next/link";
import { draftHref } from "@/components/drafts/labels";
import { Loading, Spinner } from "@/components/inference/fields";
import { cn } from "@/components/lib/cn";
import { Dialog } from "@/components/review/queue/dialog";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { AttemptOut, DeliveryDetail as Detail } from "@/lib/schemas/publishing";
import { useDelivery, useReplay } from "./api";
import {
  OUTCOME_LABELS,
  deliveryStatusView,
  eventTypeLabel,
  formatAgo,
  formatRelative,
  isReplayable,
  prettyJson,
  statusCodeTone,
} from "./format";

const dateTime = (iso: string) => new Date(iso).toLocaleString();

/**
 * One delivery in full: its state, every attempt (status code, outcome, latency, error, the first
 * bytes of the response as plain text) and the signed body, with a Replay button for admins.
 */
export function DeliveryDetailDialog({
  id,
  now,
  canReplay,
  onClose,
}: {
  id: string | null;
  now: number;
  canReplay: boolean;
  onClose: () => void;
}) {
  const q = useDelivery(id);
  const d = q.data && q.data.id === id ? q.data : undefined;
  return (
    <Dialog
      open={id !== null}
      onClose={onClose}
      title={d ? `Delivery of ${d.eventType}` : "Delivery"}
      description={d ? eventTypeLabel(d.eventType) : undefined}
      className="w-[min(52rem,calc(100vw-2rem))]"
    >
      {id === null ? null : q.isError ? (
        <Alert tone="danger" title="The delivery could not be loaded">
          {q.error.message}
        </Alert>
      ) : !d ? (
        <Loading>Loading the delivery…</Loading>
      ) : (
        <DetailBody key={d.id} d={d} now={now} canReplay={canReplay} />
      )}
    </Dialog>
  );
}

function DetailBody({ d, now, canReplay }: { d: Detail; now: number; canReplay: boolean }) {
  const status = deliveryStatusView(d);
  const replay = useReplay();
  const result = replay.data;
  return (
    <div className="space-y-5" data-testid="delivery-detail">
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <Item label="Status">
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={status.tone} data-testid="detail-status">
              {status.label}
            </Badge>
            {d.status === "pending" && d.nextAttemptAt ? (
              <span className="text-muted-foreground text-xs">
                next attempt {formatRelative(d.nextAttemptAt, now, { overdue: "due now" })}
              </span>
            ) : null}
            {d.deliveredAt ? (
              <span className="text-muted-foreground text-xs">delivered {formatAgo(d.deliveredAt, now)}</span>
            ) : null}
          </span>
        </Item>
        <Item label="Event id">
          <code className="font-mono text-xs break-all">{d.eventId}</code>
        </Item>
        <Item label="Endpoint">
          <span className="font-mono text-xs break-all">{d.endpoint.url}</span>
          {d.endpoint.deleted ? <span className="text-muted-foreground text-xs"> (deleted)</span> : null}
        </Item>
        <Item label="Draft">
          {d.draft ? (
            <Link href={draftHref(d.draft.id)} className="underline-offset-2 hover:underline">
              {d.draft.title || "Untitled draft"}
            </Link>
          ) : (
            <span className="text-muted-foreground">—</span>
          )}
        </Item>
        <Item label="Created">
          <time dateTime={d.createdAt}>{dateTime(d.createdAt)}</time>
        </Item>
        <Item label="Attempts">
          <span className="tabular-nums">{d.attempts}</span>
        </Item>
      </dl>

      {d.status === "dead" && d.deadReason ? (
        <Alert tone="danger" role="status" title="Dead-lettered">
          {d.deadReason}
        </Alert>
      ) : null}

      <section aria-labelledby={`attempts-${d.id}`} className="space-y-2">
        <h3 id={`attempts-${d.id}`} className="text-sm font-semibold">
          Attempts
        </h3>
        {d.attemptLog.length === 0 ? (
          <p className="text-muted-foreground text-sm">
            {d.status === "pending" || d.status === "delivering" ? "Not attempted yet." : "No attempt was made."}
          </p>
        ) : (
          <ol className="space-y-2" data-testid="attempt-log">
            {[...d.attemptLog]
              .sort((a, b) => b.attempt - a.attempt)
              .map((a) => (
                <AttemptItem key={a.attempt} a={a} now={now} />
              ))}
          </ol>
        )}
      </section>

      <details className="group border-border rounded-md border">
        <summary className="hover:bg-muted/50 focus-visible:outline-ring flex cursor-pointer list-none items-center gap-1.5 rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 [&::-webkit-details-marker]:hidden">
          <ChevronRight aria-hidden="true" className="size-4 transition-transform group-open:rotate-90" />
          Signed body (JSON)
        </summary>
        <pre
          data-testid="delivery-body"
          className="bg-muted/50 border-border max-h-80 overflow-auto border-t px-3 py-2 font-mono text-xs leading-5 break-words whitespace-pre-wrap"
        >
          {prettyJson(d.body)}
        </pre>
      </details>

      {canReplay ? (
        <div className="border-border space-y-3 border-t pt-4">
          {result ? (
            result.replayed.length ? (
              <Alert tone="success" title="Replay queued">
                A new delivery with the same event id is on its way; it shows in the log.
              </Alert>
            ) : (
              <Alert tone="warning" title="Not replayed">
                {result.skipped[0]?.reason ?? "The server skipped it."}
              </Alert>
            )
          ) : null}
          {replay.error ? <Alert tone="danger">{replay.error.message}</Alert> : null}
          <div className="flex items-center justify-end gap-3">
            {!isReplayable(d) ? (
              <p className="text-muted-foreground text-xs">It can be replayed once it has succeeded or died.</p>
            ) : null}
            <Button
              variant="secondary"
              disabled={!isReplayable(d) || replay.isPending}
              onClick={() => replay.mutate({ ids: [d.id] })}
            >
              {replay.isPending ? <Spinner /> : <RotateCcw aria-hidden="true" />}
              Replay
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0 space-y-0.5">
      <dt className="text-muted-foreground text-xs font-medium">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function AttemptItem({ a, now }: { a: AttemptOut; now: number }) {
  const outcome = OUTCOME_LABELS[a.outcome];
  return (
    <li
      data-testid="attempt"
      data-outcome={a.outcome}
      className={cn(
        "border-border rounded-md border px-3 py-2.5 text-sm",
        a.outcome !== "success" && a.outcome !== "skipped" && "border-danger-border",
      )}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-medium">Attempt {a.attempt}</span>
        <time dateTime={a.startedAt} className="text-muted-foreground text-xs">
          {dateTime(a.startedAt)}
        </time>
        {a.statusCode !== null ? (
          <Badge tone={statusCodeTone(a.statusCode)} className="font-mono tabular-nums" data-testid="attempt-code">
            {a.statusCode}
          </Badge>
        ) : null}
        <Badge tone={outcome.tone}>{outcome.label}</Badge>
        <span className="text-muted-foreground text-xs tabular-nums">{a.durationMs} ms</span>
      </div>
      {a.error ? (
        <p className="text-danger mt-1.5 text-xs leading-5 break-words" data-testid="attempt-error">
          {a.error}
        </p>
      ) : null}
      {a.nextRetryAt ? (
        <p className="text-muted-foreground mt-1 text-xs" data-testid="attempt-next-retry">
          Next retry{" "}
          <time dateTime={a.nextRetryAt} title={dateTime(a.nextRetryAt)}>
            {formatRelative(a.nextRetryAt, now, { overdue: `was due ${formatAgo(a.nextRetryAt, now)}` })}
          </time>{" "}
          ({dateTime(a.nextRetryAt)})
        </p>
      ) : null}
      {a.responseSnippet ? (
        <div className="mt-2">
          <p className="text-muted-foreground mb-1 text-xs font-medium">Response (first bytes, as text)</p>
          <pre
            data-testid="attempt-response"
            className="bg-muted/50 border-border max-h-40 overflow-auto rounded border px-2 py-1.5 font-mono text-xs leading-5 break-all whitespace-pre-wrap"
          >
            {a.responseSnippet}
          </pre>
        </div>
      ) : null}
    </li>
  );
}
