import { ApiError } from "@/lib/query/client";
import type { ErrorBody } from "@/lib/errors";
import type { JobOut } from "@/lib/schemas/knowledge";
import { formatBytes } from "./format";

export type UploadMeta = { tags: string[]; effectiveDate?: string; title?: string };

export type UploadHandle = {
  /** Resolves with the queued ingest job (202), rejects with an `ApiError` carrying the server's message. */
  done: Promise<JobOut>;
  abort: () => void;
};

/**
 * Uploads one file to `POST /api/knowledge/uploads` as multipart/form-data. Uses XMLHttpRequest
 * rather than fetch because only XHR reports upload progress (`upload.onprogress`).
 */
export function uploadKnowledgeFile(
  file: File,
  meta: UploadMeta,
  onProgress: (loaded: number, total: number) => void,
  opts: { maxUploadBytes?: number } = {},
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<JobOut>((resolve, reject) => {
    const form = new FormData();
    form.append("file", file, file.name);
    form.append("tags", meta.tags.join(","));
    if (meta.title) form.append("title", meta.title);
    if (meta.effectiveDate) form.append("effectiveDate", meta.effectiveDate);

    xhr.open("POST", "/api/knowledge/uploads");
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) {
        resolve(body as JobOut);
        return;
      }
      const err = (body as ErrorBody | null)?.error;
      const fallback =
        xhr.status === 413
          ? `"${file.name}" is too large to upload${opts.maxUploadBytes ? ` (the limit is ${formatBytes(opts.maxUploadBytes)})` : ""}.`
          : xhr.status === 415
            ? `"${file.name}" is not a file type the knowledge base can read.`
            : `The server answered ${xhr.status}.`;
      reject(new ApiError(xhr.status, err?.code ?? "unknown", err?.message ?? fallback, err?.details));
    };
    xhr.onerror = () =>
      reject(new ApiError(0, "network", "Could not reach the Lectern server. Check your connection and try again."));
    xhr.onabort = () => reject(new ApiError(0, "aborted", "Upload cancelled."));
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
