"use client";

import { Check, MessageSquareWarning, RefreshCw } from "lucide-react";
import Link from "next/link";
import { useId } from "react";
import { cn } from "@/components/lib/cn";
import { LocalDate } from "@/components/knowledge/local-date";
import { draftHref, FLAG_KIND_LABELS, FLAG_LEVEL, flagLevelOf, formatGrounding } from "@/components/drafts/labels";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FORMAT_LABELS } from "@/lib/schemas/drafts";
import type { QueueItem } from "@/lib/schemas/review";
import { formatDuration, slaRemaining, slaState } from "./sla";

const COLUMNS = ["Draft", "Flags", "Campaign", "In queue", "Assignee", "Scores", "Actions"];

/** Error-level drafts are decided one at a time (after a confirmation), never in bulk. */
export function bulkEligible(item: QueueItem): boolean {
  return item.flagLevel < 3;
}

/** Stable (module-level), so React calls it once when the element mounts, not on every render. */
function scrollIntoViewOnMount(el: HTMLElement | null): void {
  el?.scrollIntoView({ block: "nearest" });
}

export function rowDomId(tableId: string, draftId: string): string {
  return `${tableId}-row-${draftId}`;
}

export type QueueTableProps = {
  tableId: string;
  items: QueueItem[];
  now: number;
  slaHours: number;
  currentUserId: string;
  activeId: string | null;
  checked: ReadonlySet<string>;
  stale: ReadonlySet<string>;
  busy: ReadonlySet<string>;
  onActivate: (id: string) => void;
  onToggle: (item: QueueItem) => void;
  onToggleAll: (on: boolean) => void;
  onApprove: (item: QueueItem) => void;
  onRequestChanges: (item: QueueItem) => void;
  onAssign: (item: QueueItem, assignee: "me" | null) => void;
  onReload: () => void;
};

/**
 * The queue as a grid: one row per draft, a roving focus (j/k or the arrow keys move it, the row
 * that has it is `aria-selected`), a checkbox per row for bulk approval and per-row actions.
 */
export function QueueTable(p: QueueTableProps) {
  const noteId = useId();
  const eligible = p.items.filter(bulkEligible);
  const allChecked = eligible.length > 0 && eligible.every((i) => p.checked.has(i.id));
  const someChecked = eligible.some((i) => p.checked.has(i.id));
  const hasErrors = eligible.length < p.items.length;
  const focusable = p.items.some((i) => i.id === p.activeId) ? p.activeId : (p.items[0]?.id ?? null);
  return (
    <div className="space-y-2">
      {hasErrors ? (
        <p id={`${noteId}-bulk`} className="text-muted-foreground text-xs">
          Drafts with error-level flags cannot be approved in bulk: open them, or press <b>a</b> and confirm.
        </p>
      ) : null}
      {/* relative: the sr-only header is absolutely positioned and would widen the page otherwise. */}
      <div className="relative overflow-x-auto">
        <table
          id={p.tableId}
          role="grid"
          aria-label="Drafts waiting for review"
          aria-describedby={hasErrors ? `${noteId}-bulk` : undefined}
          className="w-full text-left text-[13px]"
        >
          <thead className="text-muted-foreground text-xs uppercase">
            <tr>
              <th scope="col" className="w-8 py-2 pr-2 pl-2">
                <input
                  type="checkbox"
                  aria-label="Select every draft on this page that can be approved in bulk"
                  className="accent-primary size-4 align-middle"
                  checked={allChecked}
                  ref={(el) => {
                    if (el) el.indeterminate = someChecked && !allChecked;
                  }}
                  disabled={eligible.length === 0}
                  onChange={(e) => p.onToggleAll(e.target.checked)}
                />
              </th>
              {COLUMNS.map((c, i) => (
                <th key={c} scope="col" className={cn("py-2 font-medium", i < COLUMNS.length - 1 && "pr-4")}>
                  {c === "Actions" ? <span className="sr-only">{c}</span> : c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-border divide-y align-top">
            {p.items.map((item) => (
              <Row key={item.id} {...p} item={item} tabbable={item.id === focusable} bulkNoteId={`${noteId}-bulk`} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Row({
  item,
  tableId,
  now,
  slaHours,
  currentUserId,
  activeId,
  checked,
  stale,
  busy,
  tabbable,
  bulkNoteId,
  onActivate,
  onToggle,
  onApprove,
  onRequestChanges,
  onAssign,
  onReload,
}: QueueTableProps & { item: QueueItem; tabbable: boolean; bulkNoteId: string }) {
  const active = item.id === activeId;
  const title = item.title || "Untitled draft";
  const worst = flagLevelOf(item.flagLevel);
  const sla = slaState(item.reviewSince, slaHours, now, item.slaBreached);
  const waited = now - Date.parse(item.reviewSince);
  const isBusy = busy.has(item.id);
  const mine = item.assignee?.id === currentUserId;
  const overdue = item.dueAt !== null && Date.parse(item.dueAt) < now;
  return (
    <>
      <tr
        id={rowDomId(tableId, item.id)}
        data-testid="queue-row"
        data-draft-id={item.id}
        data-flag-level={item.flagLevel}
        tabIndex={tabbable ? 0 : -1}
        aria-selected={active}
        onFocus={() => onActivate(item.id)}
        onClick={() => onActivate(item.id)}
        className={cn(
          "hover:bg-muted/50 cursor-default transition-colors outline-none",
          "focus-visible:outline-ring focus-visible:outline-2 focus-visible:-outline-offset-2",
          "aria-selected:bg-accent/50 aria-selected:shadow-[inset_3px_0_0_var(--color-primary)]",
          isBusy && "opacity-60",
        )}
      >
        <td className="py-2.5 pr-2 pl-2">
          <input
            type="checkbox"
            aria-label={`Select “${title}” for bulk approval`}
            aria-describedby={bulkEligible(item) ? undefined : bulkNoteId}
            title={bulkEligible(item) ? undefined : "Has error-level flags: approve it on its own"}
            className="accent-primary size-4 align-middle"
            checked={checked.has(item.id)}
            disabled={!bulkEligible(item)}
            onChange={() => onToggle(item)}
          />
        </td>
        <td className="max-w-72 min-w-48 py-2.5 pr-4">
          <Link href={draftHref(item.id)} className="text-foreground font-medium break-words hover:underline">
            {title}
          </Link>
          <div className="text-muted-foreground text-xs">{FORMAT_LABELS[item.format]}</div>
          <div className="text-muted-foreground max-w-64 truncate text-xs" title={item.createdBy ?? undefined}>
            by {item.createdBy ?? "API"}
          </div>
        </td>
        <td className="min-w-44 py-2.5 pr-4">
          {worst ? (
            <>
              <div className="flex flex-wrap gap-1">
                {item.flagKinds.map((k) => (
                  <Badge key={k} tone={FLAG_LEVEL[worst].tone}>
                    {FLAG_KIND_LABELS[k]}
                  </Badge>
                ))}
              </div>
              <div className="text-muted-foreground mt-1 text-xs tabular-nums">
                {item.flagCount} {item.flagCount === 1 ? "flag" : "flags"}, worst:{" "}
                {FLAG_LEVEL[worst].label.toLowerCase()}
              </div>
            </>
          ) : (
            <span className="text-muted-foreground">No flags</span>
          )}
        </td>
        <td className="max-w-40 py-2.5 pr-4">
          {item.campaign ? (
            <div className="break-words">{item.campaign.name}</div>
          ) : (
            <span className="text-muted-foreground">—</span>
          )}
          {item.dueAt ? (
            <div className={cn("text-xs", overdue ? "text-danger font-medium" : "text-muted-foreground")}>
              {overdue ? "Overdue since " : "Due "}
              <LocalDate value={item.dueAt} kind="day" />
            </div>
          ) : null}
        </td>
        <td className="py-2.5 pr-4 whitespace-nowrap">
          <div className="tabular-nums">{formatDuration(waited)}</div>
          {sla === "breached" ? (
            <Badge tone="danger" className="mt-1" title={`SLA target ${slaHours} h`}>
              SLA breached
            </Badge>
          ) : sla === "near" ? (
            <Badge tone="warning" className="mt-1" title={`SLA target ${slaHours} h`}>
              SLA: {slaRemaining(item.reviewSince, slaHours, now)}
            </Badge>
          ) : (
            <div className="text-muted-foreground text-xs">{slaRemaining(item.reviewSince, slaHours, now)}</div>
          )}
        </td>
        <td className="py-2.5 pr-4 whitespace-nowrap">
          {item.assignee ? (
            <div className="flex flex-col items-start gap-1">
              <span className={cn(mine && "font-medium")}>{mine ? "You" : item.assignee.name}</span>
              {mine ? (
                <Button
                  variant="ghost"
                  size="sm"
                  className="-ml-3 h-6"
                  disabled={isBusy}
                  aria-label={`Release “${title}”`}
                  onClick={() => onAssign(item, null)}
                >
                  Release
                </Button>
              ) : null}
            </div>
          ) : (
            <div className="flex flex-col items-start gap-1">
              <span className="text-muted-foreground">Unassigned</span>
              <Button
                variant="secondary"
                size="sm"
                className="h-6 px-2"
                disabled={isBusy}
                aria-label={`Claim “${title}”`}
                onClick={() => onAssign(item, "me")}
              >
                Claim
              </Button>
            </div>
          )}
        </td>
        <td className="py-2.5 pr-4 whitespace-nowrap tabular-nums">
          <div>
            <span className="text-muted-foreground">Gov. </span>
            {item.governanceScore}/100
          </div>
          <div>
            <span className="text-muted-foreground">Grnd. </span>
            {formatGrounding(item.groundingScore)}
          </div>
        </td>
        <td className="py-2.5 pr-2 whitespace-nowrap">
          <div className="flex gap-1">
            <Button
              variant="ghost"
              size="icon-sm"
              disabled={isBusy}
              aria-label={`Approve “${title}”`}
              title="Approve (a)"
              onClick={() => onApprove(item)}
            >
              <Check aria-hidden="true" />
            </Button>
            <Button
              variant="ghost"
              size="icon-sm"
              disabled={isBusy}
              aria-label={`Request changes to “${title}”`}
              title="Request changes (r)"
              onClick={() => onRequestChanges(item)}
            >
              <MessageSquareWarning aria-hidden="true" />
            </Button>
          </div>
        </td>
      </tr>
      {stale.has(item.id) ? (
        <tr ref={scrollIntoViewOnMount}>
          <td colSpan={COLUMNS.length + 1} className="bg-warning-subtle px-3 py-2">
            <div role="alert" className="flex flex-wrap items-center gap-3 text-[13px]">
              <span>Someone changed “{title}” since you loaded the queue — reload to see the current version.</span>
              <Button variant="secondary" size="sm" onClick={onReload}>
                <RefreshCw aria-hidden="true" />
                Reload
              </Button>
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}
