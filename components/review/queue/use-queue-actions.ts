"use client";

import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api, queryKeys } from "@/lib/query/client";
import type {
  AssignBody,
  BulkApproveBody,
  BulkApproveResult,
  DecisionBody,
  DecisionResult,
  QueueItem,
  QueuePage,
  ReviewState,
} from "@/lib/schemas/review";
import { reviewKeys } from "../keys";

/** Decisions the queue takes itself (the draft page offers the others). */
export type QueueDecision = "approve" | "request_changes";

function draftPath(id: string, rest: string): string {
  return `/api/drafts/${encodeURIComponent(id)}/${rest}`;
}

/** Takes drafts out of every cached queue page at once, so the row leaves before the refetch lands. */
function removeFromQueues(qc: QueryClient, ids: readonly string[]): void {
  const gone = new Set(ids);
  qc.setQueriesData<QueuePage>({ queryKey: reviewKeys.queues }, (old) => {
    if (!old) return old;
    const items = old.items.filter((i) => !gone.has(i.id));
    return { ...old, items, total: Math.max(0, old.total - (old.items.length - items.length)) };
  });
}

/** After any change: the queue (counts, order), and the drafts lists and detail that show the status. */
async function refresh(qc: QueryClient): Promise<void> {
  await Promise.all([
    qc.invalidateQueries({ queryKey: reviewKeys.queues }),
    qc.invalidateQueries({ queryKey: queryKeys.drafts }),
  ]);
}

export function useDecision() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ item, action, reason }: { item: QueueItem; action: QueueDecision; reason?: string }) =>
      api<DecisionResult>(draftPath(item.id, "decision"), {
        method: "POST",
        body: { action, version: item.version, ...(reason ? { reason } : {}) } satisfies DecisionBody,
      }),
    onSuccess: (_r, { item }) => {
      removeFromQueues(qc, [item.id]);
      void refresh(qc);
    },
  });
}

export function useBulkApprove() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: QueueItem[]) =>
      api<BulkApproveResult>("/api/review/bulk-approve", {
        method: "POST",
        body: { items: items.map((i) => ({ id: i.id, version: i.version })) } satisfies BulkApproveBody,
      }),
    onSuccess: (r) => {
      removeFromQueues(qc, r.approved);
      void refresh(qc);
    },
  });
}

export function useAssign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ item, assignee }: { item: QueueItem; assignee: AssignBody["assignee"] }) =>
      api<ReviewState>(draftPath(item.id, "assign"), { method: "POST", body: { assignee } satisfies AssignBody }),
    onSuccess: (state) => {
      qc.setQueriesData<QueuePage>({ queryKey: reviewKeys.queues }, (old) =>
        old
          ? {
              ...old,
              items: old.items.map((i) =>
                i.id === state.draftId ? { ...i, assignee: state.assignee, version: state.version } : i,
              ),
            }
          : old,
      );
      void refresh(qc);
    },
  });
}
