"use client";

import { useState } from "react";
import { FLAG_KIND_LABELS } from "@/components/drafts/labels";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { QueueItem } from "@/lib/schemas/review";
import { Dialog } from "./dialog";

/** A draft with error-level flags is approved only after a second, explicit yes. */
export function ApproveDialog({
  item,
  onClose,
  onApprove,
}: {
  item: QueueItem | null;
  onClose: () => void;
  onApprove: (item: QueueItem) => Promise<unknown>;
}) {
  return (
    <Dialog
      open={item !== null}
      onClose={onClose}
      alert
      title="Approve a draft with errors?"
      description={
        item ? (
          <>
            “{item.title || "Untitled draft"}” has {item.flagCount} {item.flagCount === 1 ? "flag" : "flags"}, at least
            one at error level ({item.flagKinds.map((k) => FLAG_KIND_LABELS[k]).join(", ")}). Open it to read them
            first, or approve it as it is.
          </>
        ) : null
      }
    >
      {item ? <Confirm key={item.id} item={item} onCancel={onClose} onApprove={onApprove} /> : null}
    </Dialog>
  );
}

function Confirm({
  item,
  onCancel,
  onApprove,
}: {
  item: QueueItem;
  onCancel: () => void;
  onApprove: (item: QueueItem) => Promise<unknown>;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" data-autofocus="" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button
          variant="danger"
          disabled={pending}
          onClick={async () => {
            setPending(true);
            setError(null);
            const err = await onApprove(item);
            setPending(false);
            if (err) setError(err instanceof Error ? err.message : "The draft could not be approved.");
          }}
        >
          {pending ? "Approving…" : "Approve anyway"}
        </Button>
      </div>
    </div>
  );
}
