"use client";

import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { api } from "@/lib/query/client";
import type { BatchOut } from "@/lib/schemas/batches";
import type { CampaignOut } from "@/lib/schemas/drafts";
import { isActive } from "./format";
import { seoKeys } from "./keys";

type BatchList = { items: BatchOut[] };

/** Puts a fresh copy of one batch into the list (first when it is new). */
function putInList(qc: QueryClient, b: BatchOut): void {
  qc.setQueryData<BatchList>(seoKeys.batches, (old) => {
    if (!old) return old;
    const known = old.items.some((x) => x.id === b.id);
    return { items: known ? old.items.map((x) => (x.id === b.id ? b : x)) : [b, ...old.items] };
  });
}

/** Puts a fresh copy of one batch into the cache: its own query and its row in the list. */
export function storeBatch(qc: QueryClient, b: BatchOut): void {
  qc.setQueryData(seoKeys.batch(b.id), b);
  putInList(qc, b);
}

/** The newest 20 batches; refreshed every few seconds while one of them is still moving. */
export function useBatches() {
  return useQuery({
    queryKey: seoKeys.batches,
    queryFn: () => api<BatchList>("/api/batches"),
    refetchInterval: (q) => (q.state.data?.items.some((b) => isActive(b.status)) ? 5000 : false),
  });
}

/** One batch, polled every second while it is queued or running. */
export function useBatch(id: string) {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: seoKeys.batch(id),
    queryFn: () => api<BatchOut>(`/api/batches/${encodeURIComponent(id)}`),
    // Opened from the list: show its row at once, then refresh.
    initialData: () => qc.getQueryData<BatchList>(seoKeys.batches)?.items.find((b) => b.id === id),
    initialDataUpdatedAt: () => qc.getQueryState(seoKeys.batches)?.dataUpdatedAt,
    refetchInterval: (q) => (q.state.data && isActive(q.state.data.status) ? 1000 : false),
  });
  // Keep the list's row in step with the progress view.
  const data = query.data;
  useEffect(() => {
    if (data) putInList(qc, data);
  }, [qc, data]);
  return query;
}

export function useBatchAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: "pause" | "resume" | "cancel") =>
      api<BatchOut>(`/api/batches/${encodeURIComponent(id)}`, { method: "POST", body: { action } }),
    onSuccess: (b) => storeBatch(qc, b),
    // A 409 means the state moved on under us: show the current one.
    onError: () => void qc.invalidateQueries({ queryKey: seoKeys.batch(id) }),
  });
}

export function useSeoCampaigns() {
  return useQuery({
    queryKey: seoKeys.campaigns,
    queryFn: () => api<{ items: CampaignOut[] }>("/api/campaigns"),
    select: (d) => d.items,
  });
}

type PageName = { title: string; slug: string | null };

/** A generated page's title and slug (to tell the near-duplicate links apart); null while unknown. */
export function usePageName(id: string): PageName | null {
  const q = useQuery({
    queryKey: seoKeys.pageName(id),
    queryFn: () => api<PageName>(`/api/drafts/${encodeURIComponent(id)}`),
    select: (d): PageName => ({ title: d.title, slug: d.slug }),
    staleTime: 5 * 60_000,
  });
  return q.data ?? null;
}
