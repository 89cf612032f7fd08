"use client";

import Link from "next/link";
import { draftHref } from "@/components/drafts/labels";
import { cn } from "@/components/lib/cn";
import { Badge } from "@/components/ui/badge";
import type { DeliveryOut } from "@/lib/schemas/publishing";
import { deliveryStatusView, formatAgo, formatRelative, isReplayable, shortUrl, statusCodeTone } from "./format";

const COLUMNS = ["Event", "Draft", "Endpoint", "Status", "Attempts", "Last code", "Next retry", "Created"];

/**
 * The delivery log as a table: a row per delivery (a click anywhere, or its event button, opens the
 * detail), and for admins a checkbox per finished delivery to replay several at once.
 */
export function DeliveriesTable({
  items,
  now,
  selectable,
  checked,
  openId,
  onToggle,
  onToggleAll,
  onOpen,
}: {
  items: DeliveryOut[];
  now: number;
  selectable: boolean;
  checked: ReadonlySet<string>;
  openId: string | null;
  onToggle: (id: string) => void;
  onToggleAll: (on: boolean) => void;
  onOpen: (d: DeliveryOut) => void;
}) {
  const eligible = items.filter(isReplayable);
  const allChecked = eligible.length > 0 && eligible.every((d) => checked.has(d.id));
  const someChecked = eligible.some((d) => checked.has(d.id));
  return (
    // relative: the sr-only caption is absolutely positioned and would widen the page otherwise.
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-[13px]" data-testid="deliveries-table">
        <caption className="sr-only">Webhook deliveries, newest first</caption>
        <thead className="text-muted-foreground text-xs uppercase">
          <tr>
            {selectable ? (
              <th scope="col" className="w-8 py-2 pr-2 pl-2">
                <input
                  type="checkbox"
                  aria-label="Select every finished delivery on this page"
                  className="accent-primary size-4 align-middle"
                  checked={allChecked}
                  ref={(el) => {
                    if (el) el.indeterminate = someChecked && !allChecked;
                  }}
                  disabled={eligible.length === 0}
                  onChange={(e) => onToggleAll(e.target.checked)}
                />
              </th>
            ) : null}
            {COLUMNS.map((c, i) => (
              <th
                key={c}
                scope="col"
                className={cn("py-2 font-medium whitespace-nowrap", i < COLUMNS.length - 1 && "pr-3")}
              >
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-border divide-y align-top">
          {items.map((d) => {
            const status = deliveryStatusView(d);
            const open = d.id === openId;
            return (
              <tr
                key={d.id}
                data-testid="delivery-row"
                data-delivery-id={d.id}
                data-status={d.status}
                onClick={(e) => {
                  // Links, buttons and checkboxes in the row keep their own meaning.
                  if ((e.target as HTMLElement).closest("a, button, input, label")) return;
                  onOpen(d);
                }}
                className={cn("hover:bg-muted/50 cursor-pointer transition-colors", open && "bg-accent/50")}
              >
                {selectable ? (
                  <td className="py-2.5 pr-2 pl-2">
                    <input
                      type="checkbox"
                      aria-label={`Select the ${d.eventType} delivery ${d.eventId} to ${shortUrl(d.endpoint.url)}`}
                      title={isReplayable(d) ? undefined : "Still being delivered: it can be replayed once it finishes"}
                      className="accent-primary size-4 align-middle"
                      checked={checked.has(d.id)}
                      disabled={!isReplayable(d)}
                      onChange={() => onToggle(d.id)}
                    />
                  </td>
                ) : null}
                <td className="max-w-52 min-w-40 py-2.5 pr-3">
                  <button
                    type="button"
                    onClick={() => onOpen(d)}
                    aria-haspopup="dialog"
                    className="text-foreground focus-visible:outline-ring rounded-sm text-left font-medium break-all underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2"
                  >
                    {d.eventType}
                    <span className="sr-only">: show the attempts of delivery {d.eventId}</span>
                  </button>
                  <div className="text-muted-foreground font-mono text-xs break-all">{d.eventId}</div>
                </td>
                <td className="max-w-48 min-w-28 py-2.5 pr-3">
                  {d.draft ? (
                    <Link href={draftHref(d.draft.id)} className="text-foreground break-words hover:underline">
                      {d.draft.title || "Untitled draft"}
                    </Link>
                  ) : (
                    <span className="text-muted-foreground">—</span>
                  )}
                </td>
                <td className="max-w-44 py-2.5 pr-3">
                  <span className="block truncate font-mono text-xs" title={d.endpoint.url}>
                    {shortUrl(d.endpoint.url)}
                  </span>
                  {d.endpoint.deleted ? <span className="text-muted-foreground text-xs">deleted</span> : null}
                </td>
                <td className="py-2.5 pr-3">
                  <Badge tone={status.tone} data-testid="delivery-status">
                    {status.label}
                  </Badge>
                  {d.status === "dead" && d.deadReason ? (
                    <div className="text-muted-foreground mt-1 max-w-48 text-xs" title={d.deadReason}>
                      <span className="line-clamp-2">{d.deadReason}</span>
                    </div>
                  ) : null}
                </td>
                <td className="py-2.5 pr-3 tabular-nums">{d.attempts}</td>
                <td className="py-2.5 pr-3">
                  {d.lastStatusCode !== null ? (
                    <Badge tone={statusCodeTone(d.lastStatusCode)} className="font-mono tabular-nums">
                      {d.lastStatusCode}
                    </Badge>
                  ) : d.lastError ? (
                    <span className="text-danger text-xs" title={d.lastError}>
                      No answer
                    </span>
                  ) : (
                    <span className="text-muted-foreground">—</span>
                  )}
                </td>
                <td className="py-2.5 pr-3 whitespace-nowrap">
                  {d.status === "pending" && d.nextAttemptAt ? (
                    <time dateTime={d.nextAttemptAt} title={new Date(d.nextAttemptAt).toLocaleString()}>
                      {formatRelative(d.nextAttemptAt, now, { overdue: "due now" })}
                    </time>
                  ) : (
                    <span className="text-muted-foreground">—</span>
                  )}
                </td>
                <td className="text-muted-foreground py-2.5 whitespace-nowrap">
                  <time dateTime={d.createdAt} title={new Date(d.createdAt).toLocaleString()}>
                    {formatAgo(d.createdAt, now)}
                  </time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
