"use client";

import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { api, ApiError, queryKeys } from "@/lib/query/client";
import { KNOWLEDGE_ACCEPT, type JobList, type JobOut } from "@/lib/schemas/knowledge";
import { acceptedExtensions, extensionOf, formatBytes, ingestOutcome, isActive, outcomeSummary } from "./format";
import { uploadKnowledgeFile, type UploadMeta } from "./upload";

/** How often the jobs list is polled while something is queued or running. */
const POLL_MS = 1_000;
/** Files uploaded at the same time. */
const UPLOAD_CONCURRENCY = 2;
/** Server jobs listed under this session's own. */
const MAX_SERVER_ROWS = 20;

type LocalEntry = {
  key: string;
  label: string;
  phase: "waiting" | "uploading" | "failed" | "sent";
  loaded: number;
  total: number;
  error?: string;
  /** The job the server queued (as the POST returned it). */
  job?: JobOut;
};

export type JobRowState = "waiting" | "uploading" | "upload-failed" | JobOut["status"];

/** One line in the jobs list: an upload still on its way, or a server job. */
export type JobRowModel = {
  key: string;
  label: string;
  state: JobRowState;
  /** Bytes sent so far, while uploading. */
  upload?: { loaded: number; total: number };
  job?: JobOut;
  /** Why an upload failed before it became a job. */
  error?: string;
  /** Started from this page in this session. */
  local: boolean;
};

export type KnowledgeJobs = {
  rows: JobRowModel[];
  isPending: boolean;
  error: Error | null;
  /** Queues the files for upload; each becomes a row at once. */
  startUploads: (files: File[], meta: UploadMeta) => void;
  /** Tracks a job started elsewhere on the page (a paste, a re-index). */
  track: (job: JobOut) => void;
  /** Stops an upload that has not finished (or not started). */
  cancel: (key: string) => void;
  /** Removes a failed upload's row. */
  dismiss: (key: string) => void;
  /** Some file is still waiting or being sent. */
  uploading: boolean;
};

function rowLabelFor(row: JobRowModel): string {
  return row.job?.label || row.label;
}

/** Announcement for a row that reached a final state. */
function announcement(row: JobRowModel): string | null {
  const label = rowLabelFor(row);
  switch (row.state) {
    case "succeeded": {
      const o = ingestOutcome(row.job?.result);
      return `${label}: ${o ? outcomeSummary(o) : "done"}.`;
    }
    case "failed":
      return `${label} failed: ${row.job?.error?.message ?? "the job failed"}`;
    case "upload-failed":
      return `${label} was not uploaded: ${row.error ?? "the upload failed"}`;
    case "cancelled":
      return `${label}: cancelled.`;
    default:
      return null;
  }
}

/**
 * Ingest jobs for the Knowledge page: uploads in flight (with byte progress), the jobs the server
 * runs (polled every second while any is queued or running), status announcements for screen
 * readers, and a refresh of the documents and counts whenever a job succeeds.
 */
export function useKnowledgeJobs({
  enabled,
  maxUploadBytes,
  liveRef,
}: {
  enabled: boolean;
  maxUploadBytes: number | undefined;
  /** A visually hidden `aria-live` element: status changes are announced there. */
  liveRef: React.RefObject<HTMLElement | null>;
}): KnowledgeJobs {
  const qc = useQueryClient();
  const [locals, setLocals] = useState<LocalEntry[]>([]);
  const aborts = useRef(new Map<string, () => void>());
  const cancelled = useRef(new Set<string>());
  const nextKey = useRef(0);

  const localPending = locals.some((l) => l.phase === "waiting" || l.phase === "uploading");
  const list = useQuery({
    queryKey: queryKeys.knowledgeJobs,
    queryFn: () => api<JobList>("/api/knowledge/jobs"),
    enabled,
    staleTime: 0,
    // A new job refetches the list at once (see `track` and the uploads), so it is in there from then on.
    refetchInterval: (q) => (localPending || q.state.data?.items.some((j) => isActive(j.status)) ? POLL_MS : false),
  });

  // Jobs this session started that the recent-jobs list does not (yet) include: poll them one by one.
  const listed = useMemo(() => new Set((list.data?.items ?? []).map((j) => j.id)), [list.data]);
  const missing = list.data
    ? locals.flatMap((l) => (l.job && !listed.has(l.job.id) && isActive(l.job.status) ? [l.job.id] : []))
    : [];
  const singleData = useQueries({
    queries: missing.map((id) => ({
      queryKey: queryKeys.knowledgeJob(id),
      queryFn: () => api<JobOut>(`/api/knowledge/jobs/${encodeURIComponent(id)}`),
      staleTime: 0,
      refetchInterval: (q: { state: { data?: JobOut } }) =>
        q.state.data && !isActive(q.state.data.status) ? false : POLL_MS,
    })),
    combine: (results) => results.map((r) => r.data),
  });

  const rows = useMemo<JobRowModel[]>(() => {
    const byId = new Map<string, JobOut>();
    for (const j of singleData) if (j) byId.set(j.id, j);
    for (const j of list.data?.items ?? []) byId.set(j.id, j);
    const mine = new Set<string>();
    const localRows = [...locals].reverse().map((l): JobRowModel => {
      if (l.job) {
        mine.add(l.job.id);
        const job = byId.get(l.job.id) ?? l.job;
        return { key: l.key, label: job.label || l.label, state: job.status, job, local: true };
      }
      return {
        key: l.key,
        label: l.label,
        state: l.phase === "failed" ? "upload-failed" : l.phase === "uploading" ? "uploading" : "waiting",
        upload: { loaded: l.loaded, total: l.total },
        error: l.error,
        local: true,
      };
    });
    const serverRows = (list.data?.items ?? [])
      .filter((j) => !mine.has(j.id))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, MAX_SERVER_ROWS)
      .map((j): JobRowModel => ({ key: j.id, label: j.label, state: j.status, job: j, local: false }));
    return [...localRows, ...serverRows];
  }, [locals, list.data, singleData]);

  // Announce final states and refresh what a finished job changed. The first load of the list is
  // taken as it is: jobs that ended before the page opened are not news.
  const seen = useRef<Map<string, JobRowState> | null>(null);
  useEffect(() => {
    if (!enabled) return;
    if (!list.data && !rows.some((r) => r.local)) return;
    const first = seen.current === null;
    const map = seen.current ?? new Map<string, JobRowState>();
    const messages: string[] = [];
    let changedDocuments = false;
    for (const row of rows) {
      const prev = map.get(row.key);
      if (prev === row.state) continue;
      map.set(row.key, row.state);
      if (first && !row.local) continue;
      if (row.state === "succeeded") changedDocuments = true;
      const msg = announcement(row);
      if (msg) messages.push(msg);
    }
    seen.current = map;
    if (changedDocuments) {
      void qc.invalidateQueries({ queryKey: queryKeys.knowledgeDocumentLists });
      void qc.invalidateQueries({ queryKey: ["knowledge", "document"] });
      void qc.invalidateQueries({ queryKey: queryKeys.knowledgeSettings });
    }
    if (messages.length > 0 && liveRef.current) liveRef.current.textContent = messages.join(" ");
  }, [rows, enabled, list.data, qc, liveRef]);

  const update = useCallback((key: string, patch: Partial<LocalEntry>) => {
    setLocals((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  }, []);

  const startUploads = useCallback(
    (files: File[], meta: UploadMeta) => {
      const accepted = acceptedExtensions(KNOWLEDGE_ACCEPT);
      const entries = files.map((file) => {
        const key = `upload-${++nextKey.current}`;
        let error: string | undefined;
        if (!accepted.includes(extensionOf(file.name)))
          error = `"${file.name}" is not a file type the knowledge base can read. Upload Markdown (.md), plain text (.txt), HTML (.html) or PDF (.pdf).`;
        else if (file.size === 0) error = `"${file.name}" is empty.`;
        else if (maxUploadBytes && file.size > maxUploadBytes)
          error = `"${file.name}" is ${formatBytes(file.size)}, which is over the ${formatBytes(maxUploadBytes)} upload limit. Split it into smaller files.`;
        const entry: LocalEntry = {
          key,
          label: file.name,
          phase: error ? "failed" : "waiting",
          loaded: 0,
          total: file.size,
          error,
        };
        return { entry, file };
      });
      setLocals((ls) => [...ls, ...entries.map((e) => e.entry)]);

      const queue = entries.filter((e) => e.entry.phase === "waiting");
      const uploadOne = async ({ entry, file }: (typeof entries)[number]) => {
        if (cancelled.current.has(entry.key)) return;
        update(entry.key, { phase: "uploading" });
        const handle = uploadKnowledgeFile(file, meta, (loaded, total) => update(entry.key, { loaded, total }), {
          maxUploadBytes,
        });
        aborts.current.set(entry.key, handle.abort);
        try {
          const job = await handle.done;
          update(entry.key, { phase: "sent", job, loaded: file.size });
          void qc.invalidateQueries({ queryKey: queryKeys.knowledgeJobs });
        } catch (e) {
          update(entry.key, {
            phase: "failed",
            error: e instanceof ApiError || e instanceof Error ? e.message : "The upload failed.",
          });
        } finally {
          aborts.current.delete(entry.key);
        }
      };
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await uploadOne(next);
      };
      void Promise.all(Array.from({ length: Math.min(UPLOAD_CONCURRENCY, queue.length) }, worker));
    },
    [maxUploadBytes, qc, update],
  );

  const track = useCallback(
    (job: JobOut) => {
      const key = `job-${++nextKey.current}`;
      setLocals((ls) => [...ls, { key, label: job.label, phase: "sent", loaded: 0, total: 0, job }]);
      void qc.invalidateQueries({ queryKey: queryKeys.knowledgeJobs });
    },
    [qc],
  );

  const cancel = useCallback(
    (key: string) => {
      cancelled.current.add(key);
      const abort = aborts.current.get(key);
      if (abort) abort();
      else update(key, { phase: "failed", error: "Upload cancelled." });
    },
    [update],
  );

  const dismiss = useCallback((key: string) => setLocals((ls) => ls.filter((l) => l.key !== key)), []);

  // Leaving the page stops uploads that are still sending; closing the tab asks first.
  useEffect(() => {
    const current = aborts.current;
    return () => {
      for (const abort of current.values()) abort();
    };
  }, []);
  useEffect(() => {
    if (!localPending) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [localPending]);

  return {
    rows,
    isPending: enabled && list.isPending,
    error: list.error,
    startUploads,
    track,
    cancel,
    dismiss,
    uploading: localPending,
  };
}
