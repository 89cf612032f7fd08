"use client";

import { Plus, RotateCcw, SearchX, Send } from "lucide-react";
import { useMemo, useState } from "react";
import { Loading, Spinner } from "@/components/inference/fields";
import { Dialog } from "@/components/review/queue/dialog";
import { useNow } from "@/components/review/queue/use-now";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CursorPager, useCursorPages } from "@/components/ui/cursor-pager";
import { EmptyState } from "@/components/ui/empty-state";
import type { DeliveryOut, ReplayBody, ReplayResult } from "@/lib/schemas/publishing";
import { useDeliveries, useEndpoints, useReplay } from "./api";
import { DeliveriesTable } from "./deliveries-table";
import { DeliveryDetailDialog } from "./delivery-detail";
import { DeliveryFiltersBar, type EndpointOption } from "./delivery-filters";
import { deliveriesQueryString, hasDeliveryFilters, NO_DELIVERY_FILTERS, type DeliveryFilters } from "./filters";
import { isInFlight, isReplayable, plural, shortUrl } from "./format";

type Confirm = { kind: "selected"; ids: string[] } | { kind: "allDead" } | null;
type Outcome = { result: ReplayResult; labels: Map<string, string> };

/**
 * The delivery log: filters in the URL, newest first, cursor pages, polling while something is in
 * flight, a detail dialog per delivery, and (admins) replay of selected or all dead deliveries.
 */
export function DeliveriesPanel({
  filters,
  isAdmin,
  onFiltersChange,
  onAddEndpoint,
}: {
  filters: DeliveryFilters;
  isAdmin: boolean;
  onFiltersChange: (next: DeliveryFilters, how?: "push" | "replace") => void;
  onAddEndpoint: () => void;
}) {
  const query = deliveriesQueryString(filters);
  // New filters start again from the first page, with nothing selected.
  const pages = useCursorPages();
  const [pagedQuery, setPagedQuery] = useState(query);
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set());
  if (pagedQuery !== query) {
    setPagedQuery(query);
    pages.reset();
    setChecked(new Set());
  }
  const cursor = pagedQuery === query ? pages.cursor : undefined;

  const page = useDeliveries(filters, cursor);
  const endpoints = useEndpoints(isAdmin);
  const replay = useReplay();
  const now = useNow(15_000);
  const [openId, setOpenId] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const items = useMemo(() => page.data?.items ?? [], [page.data]);
  const selected = items.filter((d) => checked.has(d.id) && isReplayable(d));

  // Admins pick from the endpoints; editors (who cannot list them) from those in the log.
  const endpointOptions = useMemo<EndpointOption[]>(() => {
    if (isAdmin && endpoints.data) return endpoints.data.items.map((e) => ({ id: e.id, url: e.url }));
    const seen = new Map<string, EndpointOption>();
    for (const d of items) if (!seen.has(d.endpoint.id)) seen.set(d.endpoint.id, d.endpoint);
    return [...seen.values()];
  }, [isAdmin, endpoints.data, items]);

  const filterEndpoint = endpointOptions.find((e) => e.id === filters.endpointId);

  async function runReplay(body: ReplayBody) {
    const labels = new Map(items.map((d) => [d.id, `${d.eventType} ${d.eventId}`]));
    try {
      const result = await replay.mutateAsync(body);
      setOutcome({ result, labels });
      setChecked(new Set());
      setConfirm(null);
    } catch {
      // The dialog shows replay.error.
    }
  }

  function changeFilters(next: DeliveryFilters, how?: "push" | "replace") {
    setOutcome(null);
    onFiltersChange(next, how);
  }

  if (page.isPending) return <Loading>Loading deliveries…</Loading>;
  if (page.isError)
    return (
      <Alert tone="danger" title="The delivery log could not be loaded">
        <p>{page.error.message}</p>
        <Button variant="secondary" size="sm" className="mt-2" onClick={() => void page.refetch()}>
          Try again
        </Button>
      </Alert>
    );

  const { counts, nextCursor } = page.data;
  const filtered = hasDeliveryFilters(filters);
  const nothingEver = counts.pending + counts.succeeded + counts.dead === 0 && !filtered && !pages.hasNewer;
  const polling = items.some(isInFlight);

  if (nothingEver && items.length === 0)
    return (
      <EmptyState
        icon={Send}
        headingLevel="h3"
        title="Nothing delivered yet"
        description="Add an endpoint, then publish or approve content. Every delivery is listed here with each attempt, the receiver's answer and what happens next."
        action={
          isAdmin ? (
            <Button onClick={onAddEndpoint}>
              <Plus aria-hidden="true" />
              Add an endpoint
            </Button>
          ) : (
            <p className="text-muted-foreground text-sm">An admin adds the endpoints (your CMS) that receive them.</p>
          )
        }
      />
    );

  return (
    <div className="space-y-5">
      <DeliveryFiltersBar value={filters} counts={counts} endpoints={endpointOptions} onChange={changeFilters} />

      {isAdmin ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            size="sm"
            disabled={selected.length === 0 || replay.isPending}
            onClick={() => setConfirm({ kind: "selected", ids: selected.map((d) => d.id) })}
          >
            <RotateCcw aria-hidden="true" />
            Replay selected ({selected.length})
          </Button>
          <Button
            size="sm"
            variant="secondary"
            disabled={counts.dead === 0 || replay.isPending}
            onClick={() => setConfirm({ kind: "allDead" })}
          >
            <RotateCcw aria-hidden="true" />
            {filters.endpointId ? "Replay all dead to this endpoint" : "Replay all dead"}
          </Button>
          {selected.length ? (
            <Button variant="ghost" size="sm" onClick={() => setChecked(new Set())}>
              Clear selection
            </Button>
          ) : (
            <span className="text-muted-foreground text-xs">
              Tick finished deliveries to send them again with the same event id.
            </span>
          )}
        </div>
      ) : null}

      {outcome ? <ReplayOutcome outcome={outcome} onDismiss={() => setOutcome(null)} /> : null}

      {items.length === 0 ? (
        pages.hasNewer ? (
          <EmptyState
            headingLevel="h3"
            className="py-8 sm:py-10"
            title="Nothing on this page"
            description="Go back to the newer deliveries."
            action={
              <Button variant="secondary" onClick={pages.newer}>
                Newer
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={SearchX}
            headingLevel="h3"
            className="py-8 sm:py-10"
            title="No deliveries match"
            description="No delivery matches these filters. Events take a moment to reach the log after they happen."
            action={
              <Button variant="secondary" onClick={() => changeFilters(NO_DELIVERY_FILTERS)}>
                Clear filters
              </Button>
            }
          />
        )
      ) : (
        <div
          aria-busy={page.isFetching}
          className={page.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}
        >
          <DeliveriesTable
            items={items}
            now={now}
            selectable={isAdmin}
            checked={checked}
            openId={openId}
            onToggle={(id) =>
              setChecked((s) => {
                const next = new Set(s);
                if (!next.delete(id)) next.add(id);
                return next;
              })
            }
            onToggleAll={(on) => setChecked(on ? new Set(items.filter(isReplayable).map((d) => d.id)) : new Set())}
            onOpen={(d: DeliveryOut) => setOpenId(d.id)}
          />
        </div>
      )}

      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-muted-foreground text-xs" aria-live="polite">
          {polling ? "Deliveries in flight: refreshing every 5 seconds." : ""}
        </p>
        <nav aria-label="Delivery log pages">
          <CursorPager pages={pages} nextCursor={nextCursor} />
        </nav>
      </div>

      <DeliveryDetailDialog id={openId} now={now} canReplay={isAdmin} onClose={() => setOpenId(null)} />

      <Dialog
        open={confirm !== null}
        onClose={() => {
          replay.reset();
          setConfirm(null);
        }}
        alert
        title={confirm?.kind === "allDead" ? "Replay every dead delivery?" : "Replay the selected deliveries?"}
        description={
          confirm?.kind === "allDead"
            ? filters.endpointId
              ? `Every dead delivery to ${filterEndpoint ? shortUrl(filterEndpoint.url) : "this endpoint"} is sent again, with its original event id and body.`
              : `${plural(counts.dead, "dead delivery", "dead deliveries")} in this workspace will be sent again, with their original event ids and bodies.`
            : confirm
              ? `${plural(confirm.ids.length, "delivery", "deliveries")} will be sent again, with the same event id and body. Receivers that de-duplicate by webhook-id will ignore the ones they already processed.`
              : undefined
        }
      >
        {confirm ? (
          <div className="space-y-4">
            {replay.error ? <Alert tone="danger">{replay.error.message}</Alert> : null}
            <div className="flex justify-end gap-2">
              <Button variant="ghost" data-autofocus="" onClick={() => setConfirm(null)} disabled={replay.isPending}>
                Cancel
              </Button>
              <Button
                disabled={replay.isPending}
                onClick={() =>
                  void runReplay(
                    confirm.kind === "allDead"
                      ? { allDead: true, ...(filters.endpointId ? { endpointId: filters.endpointId } : {}) }
                      : { ids: confirm.ids },
                  )
                }
              >
                {replay.isPending ? <Spinner /> : <RotateCcw aria-hidden="true" />}
                Replay
              </Button>
            </div>
          </div>
        ) : null}
      </Dialog>
    </div>
  );
}

function ReplayOutcome({ outcome, onDismiss }: { outcome: Outcome; onDismiss: () => void }) {
  const { replayed, skipped } = outcome.result;
  return (
    <Alert
      tone={skipped.length && !replayed.length ? "warning" : "success"}
      title={`Replayed ${plural(replayed.length, "delivery", "deliveries")}${skipped.length ? `, skipped ${skipped.length}` : ""}`}
      data-testid="replay-outcome"
    >
      {skipped.length ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {skipped.map((s) => (
            <li key={s.id}>
              <span className="font-mono text-xs">{outcome.labels.get(s.id) ?? s.id}</span>: {s.reason}
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
