"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, Copy, KeyRound } from "lucide-react";
import { useState } from "react";
import { api, queryKeys } from "@/lib/query/client";
import { API_KEY_SCOPES, CreateApiKeyBody, type ApiKeySummary, type CreatedApiKey } from "@/lib/schemas/api-keys";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

const dateTimeFmt = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

const SCOPE_HELP: Record<(typeof API_KEY_SCOPES)[number], string> = {
  read: "read workspace data",
  write: "create and change things (e.g. invitations)",
};

export function ApiKeysPanel() {
  const qc = useQueryClient();
  const keys = useQuery({ queryKey: queryKeys.apiKeys, queryFn: () => api<ApiKeySummary[]>("/api/api-keys") });
  const invalidate = () => qc.invalidateQueries({ queryKey: queryKeys.apiKeys });
  const create = useMutation({
    mutationFn: (body: CreateApiKeyBody) => api<CreatedApiKey>("/api/api-keys", { method: "POST", body }),
    onSuccess: ({ key: _secret, ...summary }) => {
      // Show the new key in the table at once (without its secret), then refresh from the server.
      qc.setQueryData<ApiKeySummary[]>(queryKeys.apiKeys, (old) => [summary, ...(old ?? [])]);
      return invalidate();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/api/api-keys/${id}`, { method: "DELETE" }),
    onSettled: invalidate,
  });
  const [errors, setErrors] = useState<{ name?: string; scopes?: string }>({});
  const [copied, setCopied] = useState(false);

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const parsed = CreateApiKeyBody.safeParse({ name: f.get("name"), scopes: f.getAll("scopes") });
    const next: typeof errors = {};
    if (!parsed.success) for (const i of parsed.error.issues) next[i.path[0] as "name" | "scopes"] ??= i.message;
    setErrors(next);
    setCopied(false);
    if (parsed.success) create.mutate({ name: parsed.data.name, scopes: parsed.data.scopes });
  }

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>Create an API key</CardTitle>
          <CardDescription>
            Keys let scripts and CMS integrations call the{" "}
            <a className="text-primary underline underline-offset-2" href="/api/v1/openapi.json">
              Lectern API
            </a>{" "}
            (OpenAPI 3.1) for this workspace. Send it as{" "}
            <code className="font-mono text-xs">Authorization: Bearer lk_…</code>. Lectern stores only a hash: the key
            is shown once.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <form onSubmit={submit} className="space-y-4" noValidate>
            <div className="space-y-2">
              <Label htmlFor="key-name">Name</Label>
              <Input
                id="key-name"
                name="name"
                placeholder="e.g. Contentful production"
                invalid={Boolean(errors.name)}
                aria-describedby={errors.name ? "key-name-error" : undefined}
                className="max-w-md"
              />
              <FieldError id="key-name-error">{errors.name}</FieldError>
            </div>
            <fieldset className="space-y-2" aria-describedby={errors.scopes ? "key-scopes-error" : undefined}>
              <legend className="text-sm font-medium">Scopes</legend>
              {API_KEY_SCOPES.map((s) => (
                <label key={s} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="scopes"
                    value={s}
                    defaultChecked={s === "read"}
                    className="accent-primary size-4"
                  />
                  <span className="font-medium">{s}</span>
                  <span className="text-muted-foreground">— {SCOPE_HELP[s]}</span>
                </label>
              ))}
              <FieldError id="key-scopes-error">{errors.scopes}</FieldError>
            </fieldset>
            <Button type="submit" disabled={create.isPending}>
              <KeyRound aria-hidden="true" />
              {create.isPending ? "Creating…" : "Create key"}
            </Button>
          </form>
          {create.error ? <Alert tone="danger">{create.error.message}</Alert> : null}
          {create.data ? (
            <Alert tone="warning" title="Copy this key now: it will not be shown again">
              <div className="mt-1 flex items-center gap-2">
                <code
                  data-testid="new-api-key"
                  className="bg-background border-border block min-w-0 flex-1 truncate rounded border px-2 py-1 font-mono text-xs"
                >
                  {create.data.key}
                </code>
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => navigator.clipboard?.writeText(create.data.key).then(() => setCopied(true))}
                >
                  {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
                  {copied ? "Copied" : "Copy"}
                </Button>
              </div>
            </Alert>
          ) : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Keys</CardTitle>
        </CardHeader>
        <CardContent>
          {revoke.error ? (
            <Alert tone="danger" className="mb-4">
              {revoke.error.message}
            </Alert>
          ) : null}
          {keys.isPending ? (
            <p role="status" className="text-muted-foreground text-sm">
              Loading keys…
            </p>
          ) : keys.isError ? (
            <Alert tone="danger">{keys.error.message}</Alert>
          ) : keys.data.length === 0 ? (
            <EmptyState
              icon={KeyRound}
              title="No API keys yet"
              description="Create one above when a script or CMS needs to talk to Lectern."
            />
          ) : (
            <DataTable
              caption="API keys"
              columns={["Name", "Scopes", "Created", "Last used", { label: "Actions", hidden: true }]}
            >
              {keys.data.map((k) => (
                <tr key={k.id} className={k.revokedAt ? "opacity-60" : undefined}>
                  <td className="py-3 pr-4">
                    <div className="font-medium">{k.name}</div>
                    <div className="text-muted-foreground font-mono text-xs">{k.prefix}_…</div>
                  </td>
                  <td className="py-3 pr-4">
                    <div className="flex gap-1">
                      {k.scopes.map((s) => (
                        <Badge key={s} tone={s === "write" ? "warning" : "info"}>
                          {s}
                        </Badge>
                      ))}
                    </div>
                  </td>
                  <td className="text-muted-foreground py-3 pr-4">{dateTimeFmt.format(new Date(k.createdAt))}</td>
                  <td className="text-muted-foreground py-3 pr-4">
                    {k.lastUsedAt ? dateTimeFmt.format(new Date(k.lastUsedAt)) : "Never"}
                  </td>
                  <td className="py-3 text-right">
                    {k.revokedAt ? (
                      <Badge tone="danger">revoked</Badge>
                    ) : (
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Revoke ${k.name}`}
                        onClick={() => {
                          if (confirm(`Revoke "${k.name}"? Integrations using it stop working at once.`))
                            revoke.mutate(k.id);
                        }}
                      >
                        Revoke
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
