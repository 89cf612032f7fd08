"use client";

import { Trash2 } from "lucide-react";
import { useId } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { plural } from "./format";

/**
 * Inline confirmation before deleting a document (`role="alertdialog"`, focus on the confirm
 * button, Escape cancels), in the style of the prompts page's "Move label" confirmation.
 */
export function ConfirmDelete({
  title,
  chunkCount,
  pending,
  error,
  onConfirm,
  onCancel,
  className,
}: {
  title: string;
  chunkCount: number;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  className?: string;
}) {
  const id = useId();
  return (
    <Alert
      tone="danger"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      className={className}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onCancel();
        }
      }}
      title={<span id={`${id}-title`}>Delete “{title}”?</span>}
    >
      <p id={`${id}-desc`}>
        The document and its {plural(chunkCount, "chunk")} leave the knowledge base: search and new drafts stop using
        them. This cannot be undone; add the file again to bring it back.
      </p>
      {error ? <p className="text-danger mt-2 font-medium">{error}</p> : null}
      <div className="mt-3 flex gap-2">
        <Button size="sm" variant="danger" autoFocus disabled={pending} onClick={onConfirm}>
          <Trash2 aria-hidden="true" />
          {pending ? "Deleting…" : "Delete document"}
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
    </Alert>
  );
}
