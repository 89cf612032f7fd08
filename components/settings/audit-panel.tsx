"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { Download, History, SearchX, ShieldCheck } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { api, queryKeys } from "@/lib/query/client";
import type { AuditFacets, AuditPage, AuditVerifyResult } from "@/lib/schemas/audit";
import { Alert } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { CursorPager, useCursorPages } from "@/components/ui/cursor-pager";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { AuditEventRow, AUDIT_COLUMNS } from "./audit-event-row";
import { AuditFilters } from "./audit-filters";
import {
  apiQueryString,
  hasAuditFilters,
  NO_AUDIT_FILTERS,
  pageQueryString,
  type AuditFilterValues,
} from "./audit-format";
import { AuditVerifyOutcome } from "./audit-verify";

const PAGE_SIZE = 25;

/**
 * The trail, newest first: filters kept in the URL, server-side cursor pages,
 * a CSV export of exactly what is filtered, and a check of the hash chain.
 */
export function AuditPanel({ initial = NO_AUDIT_FILTERS }: { initial?: AuditFilterValues }) {
  const [form, setForm] = useState(initial);
  // Typed fields apply 300 ms after the last keystroke (or at once on Enter); the others at once.
  const [typed, setTyped] = useState(() => pick(initial));
  useEffect(() => {
    const t = setTimeout(() => setTyped(pick(form)), 300);
    return () => clearTimeout(t);
  }, [form]);
  const applied = useMemo<AuditFilterValues>(
    () => ({ entityType: form.entityType, from: form.from, to: form.to, ...typed }),
    [form.entityType, form.from, form.to, typed],
  );
  const query = apiQueryString(applied);

  // New filters start again from the first page.
  const pages = useCursorPages();
  const [pagedQuery, setPagedQuery] = useState(query);
  if (pagedQuery !== query) {
    setPagedQuery(query);
    pages.reset();
  }
  const cursor = pagedQuery === query ? pages.cursor : undefined;

  // The filters live in the URL, so a filtered trail can be shared and survives a reload.
  useEffect(() => {
    window.history.replaceState(window.history.state, "", `/settings/audit${pageQueryString(applied)}`);
  }, [applied]);

  const page = useQuery({
    queryKey: queryKeys.audit({ query, cursor }),
    queryFn: () =>
      api<AuditPage>(
        `/api/audit${apiQueryString(applied, { limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const facets = useQuery({
    queryKey: queryKeys.auditFacets,
    queryFn: () => api<AuditFacets>("/api/audit/facets"),
  });
  const verify = useMutation<AuditVerifyResult, Error, void>({
    mutationFn: () => api<AuditVerifyResult>("/api/audit/verify", { method: "POST" }),
  });

  function clear() {
    setForm(NO_AUDIT_FILTERS);
    setTyped(pick(NO_AUDIT_FILTERS));
  }

  const filtered = hasAuditFilters(applied);
  return (
    <Card>
      <CardContent className="space-y-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <p className="text-muted-foreground max-w-2xl text-sm">
            Every change made in this workspace, by a person, an API key or the system. The trail is append-only, and
            each event carries a hash of the one before it: <strong>Verify chain</strong> recomputes them all and shows
            any event that was edited, deleted or reordered.
          </p>
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => verify.mutate()} disabled={verify.isPending}>
              <ShieldCheck aria-hidden="true" />
              {verify.isPending ? "Verifying…" : "Verify chain"}
            </Button>
            <a
              href={`/api/audit/export${query}`}
              download
              className={buttonVariants({ variant: "secondary" })}
              aria-label={filtered ? "Export the filtered events as CSV" : "Export all events as CSV"}
            >
              <Download aria-hidden="true" />
              Export CSV
            </a>
          </div>
        </div>
        <AuditVerifyOutcome verify={verify} />
        <AuditFilters
          value={form}
          facets={facets.data}
          onChange={setForm}
          onSubmit={() => setTyped(pick(form))}
          onClear={clear}
        />
        {page.isPending ? (
          <p role="status" className="text-muted-foreground text-sm">
            Loading…
          </p>
        ) : page.isError ? (
          <Alert tone="danger">{page.error.message}</Alert>
        ) : page.data.items.length === 0 && !pages.hasNewer ? (
          filtered ? (
            <EmptyState
              icon={SearchX}
              headingLevel="h3"
              className="py-8 sm:py-10"
              title="No events match"
              description="No event matches these filters. Clear them to see the whole trail."
              action={
                <Button variant="secondary" onClick={clear}>
                  Clear filters
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={History}
              title="Nothing recorded yet"
              description="Invitations, role changes, review decisions and API keys will show up here."
            />
          )
        ) : (
          <div
            aria-busy={page.isFetching}
            className={page.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}
          >
            <DataTable caption="Audit events" columns={AUDIT_COLUMNS}>
              {page.data.items.map((e) => (
                <AuditEventRow key={e.id} e={e} />
              ))}
            </DataTable>
            <CursorPager pages={pages} nextCursor={page.data.nextCursor} />
          </div>
        )}
      </CardContent>
    </Card>
  );
}

/** The fields a person types into (applied after a pause). */
function pick(f: AuditFilterValues): Pick<AuditFilterValues, "action" | "entityId" | "actor"> {
  return { action: f.action, entityId: f.entityId, actor: f.actor };
}
