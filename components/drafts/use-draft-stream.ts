"use client";

import { useEffect, useRef, useState } from "react";
import type { ErrorBody } from "@/lib/errors";
import { ApiError } from "@/lib/query/client";
import type { CreateDraftBody, DraftDetail, DraftProgressEvent, PipelineStep } from "@/lib/schemas/drafts";

export type DraftRun =
  | { state: "idle" }
  | { state: "running"; steps: PipelineStep[] }
  | { state: "done"; steps: PipelineStep[]; draft: DraftDetail }
  | { state: "error"; steps: PipelineStep[]; error: ApiError };

/** Reads an NDJSON body line by line as it arrives. */
async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += decoder.decode(value, { stream: !done });
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (line) yield JSON.parse(line) as unknown;
      }
      if (done) break;
    }
    if (buffer.trim()) yield JSON.parse(buffer) as unknown;
  } finally {
    reader.releaseLock();
  }
}

async function errorFrom(res: Response): Promise<ApiError> {
  const err = ((await res.json().catch(() => null)) as ErrorBody | null)?.error;
  return new ApiError(
    res.status,
    err?.code ?? "unknown",
    err?.message ?? `The server answered ${res.status}.`,
    err?.details,
  );
}

/**
 * Runs the pipeline through `POST /api/drafts` with `Accept: application/x-ndjson`: each step is
 * added as it finishes; a validation error (422 before the stream) or an `error` event ends the run.
 */
export function useDraftStream(on: { done: (draft: DraftDetail) => void; error: (error: ApiError) => void }) {
  const [run, setRun] = useState<DraftRun>({ state: "idle" });
  const abortRef = useRef<AbortController | null>(null);
  useEffect(() => () => abortRef.current?.abort(), []);

  async function start(body: CreateDraftBody) {
    abortRef.current?.abort();
    const ctl = new AbortController();
    abortRef.current = ctl;
    const steps: PipelineStep[] = [];
    const fail = (error: ApiError) => {
      setRun({ state: "error", steps: [...steps], error });
      on.error(error);
    };
    setRun({ state: "running", steps: [] });
    try {
      const res = await fetch("/api/drafts", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/x-ndjson" },
        body: JSON.stringify(body),
        signal: ctl.signal,
      });
      if (!res.ok || !res.body) return fail(await errorFrom(res));
      for await (const raw of ndjsonLines(res.body)) {
        const e = raw as DraftProgressEvent;
        if (e.type === "step") {
          steps.push(e.step);
          setRun({ state: "running", steps: [...steps] });
        } else if (e.type === "draft") {
          setRun({ state: "done", steps: [...steps], draft: e.draft });
          on.done(e.draft);
          return;
        } else if (e.type === "error") return fail(new ApiError(200, e.error.code, e.error.message));
      }
      fail(new ApiError(0, "stream", "The connection closed before the draft was saved. Try again."));
    } catch (e) {
      if (ctl.signal.aborted) return;
      fail(
        e instanceof SyntaxError
          ? new ApiError(0, "stream", "The server sent a progress line that could not be read. Try again.")
          : new ApiError(0, "network", "Could not reach the Lectern server. Check your connection and try again."),
      );
    }
  }

  return { run, start };
}
