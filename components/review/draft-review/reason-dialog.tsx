"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Spinner, Textarea } from "@/components/inference/fields";
import { DecisionBody, type ReviewAction } from "@/lib/schemas/review";

const COPY: Partial<Record<ReviewAction, { title: string; label: string; hint: string; submit: string }>> = {
  request_changes: {
    title: "Request changes",
    label: "What needs to change",
    hint: "The author sees this on the draft and in their notifications.",
    submit: "Request changes",
  },
  reject: {
    title: "Reject the draft",
    label: "Why it is rejected",
    hint: "The author sees this on the draft. A rejected draft can be reopened later.",
    submit: "Reject draft",
  },
};

/**
 * The reason a decision needs (request changes, reject), in a modal dialog: the native `<dialog>`
 * keeps focus inside and Escape closes it; focus returns to the button that opened it. The reason is
 * checked with the same `DecisionBody` schema the server uses, and the server's own refusal (422)
 * shows in the same place.
 */
export function ReasonDialog({
  action,
  version,
  pending,
  serverError,
  onSubmit,
  onClose,
}: {
  /** The decision to explain; null closes the dialog. */
  action: ReviewAction | null;
  version: number;
  pending: boolean;
  serverError: string | null;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const id = useId();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const copy = action ? COPY[action] : undefined;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (action && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!action && dialog.open) {
      dialog.close();
    }
  }, [action]);

  /** After any close (Cancel, Escape, or the decision went through): reset, and give focus back. */
  function onClosed() {
    setReason("");
    setError(null);
    onClose();
    // The opener may be disabled while the decision is sent, or gone once the state changed.
    const back = opener.current;
    requestAnimationFrame(() => {
      if (back?.isConnected && !back.matches(":disabled")) back.focus();
      else document.getElementById("decision-bar")?.focus();
    });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!action) return;
    const parsed = DecisionBody.safeParse({ action, version, reason });
    const issue = parsed.success ? null : (parsed.error.issues.find((i) => i.path[0] === "reason") ?? null);
    if (issue) {
      setError(issue.message);
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    setError(null);
    onSubmit(reason.trim());
  }

  const message = error ?? serverError ?? undefined;
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        if (pending) e.preventDefault();
      }}
      onClose={onClosed}
      className="bg-card text-card-foreground border-border shadow-popover backdrop:bg-overlay m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border p-0"
      data-testid="reason-dialog"
    >
      {copy ? (
        <form onSubmit={submit} noValidate className="space-y-4 p-5">
          <h2 id={`${id}-title`} className="text-base font-semibold">
            {copy.title}
          </h2>
          <Field id={`${id}-reason`} label={copy.label} hint={copy.hint} error={message}>
            {(a11y) => (
              <Textarea
                {...a11y}
                autoFocus
                rows={5}
                maxLength={2000}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault();
                    e.currentTarget.form?.requestSubmit();
                  }
                }}
              />
            )}
          </Field>
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="ghost" onClick={() => ref.current?.close()} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" variant={action === "reject" ? "danger" : "primary"} disabled={pending}>
              {pending ? <Spinner /> : null}
              {copy.submit}
            </Button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
