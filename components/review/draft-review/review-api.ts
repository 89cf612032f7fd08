/**
 * The review routes of one draft, as query keys and fetchers. The keys sit under the draft's own
 * key (`["drafts", "detail", id]`), so invalidating the draft refreshes its review data too.
 */
import { api, ApiError, queryKeys } from "@/lib/query/client";
import type { DraftDetail, DraftStatus } from "@/lib/schemas/drafts";
import type {
  AssignBody,
  CommentBody,
  CommentList,
  DecisionBody,
  DecisionResult,
  DraftComment,
  EditDraftBody,
  ReviewState,
  RevisionList,
} from "@/lib/schemas/review";

export const reviewKeys = {
  state: (id: string) => [...queryKeys.draft(id), "review"] as const,
  revisions: (id: string) => [...queryKeys.draft(id), "revisions"] as const,
  comments: (id: string) => [...queryKeys.draft(id), "comments"] as const,
};

const base = (id: string) => `/api/drafts/${encodeURIComponent(id)}`;

export const reviewApi = {
  draft: (id: string) => api<DraftDetail>(base(id)),
  state: (id: string) => api<ReviewState>(`${base(id)}/review`),
  revisions: (id: string) => api<RevisionList>(`${base(id)}/revisions`),
  comments: (id: string) => api<CommentList>(`${base(id)}/comments`),
  decide: (id: string, body: DecisionBody) => api<DecisionResult>(`${base(id)}/decision`, { method: "POST", body }),
  assign: (id: string, body: AssignBody) => api<ReviewState>(`${base(id)}/assign`, { method: "POST", body }),
  edit: (id: string, body: EditDraftBody) => api<DraftDetail>(base(id), { method: "PATCH", body }),
  comment: (id: string, body: CommentBody) => api<DraftComment>(`${base(id)}/comments`, { method: "POST", body }),
};

export type StaleInfo = { version: number; status: DraftStatus | null };

/** A 409 `conflict:stale_version`: someone saved or decided since this person loaded the draft. */
export function staleVersion(e: unknown): StaleInfo | null {
  if (!(e instanceof ApiError) || e.status !== 409 || e.code !== "conflict:stale_version") return null;
  const current = (e.details as { current?: { version?: unknown; status?: unknown } } | undefined)?.current;
  return {
    version: typeof current?.version === "number" ? current.version : 0,
    status: typeof current?.status === "string" ? (current.status as DraftStatus) : null,
  };
}
