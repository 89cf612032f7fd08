import { QueryClient } from "@tanstack/react-query";
import type { ErrorBody } from "@/lib/errors";

/** Query keys in one place, so invalidation cannot miss a spelling. */
export const queryKeys = {
  members: ["members"] as const,
  apiKeys: ["api-keys"] as const,
  /** One page of the audit trail: `query` is the API query string of the filters. */
  audit: (p: { query: string; cursor?: string }) => ["audit", "list", p.query, p.cursor ?? "first"] as const,
  auditFacets: ["audit", "facets"] as const,
  providers: ["inference", "providers"] as const,
  routes: ["inference", "routes"] as const,
  prices: ["inference", "prices"] as const,
  budgets: ["inference", "budgets"] as const,
  inferenceSettings: ["inference", "settings"] as const,
  usage: (cursor?: string) => ["inference", "usage", cursor ?? "first"] as const,
  prompts: ["prompts"] as const,
  /** Prefix of every knowledge-base query. */
  knowledge: ["knowledge"] as const,
  /** Prefix of every document list page (invalidate this after an ingest or a delete). */
  knowledgeDocumentLists: ["knowledge", "documents"] as const,
  knowledgeDocuments: (p: { q?: string; tag?: string; cursor?: string }) =>
    ["knowledge", "documents", p.q ?? "", p.tag ?? "", p.cursor ?? "first"] as const,
  knowledgeDocument: (id: string) => ["knowledge", "document", id] as const,
  knowledgeJobs: ["knowledge", "jobs"] as const,
  knowledgeJob: (id: string) => ["knowledge", "jobs", id] as const,
  knowledgeSettings: ["knowledge", "settings"] as const,
  /** Prefix of every brand query (invalidate this after saving the voice). */
  brand: ["brand"] as const,
  brandVoice: ["brand", "voice"] as const,
  brandVersions: ["brand", "versions"] as const,
  brandStyles: ["brand", "styles"] as const,
  guardrailPolicy: ["guardrails", "policy"] as const,
  /** Prefix of every drafts query (invalidate this after creating a draft). */
  drafts: ["drafts"] as const,
  draftLists: ["drafts", "list"] as const,
  draftList: (p: { channel?: string; status?: string; campaignId?: string; q?: string; cursor?: string }) =>
    ["drafts", "list", p.channel ?? "", p.status ?? "", p.campaignId ?? "", p.q ?? "", p.cursor ?? "first"] as const,
  draft: (id: string) => ["drafts", "detail", id] as const,
  campaigns: ["campaigns"] as const,
  segments: ["segments"] as const,
  /** Prefix of every evals query (golden sets, runs, comparisons). */
  evals: ["evals"] as const,
  evalSets: ["evals", "sets"] as const,
  evalSet: (id: string) => ["evals", "sets", id] as const,
  /** The evaluated prompts' versions (editors may list these, unlike Settings → Prompts). */
  evalPromptVersions: ["evals", "prompt-versions"] as const,
  /** Prefix of every run list (invalidate this after starting a run). */
  evalRunLists: ["evals", "runs", "list"] as const,
  evalRuns: (setId: string, cursor?: string) => ["evals", "runs", "list", setId, cursor ?? "first"] as const,
  evalRun: (id: string) => ["evals", "runs", "detail", id] as const,
  evalCompare: (base: string, head: string) => ["evals", "compare", base, head] as const,
};

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: (count, e) => !(e instanceof ApiError && e.status < 500) && count < 2 },
    },
  });
}

/** An error the API returned as `{ error: { code, message } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** fetch for the studio's own JSON API: throws ApiError with the server's message on failure. */
export async function api<T>(path: string, init?: { method?: string; body?: unknown; form?: FormData }): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init?.method ?? (init?.form ? "POST" : "GET"),
      headers: init?.body !== undefined ? { "content-type": "application/json" } : undefined,
      // A FormData body sets its own multipart content type.
      body: init?.form ?? (init?.body !== undefined ? JSON.stringify(init.body) : undefined),
    });
  } catch {
    throw new ApiError(0, "network", "Could not reach the Lectern server. Check your connection and try again.");
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const err = (data as ErrorBody | null)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? "unknown",
      err?.message ?? `The server answered ${res.status}.`,
      err?.details,
    );
  }
  return data as T;
}
