"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { FileText, Plus, SearchX } from "lucide-react";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CursorPager, useCursorPages } from "@/components/ui/cursor-pager";
import { EmptyState } from "@/components/ui/empty-state";
import { Loading } from "@/components/inference/fields";
import { useCampaigns } from "@/components/campaigns/use-campaigns";
import { api, queryKeys } from "@/lib/query/client";
import type { DraftPage } from "@/lib/schemas/drafts";
import { DraftFilters, hasFilters, NO_FILTERS, type DraftFilterValues } from "./draft-filters";
import { DraftsTable } from "./drafts-table";

const PAGE_SIZE = 25;

function queryString(f: DraftFilterValues, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  for (const [k, v] of Object.entries(f)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** The Drafts list: search and filters (kept in the URL), server pages, and the empty states. */
export function DraftsPanel({ initial }: { initial: DraftFilterValues }) {
  const [form, setForm] = useState(initial);
  // The search box applies 300 ms after the last keystroke (or at once on Enter); selects apply at once.
  const [q, setQ] = useState(initial.q.trim());
  useEffect(() => {
    const t = setTimeout(() => setQ(form.q.trim()), 300);
    return () => clearTimeout(t);
  }, [form.q]);
  const applied = useMemo(
    () => ({ channel: form.channel, status: form.status, campaignId: form.campaignId, q }),
    [form.channel, form.status, form.campaignId, q],
  );
  const campaigns = useCampaigns();

  // New filters start again from the first page.
  const pages = useCursorPages();
  const filterKey = JSON.stringify(applied);
  const [pagedKey, setPagedKey] = useState(filterKey);
  if (pagedKey !== filterKey) {
    setPagedKey(filterKey);
    pages.reset();
  }
  const cursor = pagedKey === filterKey ? pages.cursor : undefined;

  // The filters live in the URL, so a filtered list can be shared and survives a reload.
  useEffect(() => {
    window.history.replaceState(window.history.state, "", `/drafts${queryString(applied)}`);
  }, [applied]);

  const page = useQuery({
    queryKey: queryKeys.draftList({ ...applied, cursor }),
    queryFn: () =>
      api<DraftPage>(`/api/drafts${queryString(applied, { limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) })}`),
    placeholderData: keepPreviousData,
  });

  function clear() {
    setForm(NO_FILTERS);
    setQ("");
  }

  if (page.isPending) return <Loading>Loading drafts…</Loading>;
  if (page.isError) return <Alert tone="danger">{page.error.message}</Alert>;
  const empty = page.data.items.length === 0 && !pages.hasNewer;
  if (empty && !hasFilters(applied) && !hasFilters(form))
    return (
      <EmptyState
        icon={FileText}
        title="No drafts yet"
        description="Write a brief and Lectern drafts a Google or Meta ad, an email or an SEO page from it, grounded in your knowledge base, checked against the brand voice and the channel's limits, with citations for every fact."
        action={
          <Link href="/drafts/new" className={buttonVariants()}>
            <Plus aria-hidden="true" />
            Write your first draft
          </Link>
        }
      />
    );

  return (
    <Card>
      <CardHeader>
        <CardTitle>All drafts</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <DraftFilters
          value={form}
          campaigns={campaigns.data ?? []}
          onChange={setForm}
          onSubmit={() => setQ(form.q.trim())}
          onClear={clear}
        />
        {empty ? (
          <EmptyState
            icon={SearchX}
            headingLevel="h3"
            className="py-8 sm:py-10"
            title="No drafts match"
            description="No draft matches these filters. Clear them to see every draft."
            action={
              <Button variant="secondary" onClick={clear}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <div
            aria-busy={page.isFetching}
            className={page.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}
          >
            <DraftsTable items={page.data.items} onCampaign={(campaignId) => setForm({ ...form, campaignId })} />
            <CursorPager pages={pages} nextCursor={page.data.nextCursor} />
          </div>
        )}
      </CardContent>
    </Card>
  );
}
