"use client";

import { RotateCw } from "lucide-react";
import { useId, useState } from "react";
import { Spinner } from "@/components/inference/fields";
import { Dialog } from "@/components/review/queue/dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RotateSecretBody, type EndpointOut, type EndpointWithSecret } from "@/lib/schemas/publishing";
import { useRotateSecret } from "./api";
import { shortUrl } from "./format";

/** Rotates an endpoint's signing secret, with an overlap during which both secrets sign. */
export function RotateDialog({
  endpoint,
  onClose,
  onRotated,
}: {
  endpoint: EndpointOut | null;
  onClose: () => void;
  onRotated: (e: EndpointWithSecret) => void;
}) {
  return (
    <Dialog
      open={endpoint !== null}
      onClose={onClose}
      title="Rotate the signing secret"
      description={
        endpoint ? (
          <>
            Lectern makes a new secret for <span className="text-foreground font-mono">{shortUrl(endpoint.url)}</span>{" "}
            and shows it once. During the overlap every delivery carries <strong>both signatures</strong> (new and
            previous secret) in its <code className="font-mono text-xs">webhook-signature</code> header, so the receiver
            keeps verifying while you give it the new secret.
          </>
        ) : null
      }
    >
      {endpoint ? <RotateForm key={endpoint.id} endpoint={endpoint} onCancel={onClose} onRotated={onRotated} /> : null}
    </Dialog>
  );
}

function RotateForm({
  endpoint,
  onCancel,
  onRotated,
}: {
  endpoint: EndpointOut;
  onCancel: () => void;
  onRotated: (e: EndpointWithSecret) => void;
}) {
  const id = useId();
  const [hours, setHours] = useState("24");
  const [error, setError] = useState<string | undefined>();
  const rotate = useRotateSecret();
  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const parsed = RotateSecretBody.safeParse({ overlapHours: hours.trim() === "" ? Number.NaN : Number(hours) });
    if (!parsed.success) {
      setError(
        parsed.error.issues[0]?.code === "too_big"
          ? parsed.error.issues[0].message
          : "Enter a whole number of hours from 0 to 168",
      );
      return;
    }
    setError(undefined);
    rotate.mutate({ id: endpoint.id, body: parsed.data }, { onSuccess: onRotated });
  }
  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      <div className="space-y-2">
        <Label htmlFor={`${id}-hours`}>Overlap (hours)</Label>
        <Input
          id={`${id}-hours`}
          data-autofocus=""
          type="number"
          inputMode="numeric"
          min={0}
          max={168}
          step={1}
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          invalid={Boolean(error)}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          className="w-32"
        />
        <p id={`${id}-hint`} className="text-muted-foreground text-xs leading-5">
          How long the previous secret keeps signing: 24 hours by default, at most 168 (7 days). 0 retires it at once;
          receivers that still use it fail until they are updated.
        </p>
        <FieldError id={`${id}-error`}>{error}</FieldError>
      </div>
      {rotate.error ? <Alert tone="danger">{rotate.error.message}</Alert> : null}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel} disabled={rotate.isPending}>
          Cancel
        </Button>
        <Button type="submit" disabled={rotate.isPending}>
          {rotate.isPending ? <Spinner /> : <RotateCw aria-hidden="true" />}
          Rotate secret
        </Button>
      </div>
    </form>
  );
}
