"use client";

import { Trash2 } from "lucide-react";
import { Spinner } from "@/components/inference/fields";
import { Dialog } from "@/components/review/queue/dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { EndpointOut } from "@/lib/schemas/publishing";
import { useDeleteEndpoint } from "./api";
import { plural, shortUrl } from "./format";

/** Deleting an endpoint is confirmed: its pending deliveries are dead-lettered, not sent. */
export function DeleteDialog({
  endpoint,
  onClose,
  onDeleted,
}: {
  endpoint: EndpointOut | null;
  onClose: () => void;
  onDeleted: (e: EndpointOut) => void;
}) {
  const del = useDeleteEndpoint();
  const pending = endpoint?.stats.pending ?? 0;
  return (
    <Dialog
      open={endpoint !== null}
      onClose={() => {
        del.reset();
        onClose();
      }}
      alert
      title="Delete this endpoint?"
      description={
        endpoint ? (
          <>
            <span className="text-foreground font-mono break-all">{shortUrl(endpoint.url)}</span> gets no more
            deliveries.{" "}
            {pending > 0 ? (
              <strong className="text-foreground">
                Its {plural(pending, "pending delivery", "pending deliveries")} will be dead-lettered
              </strong>
            ) : (
              "Any delivery still pending will be dead-lettered"
            )}{" "}
            (moved to the dead-letter list, with the deletion as the reason) and kept in the log. This cannot be undone.
          </>
        ) : null
      }
    >
      {endpoint ? (
        <div className="space-y-4">
          {del.error ? <Alert tone="danger">{del.error.message}</Alert> : null}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" data-autofocus="" onClick={onClose} disabled={del.isPending}>
              Cancel
            </Button>
            <Button
              variant="danger"
              disabled={del.isPending}
              onClick={() => del.mutate(endpoint, { onSuccess: () => onDeleted(endpoint) })}
            >
              {del.isPending ? <Spinner /> : <Trash2 aria-hidden="true" />}
              Delete endpoint
            </Button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
