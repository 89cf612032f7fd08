"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, CircleX, Cpu, Pencil, PlugZap, Trash2 } from "lucide-react";
import { Fragment, useState } from "react";
import { z } from "zod";
import { api, queryKeys } from "@/lib/query/client";
import type { ProviderSummary } from "@/lib/schemas/inference";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { AddProviderForm, parseModelList } from "./add-provider-form";
import { Field, Loading, Spinner, Switch } from "./fields";
import { formatMs } from "./format";
import { OFFLINE_EXPLAINER, PROVIDER_KIND_LABELS, apiIssues, type TestResult } from "./types";

const SOURCE_LABELS: Record<ProviderSummary["source"], { label: string; tone: BadgeTone; help: string }> = {
  builtin: { label: "Built-in", tone: "neutral", help: "Ships with Lectern" },
  env: { label: "Instance", tone: "info", help: "Configured by the server's environment; read-only here" },
  workspace: { label: "Workspace", tone: "brand", help: "Added in this workspace" },
};

export function useProviders() {
  return useQuery({
    queryKey: queryKeys.providers,
    queryFn: () => api<ProviderSummary[]>("/api/inference/providers"),
  });
}

export function ProvidersCard() {
  const qc = useQueryClient();
  const providers = useProviders();
  const invalidate = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: queryKeys.providers }),
      qc.invalidateQueries({ queryKey: queryKeys.routes }),
    ]);
  const toggle = useMutation({
    mutationFn: (v: { id: string; enabled: boolean }) =>
      api(`/api/inference/providers/${encodeURIComponent(v.id)}`, { method: "PATCH", body: { enabled: v.enabled } }),
    onMutate: (v) =>
      qc.setQueryData<ProviderSummary[]>(queryKeys.providers, (old) =>
        old?.map((p) => (p.id === v.id ? { ...p, enabled: v.enabled } : p)),
      ),
    onSettled: invalidate,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/inference/providers/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: invalidate,
  });
  const [editing, setEditing] = useState<string | null>(null);
  const actionError = toggle.error ?? remove.error;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Providers</CardTitle>
        <CardDescription>
          Where calls can go. API keys are encrypted at rest and never shown again: only their last four characters.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        {actionError ? <Alert tone="danger">{actionError.message}</Alert> : null}
        {providers.isPending ? (
          <Loading>Loading providers…</Loading>
        ) : providers.isError ? (
          <Alert tone="danger">{providers.error.message}</Alert>
        ) : providers.data.length === 0 ? (
          <EmptyState icon={Cpu} title="No providers" description="Add one below." headingLevel="h3" />
        ) : (
          <DataTable
            caption="Model providers"
            columns={["Provider", "Source", "API key", "Models", "Enabled", { label: "Actions", hidden: true }]}
          >
            {providers.data.map((p) => (
              <ProviderRow
                key={p.id}
                provider={p}
                editing={editing === p.id}
                onEdit={() => setEditing(editing === p.id ? null : p.id)}
                onToggle={(enabled) => toggle.mutate({ id: p.id, enabled })}
                onDelete={() => {
                  if (confirm(`Remove the provider "${p.name}"? Its encrypted API key is deleted too.`))
                    remove.mutate(p.id);
                }}
                onSaved={() => {
                  setEditing(null);
                  return invalidate();
                }}
              />
            ))}
          </DataTable>
        )}
        <AddProviderForm onAdded={invalidate} />
      </CardContent>
    </Card>
  );
}

function ProviderRow({
  provider: p,
  editing,
  onEdit,
  onToggle,
  onDelete,
  onSaved,
}: {
  provider: ProviderSummary;
  editing: boolean;
  onEdit: () => void;
  onToggle: (enabled: boolean) => void;
  onDelete: () => void;
  onSaved: () => unknown;
}) {
  const test = useMutation({
    mutationFn: () => api<TestResult>("/api/inference/providers/test", { method: "POST", body: { provider: p.id } }),
  });
  const isWorkspace = p.source === "workspace";
  const source = SOURCE_LABELS[p.source];
  const resultId = `provider-test-${p.id.replace(/[^a-z0-9_-]/gi, "-")}`;

  return (
    <Fragment>
      <tr data-provider-id={p.id} className={p.enabled ? undefined : "[&>td]:opacity-60"}>
        <td className="py-3 pr-4">
          <div className="flex flex-wrap items-center gap-2 font-medium">
            {p.kind === "offline" ? "Offline engine" : p.name}
            {p.kind === "offline" ? (
              <Badge tone="warning">Not an LLM</Badge>
            ) : (
              <Badge>{PROVIDER_KIND_LABELS[p.kind]}</Badge>
            )}
          </div>
          {p.kind === "offline" ? (
            <div className="text-muted-foreground mt-0.5 text-xs">
              {OFFLINE_EXPLAINER}: it assembles copy from your brief and facts with fixed rules, so results are
              repeatable and free.
            </div>
          ) : p.baseUrl ? (
            <div className="text-muted-foreground mt-0.5 font-mono text-xs break-all">{p.baseUrl}</div>
          ) : null}
        </td>
        <td className="py-3 pr-4">
          <Badge tone={source.tone} title={source.help}>
            {source.label}
          </Badge>
        </td>
        <td className="py-3 pr-4 font-mono text-xs whitespace-nowrap">
          {p.apiKeyLast4 ? (
            <span aria-label={`Key ending in ${p.apiKeyLast4}`}>••••{p.apiKeyLast4}</span>
          ) : (
            <span className="text-muted-foreground font-sans">{p.kind === "offline" ? "Not needed" : "None"}</span>
          )}
        </td>
        <td className="py-3 pr-4">
          <ul className="flex max-w-60 flex-wrap gap-1" aria-label={`Models of ${p.name}`}>
            {p.models.map((m) => (
              <li key={m}>
                <code className="bg-muted border-border rounded border px-1.5 py-0.5 font-mono text-xs whitespace-nowrap">
                  {m}
                </code>
              </li>
            ))}
          </ul>
        </td>
        <td className="py-3 pr-4">
          {isWorkspace ? (
            <Switch
              checked={p.enabled}
              onCheckedChange={onToggle}
              aria-label={`${p.name} enabled`}
              title={p.enabled ? "Enabled: routes may use it" : "Disabled: routes skip it"}
            />
          ) : (
            <span className="text-muted-foreground text-xs">{p.enabled ? "Always on" : "Off"}</span>
          )}
        </td>
        <td className="py-3">
          <div className="flex items-center justify-end gap-1">
            <Button
              size="sm"
              variant="secondary"
              onClick={() => test.mutate()}
              disabled={test.isPending}
              aria-label={`Test connection to ${p.name}`}
              aria-describedby={test.data || test.error ? resultId : undefined}
            >
              {test.isPending ? <Spinner /> : <PlugZap aria-hidden="true" />}
              {test.isPending ? "Testing…" : "Test connection"}
            </Button>
            {isWorkspace ? (
              <>
                <Button
                  size="icon-sm"
                  variant="ghost"
                  aria-label={`Edit ${p.name}`}
                  aria-expanded={editing}
                  onClick={onEdit}
                >
                  <Pencil aria-hidden="true" />
                </Button>
                <Button size="icon-sm" variant="ghost" aria-label={`Remove ${p.name}`} onClick={onDelete}>
                  <Trash2 aria-hidden="true" />
                </Button>
              </>
            ) : null}
          </div>
        </td>
      </tr>
      {test.isPending || test.data || test.error ? (
        <tr className="!border-t-0">
          <td colSpan={6} className="pb-3">
            <div id={resultId} role="status" aria-live="polite">
              {test.isPending ? (
                <p className="text-muted-foreground flex items-center gap-2 text-sm">
                  <Spinner />
                  Sending a tiny request to {p.kind === "offline" ? "the offline engine" : p.name} (up to 15 s)…
                </p>
              ) : test.error ? (
                <Alert tone="danger" role="none">
                  {test.error.message}
                </Alert>
              ) : test.data ? (
                <TestResultLine result={test.data} />
              ) : null}
            </div>
          </td>
        </tr>
      ) : null}
      {editing ? (
        <tr className="!border-t-0">
          <td colSpan={6} className="pb-4">
            <EditProviderForm provider={p} onSaved={onSaved} onCancel={onEdit} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}

function TestResultLine({ result }: { result: TestResult }) {
  return (
    <div
      data-testid="provider-test-result"
      data-ok={result.ok}
      className={
        result.ok
          ? "border-success-border bg-success-subtle flex items-start gap-2 rounded-md border px-3 py-2 text-sm"
          : "border-danger-border bg-danger-subtle flex items-start gap-2 rounded-md border px-3 py-2 text-sm"
      }
    >
      {result.ok ? (
        <CircleCheck aria-hidden="true" className="text-success mt-0.5 size-4 shrink-0" />
      ) : (
        <CircleX aria-hidden="true" className="text-danger mt-0.5 size-4 shrink-0" />
      )}
      <div>
        <span className="font-medium">{result.ok ? "Connection works." : "Connection failed."}</span>{" "}
        <span>{result.message}</span>
        <span className="text-muted-foreground">
          {" "}
          · {result.model ?? "no model"} · {formatMs(result.latencyMs)}
        </span>
      </div>
    </div>
  );
}

const EditBody = z.object({
  name: z.string().trim().min(1, "Give the provider a name.").max(80),
  models: z.array(z.string().trim().min(1).max(200)).min(1, "List at least one model id.").max(50),
  apiKey: z.string().trim().min(8, "A key has at least 8 characters.").optional(),
  baseUrl: z.url("Enter a full URL, e.g. http://localhost:11434/v1").optional(),
});

function EditProviderForm({
  provider: p,
  onSaved,
  onCancel,
}: {
  provider: ProviderSummary;
  onSaved: () => unknown;
  onCancel: () => void;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: z.infer<typeof EditBody>) =>
      api(`/api/inference/providers/${encodeURIComponent(p.id)}`, { method: "PATCH", body }),
    onSuccess: onSaved,
    onError: (e) => setErrors(apiIssues(e)),
  });
  const base = `edit-${p.id}`;

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const key = String(f.get("apiKey") ?? "").trim();
    const url = String(f.get("baseUrl") ?? "").trim();
    const parsed = EditBody.safeParse({
      name: f.get("name"),
      models: parseModelList(String(f.get("models") ?? "")),
      apiKey: key || undefined,
      baseUrl: url || undefined,
    });
    const next: Record<string, string> = {};
    if (!parsed.success) for (const i of parsed.error.issues) next[String(i.path[0])] ??= i.message;
    setErrors(next);
    if (parsed.success) save.mutate(parsed.data);
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={`Edit ${p.name}`}
      className="border-border bg-muted/40 grid gap-4 rounded-lg border p-4 sm:grid-cols-2"
    >
      <Field id={`${base}-name`} label="Name" error={errors.name}>
        {(a) => <Input {...a} name="name" defaultValue={p.name} />}
      </Field>
      <Field
        id={`${base}-models`}
        label="Models"
        hint="Model ids, separated by commas or new lines."
        error={errors.models}
      >
        {(a) => <Input {...a} name="models" defaultValue={p.models.join(", ")} />}
      </Field>
      {p.kind !== "anthropic" ? (
        <Field id={`${base}-url`} label="Base URL" optional={p.kind === "openai"} error={errors.baseUrl}>
          {(a) => <Input {...a} name="baseUrl" type="url" defaultValue={p.baseUrl ?? ""} />}
        </Field>
      ) : null}
      <Field
        id={`${base}-key`}
        label="Replace API key"
        optional
        hint={p.apiKeyLast4 ? `Current key ends in ${p.apiKeyLast4}. Leave empty to keep it.` : "No key stored."}
        error={errors.apiKey}
      >
        {(a) => <Input {...a} name="apiKey" type="password" autoComplete="off" spellCheck={false} />}
      </Field>
      {save.error ? (
        <Alert tone="danger" className="sm:col-span-2">
          {save.error.message}
        </Alert>
      ) : null}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" size="sm" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save changes"}
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
