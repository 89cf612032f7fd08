"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { CheckCheck, SearchX } from "lucide-react";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useEffectEvent, useId, useMemo, useRef, useState } from "react";
import { useCampaigns } from "@/components/campaigns/use-campaigns";
import { draftHref } from "@/components/drafts/labels";
import { Loading } from "@/components/inference/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { api, ApiError } from "@/lib/query/client";
import type { QueueItem, QueuePage } from "@/lib/schemas/review";
import { reviewKeys, type QueueFilters as Filters } from "../keys";
import { ApproveDialog } from "./approve-dialog";
import { filtersFromParams, hasFilters, NO_FILTERS, queueQueryString } from "./filters";
import { QueueCounts } from "./queue-counts";
import { QueueFilters } from "./queue-filters";
import { bulkEligible, QueueTable, rowDomId } from "./queue-table";
import { RequestChangesDialog } from "./request-changes-dialog";
import { shortcutsBlocked } from "./shortcuts";
import { Kbd, ShortcutsDialog } from "./shortcuts-dialog";
import { useAssign, useBulkApprove, useDecision, type QueueDecision } from "./use-queue-actions";
import { useNow } from "./use-now";

const PAGE_SIZE = 25;

type DialogState = { kind: "request" | "approve"; item: QueueItem } | { kind: "help" } | null;
type BulkOutcome = { approved: number; skipped: { id: string; title: string; reason: string }[] };

function add(set: ReadonlySet<string>, id: string): Set<string> {
  return new Set(set).add(id);
}
function without(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  next.delete(id);
  return next;
}
function quoted(item: QueueItem): string {
  return `“${item.title || "Untitled draft"}”`;
}
function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : "Something went wrong. Try again.";
}

/**
 * The editors' queue: counts, filters (kept in the URL, so a filtered queue can be shared and the
 * back button undoes a filter), the drafts in priority order, keyboard-driven decisions and bulk
 * approval. The server sorts and pages; this component only shows and acts.
 */
export function ReviewQueue({
  workspaceId,
  currentUserId,
  isAdmin,
}: {
  workspaceId: string;
  currentUserId: string;
  isAdmin: boolean;
}) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFromParams(searchParams), [searchParams]);
  const filterKey = queueQueryString(filters);
  const setFilters = useCallback((next: Filters) => {
    // Next.js syncs pushState with useSearchParams: no server round trip, and Back restores the filter.
    window.history.pushState(null, "", `/review${queueQueryString(next)}`);
  }, []);

  // A stack of cursors per filter set: new filters start again from the first page.
  const [stack, setStack] = useState<{ key: string; cursors: string[] }>({ key: filterKey, cursors: [] });
  const cursors = stack.key === filterKey ? stack.cursors : [];
  const cursor = cursors.at(-1);
  const pageNo = cursors.length + 1;

  const queue = useQuery({
    queryKey: reviewKeys.queue(workspaceId, filters, cursor),
    queryFn: () =>
      api<QueuePage>(
        `/api/review/queue${queueQueryString(filters, { limit: String(PAGE_SIZE), cursor: cursor ?? "" })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const campaigns = useCampaigns();
  const decision = useDecision();
  const bulk = useBulkApprove();
  const assign = useAssign();
  const now = useNow();

  const items = useMemo(() => queue.data?.items ?? [], [queue.data]);
  const tableId = useId();
  const [activeId, setActiveId] = useState<string | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set());
  const [stale, setStale] = useState<ReadonlySet<string>>(() => new Set());
  const [busy, setBusy] = useState<ReadonlySet<string>>(() => new Set());
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [bulkOutcome, setBulkOutcome] = useState<BulkOutcome | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);

  const active = items.find((i) => i.id === activeId) ?? null;
  const selected = items.filter((i) => checked.has(i.id) && bulkEligible(i));

  // Focus follows the keyboard selection (and moves to the next row when a decided row leaves).
  const wantFocus = useRef<string | null>(null);
  useEffect(() => {
    const id = wantFocus.current;
    if (!id) return;
    const el = document.getElementById(rowDomId(tableId, id));
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "nearest" });
    // An open modal dialog makes the row inert: try again after the dialog has closed.
    if (document.activeElement === el) wantFocus.current = null;
  });
  function moveTo(item: QueueItem | undefined) {
    if (!item) return;
    wantFocus.current = item.id;
    if (item.id === activeId) {
      const el = document.getElementById(rowDomId(tableId, item.id));
      el?.focus({ preventScroll: true });
      el?.scrollIntoView({ block: "nearest" });
      wantFocus.current = null;
    } else setActiveId(item.id);
  }

  function changeFilters(next: Filters) {
    setChecked(new Set());
    setBulkOutcome(null);
    setFilters(next);
  }

  function reload() {
    setStale(new Set());
    setError(null);
    void queue.refetch();
  }

  /** Sends a decision; resolves with the error for a dialog to show (null when done or handled here). */
  async function decide(item: QueueItem, action: QueueDecision, reason: string | undefined, fromDialog: boolean) {
    setError(null);
    setBulkOutcome(null);
    const at = items.findIndex((i) => i.id === item.id);
    const following = items[at + 1] ?? items[at - 1];
    setBusy((s) => add(s, item.id));
    try {
      await decision.mutateAsync({ item, action, reason });
      setDialog(null);
      setChecked((s) => without(s, item.id));
      if (activeId === item.id) {
        setActiveId(following?.id ?? null);
        wantFocus.current = following?.id ?? null;
      }
      setAnnouncement(
        action === "approve"
          ? `Approved ${quoted(item)}.`
          : `Changes requested on ${quoted(item)}: it went back to its author.`,
      );
      return null;
    } catch (e) {
      if (e instanceof ApiError && e.code === "conflict:stale_version") {
        setDialog(null);
        setStale((s) => add(s, item.id));
        return null;
      }
      if (fromDialog) return e;
      setError(`${quoted(item)}: ${messageOf(e)}`);
      if (e instanceof ApiError && e.status === 409) void queue.refetch();
      return e;
    } finally {
      setBusy((s) => without(s, item.id));
    }
  }

  function approve(item: QueueItem) {
    if (item.flagLevel >= 3) setDialog({ kind: "approve", item });
    else void decide(item, "approve", undefined, false);
  }

  async function changeAssignee(item: QueueItem, assignee: "me" | null) {
    setError(null);
    setBusy((s) => add(s, item.id));
    try {
      await assign.mutateAsync({ item, assignee });
      setAnnouncement(assignee ? `You claimed ${quoted(item)}.` : `You released ${quoted(item)}.`);
    } catch (e) {
      setError(`${quoted(item)}: ${messageOf(e)}`);
      if (e instanceof ApiError && e.status === 409) void queue.refetch();
    } finally {
      setBusy((s) => without(s, item.id));
    }
  }

  async function approveSelected() {
    if (!selected.length) return;
    setError(null);
    setBulkOutcome(null);
    const titles = new Map(selected.map((i) => [i.id, i.title || "Untitled draft"]));
    try {
      const r = await bulk.mutateAsync(selected);
      setChecked(new Set());
      const skipped = r.skipped.map((s) => ({ ...s, title: titles.get(s.id) ?? s.id }));
      setBulkOutcome({ approved: r.approved.length, skipped });
      setAnnouncement(
        `Approved ${r.approved.length} ${r.approved.length === 1 ? "draft" : "drafts"}` +
          (skipped.length ? `, skipped ${skipped.length}.` : "."),
      );
    } catch (e) {
      setError(messageOf(e));
    }
  }

  function toggle(item: QueueItem) {
    if (!bulkEligible(item)) {
      setAnnouncement(`${quoted(item)} has error-level flags and cannot be approved in bulk.`);
      return;
    }
    setChecked((s) => (s.has(item.id) ? without(s, item.id) : add(s, item.id)));
  }

  const onKeyDown = useEffectEvent((e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (shortcutsBlocked(e.target)) return;
    if (e.key === "?") {
      e.preventDefault();
      setDialog({ kind: "help" });
      return;
    }
    if (!items.length) return;
    const onRow = e.target instanceof HTMLElement && e.target.matches("tr[data-draft-id]");
    const at = items.findIndex((i) => i.id === activeId);
    const arrows = e.key === "ArrowDown" || e.key === "ArrowUp";
    if (arrows && !onRow) return;
    switch (e.key) {
      case "j":
      case "ArrowDown":
        e.preventDefault();
        moveTo(items[at < 0 ? 0 : Math.min(at + 1, items.length - 1)]);
        return;
      case "k":
      case "ArrowUp":
        e.preventDefault();
        moveTo(items[at < 0 ? 0 : Math.max(at - 1, 0)]);
        return;
    }
    const handled = ["Enter", "o", "a", "r", "x", "e"];
    if (!handled.includes(e.key)) return;
    // Enter on a link or a button keeps its own meaning.
    if (e.key === "Enter" && !onRow && e.target !== document.body) return;
    e.preventDefault();
    if (!active) {
      setAnnouncement("Select a draft first: press j or k.");
      return;
    }
    if (e.key === "Enter" || e.key === "o") router.push(draftHref(active.id));
    else if (e.key === "e") router.push(`${draftHref(active.id)}?edit=1`);
    else if (e.key === "a") approve(active);
    else if (e.key === "r") setDialog({ kind: "request", item: active });
    else if (e.key === "x") toggle(active);
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKeyDown(e);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  // Announced by a live region that is always in the page (regions added later are often missed).
  const live = (
    <div role="status" className="sr-only" data-testid="queue-announcement">
      {announcement}
    </div>
  );

  if (queue.isPending)
    return (
      <>
        {live}
        <Loading>Loading the review queue…</Loading>
      </>
    );
  if (queue.isError)
    return (
      <Alert tone="danger" title="The review queue could not be loaded">
        <p>{queue.error.message}</p>
        <Button variant="secondary" size="sm" className="mt-2" onClick={() => void queue.refetch()}>
          Try again
        </Button>
      </Alert>
    );

  const page = queue.data;
  const filtered = hasFilters(filters);
  const nothingAtAll = page.counts.inReview === 0 && !filtered && pageNo === 1;

  return (
    <div className="space-y-6">
      {live}
      <QueueCounts
        counts={page.counts}
        slaHours={page.slaHours}
        isAdmin={isAdmin}
        lastAction={bulkOutcome ? "" : announcement}
      />
      {error ? (
        <Alert tone="danger" title="That did not work">
          {error}
        </Alert>
      ) : null}
      {bulkOutcome ? <BulkOutcomeAlert outcome={bulkOutcome} onDismiss={() => setBulkOutcome(null)} /> : null}

      {nothingAtAll ? (
        <EmptyState
          icon={CheckCheck}
          title="All caught up"
          description="No draft is waiting for review. Drafts the pipeline flags, or that policy does not approve automatically, land here with the reasons they need a person."
        />
      ) : (
        <Card>
          <CardHeader>
            <CardTitle>Waiting for review</CardTitle>
            <CardDescription>
              Error-level flags first, then the nearest campaign deadline, then the longest wait.
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            <QueueFilters
              value={filters}
              campaigns={campaigns.data ?? []}
              byKind={page.counts.byKind}
              inReview={page.counts.inReview}
              onChange={changeFilters}
            />
            {items.length === 0 ? (
              pageNo > 1 ? (
                <EmptyState
                  headingLevel="h3"
                  className="py-8 sm:py-10"
                  title="Nothing left on this page"
                  description="The drafts on this page were decided. Go back to the previous page."
                  action={
                    <Button
                      variant="secondary"
                      onClick={() => setStack({ key: filterKey, cursors: cursors.slice(0, -1) })}
                    >
                      Previous page
                    </Button>
                  }
                />
              ) : (
                <EmptyState
                  icon={SearchX}
                  headingLevel="h3"
                  className="py-8 sm:py-10"
                  title="No drafts match"
                  description="No draft in the queue matches these filters."
                  action={
                    <Button variant="secondary" onClick={() => changeFilters(NO_FILTERS)}>
                      Clear filters
                    </Button>
                  }
                />
              )
            ) : (
              <>
                <div className="flex flex-wrap items-center gap-3">
                  <Button
                    size="sm"
                    disabled={selected.length === 0 || bulk.isPending}
                    onClick={() => void approveSelected()}
                  >
                    {bulk.isPending ? "Approving…" : `Approve selected (${selected.length})`}
                  </Button>
                  {selected.length ? (
                    <Button variant="ghost" size="sm" onClick={() => setChecked(new Set())}>
                      Clear selection
                    </Button>
                  ) : (
                    <span className="text-muted-foreground text-xs">
                      Tick drafts (or press <Kbd>x</Kbd>) to approve several at once.
                    </span>
                  )}
                </div>
                <div
                  aria-busy={queue.isFetching}
                  className={queue.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}
                >
                  <QueueTable
                    tableId={tableId}
                    items={items}
                    now={now}
                    slaHours={page.slaHours}
                    currentUserId={currentUserId}
                    activeId={activeId}
                    checked={checked}
                    stale={stale}
                    busy={busy}
                    onActivate={setActiveId}
                    onToggle={toggle}
                    onToggleAll={(on) =>
                      setChecked(on ? new Set(items.filter(bulkEligible).map((i) => i.id)) : new Set())
                    }
                    onApprove={approve}
                    onRequestChanges={(item) => setDialog({ kind: "request", item })}
                    onAssign={(item, who) => void changeAssignee(item, who)}
                    onReload={reload}
                  />
                </div>
              </>
            )}
            <nav aria-label="Queue pages" className="flex flex-wrap items-center justify-between gap-3">
              <p className="text-muted-foreground text-xs tabular-nums">
                {page.total} {page.total === 1 ? "draft" : "drafts"}
                {filtered ? (page.total === 1 ? " matches" : " match") : " in review"}
                {page.total > PAGE_SIZE ? ` · page ${pageNo} of ${Math.ceil(page.total / PAGE_SIZE)}` : ""}
              </p>
              <div className="flex gap-2">
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={pageNo === 1}
                  onClick={() => setStack({ key: filterKey, cursors: cursors.slice(0, -1) })}
                >
                  Previous
                </Button>
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={!page.nextCursor}
                  onClick={() =>
                    page.nextCursor && setStack({ key: filterKey, cursors: [...cursors, page.nextCursor] })
                  }
                >
                  Next
                </Button>
              </div>
            </nav>
            <ShortcutHints onHelp={() => setDialog({ kind: "help" })} />
          </CardContent>
        </Card>
      )}

      <RequestChangesDialog
        item={dialog?.kind === "request" ? dialog.item : null}
        onClose={() => setDialog(null)}
        onSubmit={(item, reason) => decide(item, "request_changes", reason, true)}
      />
      <ApproveDialog
        item={dialog?.kind === "approve" ? dialog.item : null}
        onClose={() => setDialog(null)}
        onApprove={(item) => decide(item, "approve", undefined, true)}
      />
      <ShortcutsDialog open={dialog?.kind === "help"} onClose={() => setDialog(null)} />
    </div>
  );
}

function BulkOutcomeAlert({ outcome, onDismiss }: { outcome: BulkOutcome; onDismiss: () => void }) {
  const { approved, skipped } = outcome;
  return (
    <Alert
      tone={skipped.length && !approved ? "warning" : "success"}
      title={`Approved ${approved} ${approved === 1 ? "draft" : "drafts"}${skipped.length ? `, skipped ${skipped.length}` : ""}`}
    >
      {skipped.length ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {skipped.map((s) => (
            <li key={s.id}>
              <a href={draftHref(s.id)} className="font-medium underline-offset-2 hover:underline">
                {s.title}
              </a>
              : {s.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <Button variant="ghost" size="sm" className="mt-2 -ml-3" onClick={onDismiss}>
        Dismiss
      </Button>
    </Alert>
  );
}

function ShortcutHints({ onHelp }: { onHelp: () => void }) {
  return (
    <p className="text-muted-foreground flex flex-wrap items-center gap-x-3 gap-y-1 border-t pt-3 text-xs">
      <span className="font-medium">Keyboard:</span>
      <span>
        <Kbd>j</Kbd> <Kbd>k</Kbd> move
      </span>
      <span>
        <Kbd>Enter</Kbd> open
      </span>
      <span>
        <Kbd>a</Kbd> approve
      </span>
      <span>
        <Kbd>r</Kbd> request changes
      </span>
      <span>
        <Kbd>x</Kbd> select
      </span>
      <span>
        <Kbd>e</Kbd> edit
      </span>
      <button type="button" onClick={onHelp} className="text-foreground underline-offset-2 hover:underline">
        <Kbd>?</Kbd> all shortcuts
      </button>
    </p>
  );
}
