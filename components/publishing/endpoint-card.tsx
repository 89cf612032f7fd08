"use client";

import { Eye, Pencil, Power, PowerOff, RefreshCw, RotateCw, Send, Trash2 } from "lucide-react";
import Link from "next/link";
import { useId, useState } from "react";
import { Spinner } from "@/components/inference/fields";
import { LocalDate } from "@/components/knowledge/local-date";
import { cn } from "@/components/lib/cn";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ApiError } from "@/lib/query/client";
import { EVENT_TYPE_LABELS, type EndpointOut, type TestEventResult } from "@/lib/schemas/publishing";
import { useRevealSecret, useSendTestEvent, useUpdateEndpoint } from "./api";
import { endpointLogHref, eventLogHref } from "./filters";
import { formatRate, plural } from "./format";
import { SecretBox, type ShownSecret } from "./secret-box";
import { Sparkline } from "./sparkline-chart";

const linkClass = "text-foreground font-medium underline-offset-2 hover:underline";

/**
 * One webhook endpoint: where it points, what it subscribes to, how its last 24 hours went, and
 * the admin's actions (edit, test, rotate or reveal the secret, enable/disable, delete).
 */
export function EndpointCard({
  endpoint: e,
  secret,
  onSecret,
  onDismissSecret,
  onEdit,
  onRotate,
  onDelete,
  onReload,
}: {
  endpoint: EndpointOut;
  /** The secret shown once after create/rotate, or revealed on request. */
  secret: ShownSecret | undefined;
  onSecret: (s: ShownSecret) => void;
  onDismissSecret: () => void;
  onEdit: () => void;
  onRotate: () => void;
  onDelete: () => void;
  onReload: () => void;
}) {
  const id = useId();
  const test = useSendTestEvent();
  const reveal = useRevealSecret();
  const update = useUpdateEndpoint();
  const [tested, setTested] = useState<TestEventResult | null>(null);
  const [stale, setStale] = useState(false);
  const { stats } = e;
  const failedAttempts = stats.attempts - stats.succeeded;

  function toggleEnabled() {
    setStale(false);
    update.mutate(
      {
        id: e.id,
        // The whole endpoint, not just `enabled`: EndpointPatch's schema fills the fields left out
        // with EndpointBody's defaults (allowPrivate false, no headers), which would reset them.
        patch: {
          url: e.url,
          description: e.description,
          eventTypes: e.eventTypes,
          enabled: !e.enabled,
          allowPrivate: e.allowPrivate,
          headers: e.headers,
          version: e.version,
        },
      },
      {
        onError: (err) => {
          if (err instanceof ApiError && err.code === "conflict:stale_version") setStale(true);
        },
      },
    );
  }

  const actionError =
    (test.error && `The test event could not be queued: ${test.error.message}`) ||
    (reveal.error && `The secret could not be revealed: ${reveal.error.message}`) ||
    (update.error &&
      !stale &&
      `The endpoint could not be ${e.enabled ? "disabled" : "enabled"}: ${update.error.message}`) ||
    null;

  return (
    <Card>
      <article aria-labelledby={`${id}-url`} data-testid="endpoint-card" data-endpoint-id={e.id}>
        <div className="space-y-4 p-5">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0 space-y-1">
              <h3
                id={`${id}-url`}
                tabIndex={-1}
                className="font-mono text-sm leading-6 font-semibold break-all outline-none"
              >
                {e.url}
              </h3>
              {e.description ? <p className="text-muted-foreground text-sm">{e.description}</p> : null}
            </div>
            <div className="flex flex-wrap gap-1.5">
              {e.enabled ? <Badge tone="success">Enabled</Badge> : <Badge tone="neutral">Disabled</Badge>}
              {e.allowPrivate ? (
                <Badge tone="warning" title="This endpoint may resolve to loopback, private or link-local addresses">
                  Private addresses allowed
                </Badge>
              ) : null}
            </div>
          </div>

          {!e.enabled ? (
            <Alert tone="warning" title="Disabled: no new deliveries are sent">
              {e.disabledReason ?? "An admin disabled it."} Enable it again when the receiver is ready.
            </Alert>
          ) : null}
          {e.warning ? (
            <Alert tone="warning" title="Check this URL">
              {e.warning}
            </Alert>
          ) : null}
          {stale ? (
            <Alert tone="danger" title="Someone changed this endpoint — reload">
              <Button variant="secondary" size="sm" className="mt-1" onClick={onReload}>
                <RefreshCw aria-hidden="true" />
                Reload
              </Button>
            </Alert>
          ) : null}
          {actionError ? <Alert tone="danger">{actionError}</Alert> : null}
          {secret ? <SecretBox shown={secret} onDismiss={onDismissSecret} /> : null}
          {tested ? (
            <Alert tone="success" title="Test event queued — see deliveries">
              <Link href={eventLogHref(tested.eventId)} className={linkClass}>
                Open the log for <span className="font-mono">{tested.eventId}</span>
              </Link>
            </Alert>
          ) : null}

          <dl className="grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
            <div className="space-y-1">
              <dt className="text-muted-foreground text-xs font-medium">Success, last 24 h</dt>
              <dd className="flex items-center gap-3">
                <span
                  className={cn(
                    "text-xl leading-7 font-semibold tabular-nums",
                    stats.successRate !== null && stats.successRate < 0.9 && "text-danger",
                  )}
                >
                  {formatRate(stats.successRate)}
                </span>
                <Sparkline values={stats.sparkline} successRate={stats.successRate} />
              </dd>
              <dd className="text-muted-foreground text-xs tabular-nums">
                {stats.attempts === 0
                  ? "No attempts"
                  : `${plural(stats.attempts, "attempt")}${failedAttempts ? `, ${failedAttempts} failed` : ", all succeeded"}`}
              </dd>
            </div>
            <div className="space-y-1">
              <dt className="text-muted-foreground text-xs font-medium">Waiting</dt>
              <dd className="space-x-3 tabular-nums">
                <Link href={endpointLogHref(e.id, "pending")} className={linkClass}>
                  {stats.pending} pending
                </Link>
                <Link href={endpointLogHref(e.id, "dead")} className={cn(linkClass, stats.dead > 0 && "text-danger")}>
                  {stats.dead} dead
                </Link>
              </dd>
              <dd>
                <Link href={endpointLogHref(e.id)} className="text-muted-foreground text-xs hover:underline">
                  All deliveries to this endpoint
                </Link>
              </dd>
            </div>
            <div className="space-y-1">
              <dt className="text-muted-foreground text-xs font-medium">Signing secret</dt>
              <dd className="font-mono text-xs">
                <span className="sr-only">ends in </span>
                <span aria-hidden="true">••••••</span>
                {e.secretLast4}
              </dd>
              {e.previousSecretUntil ? (
                <dd className="text-muted-foreground text-xs">
                  The previous secret also signs until <LocalDate value={e.previousSecretUntil} />
                </dd>
              ) : null}
            </div>
            <div className="space-y-1">
              <dt className="text-muted-foreground text-xs font-medium">Custom headers</dt>
              <dd className="text-xs">
                {Object.keys(e.headers).length ? (
                  <span className="font-mono break-all">{Object.keys(e.headers).join(", ")}</span>
                ) : (
                  <span className="text-muted-foreground">None</span>
                )}
              </dd>
            </div>
          </dl>

          <div className="space-y-1.5">
            <p className="text-muted-foreground text-xs font-medium">Events</p>
            <ul className="flex flex-wrap gap-1.5" aria-label="Subscribed events">
              {e.eventTypes.map((t) => (
                <li key={t}>
                  <Badge tone="brand" title={EVENT_TYPE_LABELS[t]} className="font-mono">
                    {t}
                  </Badge>
                </li>
              ))}
            </ul>
          </div>
        </div>

        <div
          role="group"
          aria-label={`Actions for ${e.url}`}
          className="border-border flex flex-wrap items-center gap-2 border-t px-5 py-3"
        >
          <Button variant="secondary" size="sm" onClick={onEdit}>
            <Pencil aria-hidden="true" />
            Edit
          </Button>
          <Button
            variant="secondary"
            size="sm"
            disabled={test.isPending}
            onClick={() => {
              setTested(null);
              test.mutate(e.id, { onSuccess: setTested });
            }}
          >
            {test.isPending ? <Spinner /> : <Send aria-hidden="true" />}
            Send test event
          </Button>
          <Button variant="secondary" size="sm" onClick={onRotate}>
            <RotateCw aria-hidden="true" />
            Rotate secret
          </Button>
          <Button
            variant="ghost"
            size="sm"
            disabled={reveal.isPending}
            onClick={() =>
              reveal.mutate(e.id, {
                onSuccess: (r) => onSecret({ endpointId: e.id, secret: r.secret, kind: "revealed" }),
              })
            }
          >
            {reveal.isPending ? <Spinner /> : <Eye aria-hidden="true" />}
            Reveal secret
          </Button>
          <Button variant="ghost" size="sm" disabled={update.isPending} onClick={toggleEnabled}>
            {update.isPending ? (
              <Spinner />
            ) : e.enabled ? (
              <PowerOff aria-hidden="true" />
            ) : (
              <Power aria-hidden="true" />
            )}
            {e.enabled ? "Disable" : "Enable"}
          </Button>
          <Button variant="ghost" size="sm" className="text-danger sm:ml-auto" onClick={onDelete}>
            <Trash2 aria-hidden="true" />
            Delete
          </Button>
        </div>
      </article>
    </Card>
  );
}
