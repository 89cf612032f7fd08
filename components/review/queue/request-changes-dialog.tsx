"use client";

import { useId, useState } from "react";
import { detailIssues, errorsByField } from "@/components/drafts/form-errors";
import { Field, Textarea } from "@/components/inference/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/query/client";
import { DecisionBody, type QueueItem } from "@/lib/schemas/review";
import { Dialog } from "./dialog";

/**
 * Asks why before sending a draft back. The reason is checked with the same `DecisionBody` schema
 * the route uses; the server's 422 lands on the same field.
 */
export function RequestChangesDialog({
  item,
  onClose,
  onSubmit,
}: {
  item: QueueItem | null;
  onClose: () => void;
  /** Sends the decision; resolves with the error, or null when it went through. */
  onSubmit: (item: QueueItem, reason: string) => Promise<unknown>;
}) {
  return (
    <Dialog
      open={item !== null}
      onClose={onClose}
      title="Request changes"
      description={item ? <>“{item.title || "Untitled draft"}” goes back to its author with your note.</> : null}
    >
      {item ? <ReasonForm key={item.id} item={item} onCancel={onClose} onSubmit={onSubmit} /> : null}
    </Dialog>
  );
}

function ReasonForm({
  item,
  onCancel,
  onSubmit,
}: {
  item: QueueItem;
  onCancel: () => void;
  onSubmit: (item: QueueItem, reason: string) => Promise<unknown>;
}) {
  const id = useId();
  const fieldId = `${id}-reason`;
  const [reason, setReason] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function focusField() {
    requestAnimationFrame(() => document.getElementById(fieldId)?.focus());
  }

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const parsed = DecisionBody.safeParse({ action: "request_changes", version: item.version, reason });
    if (!parsed.success) {
      setFieldError(errorsByField(["reason"], parsed.error.issues).reason ?? parsed.error.issues[0]?.message);
      focusField();
      return;
    }
    setFieldError(undefined);
    setPending(true);
    const err = await onSubmit(item, parsed.data.reason ?? "");
    setPending(false);
    if (!err) return;
    const issue = err instanceof ApiError ? errorsByField(["reason"], detailIssues(err.details)).reason : undefined;
    if (issue) {
      setFieldError(issue);
      focusField();
    } else setFormError(err instanceof Error ? err.message : "The decision could not be saved.");
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4">
      <Field
        id={fieldId}
        label="What needs to change"
        hint="The author sees this note on the draft."
        error={fieldError}
      >
        {(a) => (
          <Textarea
            {...a}
            data-autofocus=""
            rows={4}
            maxLength={2000}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              if (fieldError) setFieldError(undefined);
            }}
            onKeyDown={(e) => {
              // Ctrl/⌘+Enter sends, as in most review tools.
              if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
            }}
          />
        )}
      </Field>
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Request changes"}
        </Button>
      </div>
    </form>
  );
}
