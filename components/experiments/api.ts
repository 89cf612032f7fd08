"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DraftDetail, DraftPage } from "@/lib/schemas/drafts";
import type { CreateExperimentBody, ExperimentList, ExperimentOut } from "@/lib/schemas/experiments";
import { api } from "@/lib/query/client";

/** Query keys of this page (kept here so the shared key list stays untouched by this feature). */
export const experimentKeys = {
  all: ["experiments"] as const,
  list: ["experiments", "list"] as const,
  drafts: (q: string) => ["experiments", "drafts", q] as const,
  draft: (id: string) => ["experiments", "draft", id] as const,
};

export function useExperiments() {
  return useQuery({
    queryKey: experimentKeys.list,
    queryFn: () => api<ExperimentList>("/api/experiments"),
    // Post-backs arrive from outside the studio: keep the numbers fresh while the page is open.
    refetchInterval: 10_000,
  });
}

/** Approved and published drafts matching `q` (the two statuses experiments start from). */
export function useTestableDrafts(q: string) {
  return useQuery({
    queryKey: experimentKeys.drafts(q),
    queryFn: async () => {
      const qs = (status: string) =>
        new URLSearchParams({ status, limit: "25", ...(q.trim() ? { q: q.trim() } : {}) }).toString();
      const pages = await Promise.all(["approved", "published"].map((s) => api<DraftPage>(`/api/drafts?${qs(s)}`)));
      return pages
        .flatMap((p) => p.items)
        .filter((d) => d.format !== "seo_page")
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },
  });
}

export function useDraft(id: string | null) {
  return useQuery({
    queryKey: experimentKeys.draft(id ?? ""),
    queryFn: () => api<DraftDetail>(`/api/drafts/${encodeURIComponent(id!)}`),
    enabled: id !== null,
  });
}

export function useCreateExperiment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateExperimentBody) => api<ExperimentOut>("/api/experiments", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: experimentKeys.list }),
  });
}

export function useStopExperiment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (e: ExperimentOut) =>
      api<ExperimentOut>(`/api/experiments/${encodeURIComponent(e.id)}/stop`, {
        method: "POST",
        body: { version: e.version },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: experimentKeys.list }),
  });
}
