"use client";

import { Ban, Pause, Play } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { BatchOut } from "@/lib/schemas/batches";
import { BATCH_HEADING_ID, CAN } from "./format";
import { useBatchAction } from "./use-batches";

/** Pause, Resume and Cancel, each enabled only where the API allows it; Cancel asks first. */
export function BatchControls({ batch }: { batch: BatchOut }) {
  const action = useBatchAction(batch.id);
  const [confirming, setConfirming] = useState(false);
  const pauseRef = useRef<HTMLButtonElement>(null);
  const resumeRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const busy = action.isPending;
  const s = batch.status;
  const close = () => {
    setConfirming(false);
    requestAnimationFrame(() => cancelRef.current?.focus());
  };
  // The pressed button turns disabled: focus moves to the one that undoes it (or to the heading)
  // once it is enabled, after the new state has rendered.
  const focusNext = useRef<"pause" | "resume" | "cancel" | null>(null);
  useEffect(() => {
    const done = focusNext.current;
    if (!done) return;
    const el =
      done === "pause"
        ? resumeRef.current
        : done === "resume"
          ? pauseRef.current
          : document.getElementById(BATCH_HEADING_ID);
    if (!el || (el instanceof HTMLButtonElement && el.disabled)) return;
    focusNext.current = null;
    el.focus();
  });
  const run = (a: "pause" | "resume" | "cancel") =>
    action.mutate(a, {
      onSuccess: () => {
        focusNext.current = a;
        setConfirming(false);
      },
    });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Batch controls">
        <Button
          ref={pauseRef}
          variant="secondary"
          size="sm"
          disabled={busy || !CAN.pause(s)}
          onClick={() => run("pause")}
        >
          <Pause aria-hidden="true" />
          Pause
        </Button>
        <Button
          ref={resumeRef}
          variant="secondary"
          size="sm"
          disabled={busy || !CAN.resume(s)}
          onClick={() => run("resume")}
        >
          <Play aria-hidden="true" />
          Resume
        </Button>
        <Button
          ref={cancelRef}
          variant="secondary"
          size="sm"
          disabled={busy || !CAN.cancel(s)}
          aria-expanded={confirming}
          onClick={() => setConfirming(true)}
        >
          <Ban aria-hidden="true" />
          Cancel batch
        </Button>
      </div>
      {confirming && CAN.cancel(s) ? (
        <Alert
          tone="danger"
          role="alertdialog"
          aria-label="Cancel this batch?"
          onKeyDown={(e) => {
            if (e.key === "Escape") close();
          }}
        >
          <p>
            Cancel the batch? The {batch.pending} rows not written yet are skipped for good; pages already written stay
            as drafts.
          </p>
          <div className="mt-2 flex gap-2">
            <Button variant="danger" size="sm" autoFocus disabled={busy} onClick={() => run("cancel")}>
              Yes, cancel the batch
            </Button>
            <Button variant="ghost" size="sm" onClick={close}>
              Keep it running
            </Button>
          </div>
        </Alert>
      ) : null}
      {action.isError ? <Alert tone="danger">{action.error.message}</Alert> : null}
    </div>
  );
}
