"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, queryKeys } from "@/lib/query/client";
import type { PublicationState, PublishBody, PublishResult, UnpublishBody } from "@/lib/schemas/publishing";

/**
 * The publishing side of one draft: its state (page, events and their deliveries) and the publish
 * and unpublish mutations. The key sits under the draft's own key, so anything that refreshes the
 * draft (a decision, an edit) refreshes this too, and a publish refreshes the decision bar.
 */
export const publicationKeys = {
  state: (id: string) => [...queryKeys.draft(id), "publication"] as const,
};

/** The Publishing page's queries ("publishing", …): its pages list and delivery log show the change. */
const PUBLISHING_PREFIX = ["publishing"] as const;

const POLL_MS = 5_000;
const base = (id: string) => `/api/drafts/${encodeURIComponent(id)}`;

/** The draft's publication state; polls while one of its deliveries is still pending. */
export function usePublication(id: string) {
  return useQuery({
    queryKey: publicationKeys.state(id),
    queryFn: () => api<PublicationState>(`${base(id)}/publication`),
    refetchInterval: (q) => (q.state.data?.events.some((e) => e.deliveries.pending > 0) ? POLL_MS : false),
  });
}

/** Refetches what a publish or unpublish changes; also the panel's "Reload" after a 409. */
export function useRefreshDraft(id: string) {
  const qc = useQueryClient();
  return () => {
    // The draft (status, version), its review state (the decision bar) and this panel.
    void qc.invalidateQueries({ queryKey: queryKeys.draft(id) });
    void qc.invalidateQueries({ queryKey: queryKeys.draftLists });
    void qc.invalidateQueries({ queryKey: PUBLISHING_PREFIX });
  };
}

export function usePublish(id: string) {
  const refresh = useRefreshDraft(id);
  return useMutation({
    mutationFn: (body: PublishBody) => api<PublishResult>(`${base(id)}/publish`, { method: "POST", body }),
    onSuccess: refresh,
  });
}

export function useUnpublish(id: string) {
  const refresh = useRefreshDraft(id);
  return useMutation({
    mutationFn: (body: UnpublishBody) => api<PublishResult>(`${base(id)}/unpublish`, { method: "POST", body }),
    onSuccess: refresh,
  });
}
