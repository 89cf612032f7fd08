"use client";

import { Plus, Webhook } from "lucide-react";
import { useState } from "react";
import { Loading } from "@/components/inference/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { EndpointOut, EndpointWithSecret } from "@/lib/schemas/publishing";
import { useEndpoints } from "./api";
import { DeleteDialog } from "./delete-dialog";
import { EndpointCard } from "./endpoint-card";
import { EndpointForm } from "./endpoint-form";
import { PanelHeading } from "./panel-heading";
import { RotateDialog } from "./rotate-dialog";
import type { ShownSecret } from "./secret-box";

type DialogState = { kind: "rotate" | "delete"; endpoint: EndpointOut } | null;

/**
 * The admins' endpoints: the list with each one's health, the create/edit form, and the secret
 * shown once after create or rotate. `creating` is lifted so the log's empty state can open the form.
 */
export function EndpointsPanel({
  creating,
  onCreatingChange,
}: {
  creating: boolean;
  onCreatingChange: (on: boolean) => void;
}) {
  const endpoints = useEndpoints(true);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [secret, setSecret] = useState<ShownSecret | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [announcement, setAnnouncement] = useState("");
  // Bumped by "Reload" after a 409: the edit form starts again from the endpoint as saved now.
  const [formRound, setFormRound] = useState(0);

  function focusCard(endpointId: string) {
    // After the form closes, the card it became (or went back to) takes the focus.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-endpoint-id="${CSS.escape(endpointId)}"] h3`)?.focus(),
    );
  }

  function created(e: EndpointWithSecret) {
    onCreatingChange(false);
    setSecret({ endpointId: e.id, secret: e.secret, kind: "created" });
    setAnnouncement(`Endpoint ${e.url} created. Copy its signing secret now; it is not shown again.`);
  }

  const live = (
    <div role="status" className="sr-only">
      {announcement}
    </div>
  );

  const heading = (
    <PanelHeading
      title="Endpoints"
      description={
        <>
          Each endpoint receives a signed POST (Standard Webhooks: <code className="font-mono text-xs">webhook-id</code>
          , <code className="font-mono text-xs">webhook-timestamp</code>,{" "}
          <code className="font-mono text-xs">webhook-signature</code>) for the events it subscribes to. Failed
          deliveries are retried with backoff for about a day, then dead-lettered; a 410 Gone disables the endpoint.
        </>
      }
      actions={
        !creating && endpoints.data ? (
          <Button
            data-new-endpoint=""
            onClick={() => {
              setEditingId(null);
              onCreatingChange(true);
            }}
          >
            <Plus aria-hidden="true" />
            New endpoint
          </Button>
        ) : null
      }
    />
  );

  if (endpoints.isPending)
    return (
      <div className="space-y-4">
        {heading}
        <Loading>Loading endpoints…</Loading>
      </div>
    );
  if (endpoints.isError)
    return (
      <div className="space-y-4">
        {heading}
        <Alert tone="danger" title="The endpoints could not be loaded">
          <p>{endpoints.error.message}</p>
          <Button variant="secondary" size="sm" className="mt-2" onClick={() => void endpoints.refetch()}>
            Try again
          </Button>
        </Alert>
      </div>
    );

  const items = endpoints.data.items;
  return (
    <div className="space-y-4">
      {live}
      {heading}

      {creating ? <EndpointForm onCreated={created} onCancel={() => onCreatingChange(false)} /> : null}

      {items.length === 0 && !creating ? (
        <EmptyState
          icon={Webhook}
          headingLevel="h3"
          title="No endpoints yet"
          description="Add the URL of your CMS, or of any system that should hear about content, to get a signed webhook whenever a page is published or content is approved."
          action={
            <Button onClick={() => onCreatingChange(true)}>
              <Plus aria-hidden="true" />
              Add an endpoint
            </Button>
          }
        />
      ) : (
        <ul className="space-y-4" aria-label="Endpoints">
          {items.map((e) => (
            <li key={e.id}>
              {editingId === e.id ? (
                <EndpointForm
                  key={formRound}
                  endpoint={e}
                  onSaved={(saved) => {
                    setEditingId(null);
                    setAnnouncement(`Endpoint ${saved.url} saved.`);
                    focusCard(saved.id);
                  }}
                  onCancel={() => {
                    setEditingId(null);
                    focusCard(e.id);
                  }}
                  onReload={() => void endpoints.refetch().then(() => setFormRound((n) => n + 1))}
                />
              ) : (
                <EndpointCard
                  endpoint={e}
                  secret={secret?.endpointId === e.id ? secret : undefined}
                  onSecret={setSecret}
                  onDismissSecret={() => setSecret(null)}
                  onEdit={() => {
                    onCreatingChange(false);
                    setEditingId(e.id);
                  }}
                  onRotate={() => setDialog({ kind: "rotate", endpoint: e })}
                  onDelete={() => setDialog({ kind: "delete", endpoint: e })}
                  onReload={() => void endpoints.refetch()}
                />
              )}
            </li>
          ))}
        </ul>
      )}

      <RotateDialog
        endpoint={dialog?.kind === "rotate" ? dialog.endpoint : null}
        onClose={() => setDialog(null)}
        onRotated={(e) => {
          setDialog(null);
          setSecret({ endpointId: e.id, secret: e.secret, kind: "rotated" });
          setAnnouncement(`Secret of ${e.url} rotated. Copy the new secret now; it is not shown again.`);
        }}
      />
      <DeleteDialog
        endpoint={dialog?.kind === "delete" ? dialog.endpoint : null}
        onClose={() => setDialog(null)}
        onDeleted={(e) => {
          setDialog(null);
          if (secret?.endpointId === e.id) setSecret(null);
          setAnnouncement(`Endpoint ${e.url} deleted.`);
          requestAnimationFrame(() => document.querySelector<HTMLElement>("[data-new-endpoint]")?.focus());
        }}
      />
    </div>
  );
}
