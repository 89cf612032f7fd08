"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowDown, ArrowRight, ArrowUp, Plus, RotateCcw, Trash2 } from "lucide-react";
import { Fragment, useState } from "react";
import { api, queryKeys } from "@/lib/query/client";
import { RouteBody, type ModelRole, type ProviderSummary, type RouteTarget } from "@/lib/schemas/inference";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Field, Loading } from "./fields";
import { formatMs } from "./format";
import { useProviders } from "./providers-card";
import { OFFLINE_ID, ROLE_HELP, apiIssues, type RouteInfo } from "./types";

const MAX_STEPS = 5;

function providerLabel(id: string, providers: ProviderSummary[] | undefined): string {
  if (id === OFFLINE_ID) return "Offline engine";
  return providers?.find((p) => p.id === id)?.name ?? id;
}

export function RoutesCard() {
  const routes = useQuery({ queryKey: queryKeys.routes, queryFn: () => api<RouteInfo[]>("/api/inference/routes") });
  const providers = useProviders();
  const [editing, setEditing] = useState<ModelRole | null>(null);

  return (
    <Card>
      <CardHeader>
        <CardTitle>Routes</CardTitle>
        <CardDescription>
          Calls name a role, never a model. Each role tries its primary model first, then the fallbacks in order when a
          call fails or times out. Default routes use the instance&apos;s provider when one is configured, then the
          offline engine (a deterministic composer, not an LLM).
        </CardDescription>
      </CardHeader>
      <CardContent>
        {routes.isPending ? (
          <Loading>Loading routes…</Loading>
        ) : routes.isError ? (
          <Alert tone="danger">{routes.error.message}</Alert>
        ) : (
          <ul className="divide-border divide-y" aria-label="Routes by role">
            {routes.data.map((r) => (
              <li key={r.role} className="py-4 first:pt-0 last:pb-0" data-role={r.role}>
                <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0 space-y-1.5">
                    <div className="flex items-center gap-2">
                      <h3 className="font-mono text-sm font-semibold">{r.role}</h3>
                      {r.custom ? <Badge tone="brand">Custom</Badge> : <Badge>Default</Badge>}
                      <span className="text-muted-foreground text-xs">{ROLE_HELP[r.role]}</span>
                    </div>
                    <ol
                      className="flex flex-wrap items-center gap-1.5 text-sm"
                      aria-label={`${r.role} route, primary first`}
                    >
                      {r.chain.map((t, i) => (
                        <Fragment key={`${t.provider}/${t.model}/${i}`}>
                          {i > 0 ? <ArrowRight aria-hidden="true" className="text-muted-foreground size-3.5" /> : null}
                          <li className="border-border bg-muted/50 inline-flex items-center gap-1.5 rounded-md border px-2 py-0.5">
                            <span className="sr-only">{i === 0 ? "Primary: " : `Fallback ${i}: `}</span>
                            <span className="font-medium">{providerLabel(t.provider, providers.data)}</span>
                            <code className="text-muted-foreground font-mono text-xs">{t.model}</code>
                          </li>
                        </Fragment>
                      ))}
                    </ol>
                    <p className="text-muted-foreground text-xs">
                      Timeout {formatMs(r.policy.timeoutMs)} per attempt · deadline {formatMs(r.policy.deadlineMs)} ·{" "}
                      {r.policy.maxRetries} {r.policy.maxRetries === 1 ? "retry" : "retries"}
                    </p>
                  </div>
                  {editing !== r.role ? (
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={`Edit the ${r.role} route`}
                      onClick={() => setEditing(r.role)}
                    >
                      Edit
                    </Button>
                  ) : null}
                </div>
                {editing === r.role ? (
                  <RouteEditor route={r} providers={providers.data ?? []} onDone={() => setEditing(null)} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

function RouteEditor({
  route,
  providers,
  onDone,
}: {
  route: RouteInfo;
  providers: ProviderSummary[];
  onDone: () => void;
}) {
  const qc = useQueryClient();
  const [chain, setChain] = useState<RouteTarget[]>(route.chain);
  const [timeoutS, setTimeoutS] = useState(String(route.policy.timeoutMs / 1000));
  const [deadlineS, setDeadlineS] = useState(String(route.policy.deadlineMs / 1000));
  const [retries, setRetries] = useState(String(route.policy.maxRetries));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const invalidate = () => qc.invalidateQueries({ queryKey: queryKeys.routes });
  const save = useMutation({
    mutationFn: (body: RouteBody) => api(`/api/inference/routes/${route.role}`, { method: "PUT", body }),
    onSuccess: async () => {
      await invalidate();
      onDone();
    },
    onError: (e) => setErrors(apiIssues(e)),
  });
  const reset = useMutation({
    mutationFn: () => api(`/api/inference/routes/${route.role}`, { method: "DELETE" }),
    onSuccess: async () => {
      await invalidate();
      onDone();
    },
  });
  const base = `route-${route.role}`;
  const usable = providers.filter((p) => p.enabled || chain.some((t) => t.provider === p.id));

  function modelsOf(providerId: string): string[] {
    const p = providers.find((x) => x.id === providerId);
    if (!p) return [];
    if (p.kind !== "offline") return p.models;
    // The offline engine has one text model and one embedding model: offer the one that fits the role.
    return route.role === "embed"
      ? p.models.filter((m) => m.includes("hash"))
      : p.models.filter((m) => !m.includes("hash"));
  }

  function defaultModel(providerId: string): string {
    const ms = modelsOf(providerId);
    const prefersEmbed = route.role === "embed";
    return ms.find((m) => /embed|hash/i.test(m) === prefersEmbed) ?? ms[0] ?? "";
  }

  function update(i: number, patch: Partial<RouteTarget>) {
    setChain((c) => c.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  }
  function move(i: number, by: -1 | 1) {
    setChain((c) => {
      const next = [...c];
      const [item] = next.splice(i, 1);
      if (item) next.splice(i + by, 0, item);
      return next;
    });
  }

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = {
      chain,
      timeoutMs: Math.round(Number(timeoutS) * 1000),
      deadlineMs: Math.round(Number(deadlineS) * 1000),
      maxRetries: Number(retries),
    };
    const parsed = RouteBody.safeParse(body);
    const next: Record<string, string> = {};
    if (!parsed.success)
      for (const i of parsed.error.issues) {
        const path = i.path.join(".");
        const msg =
          path === "timeoutMs"
            ? "Between 1 and 600 seconds."
            : path === "deadlineMs"
              ? "Between 1 and 1,800 seconds."
              : path === "maxRetries"
                ? "A whole number from 0 to 5."
                : i.message;
        next[path] ??= msg;
      }
    if (parsed.success && parsed.data.deadlineMs < parsed.data.timeoutMs)
      next.deadlineMs = "The deadline covers all attempts: make it at least the timeout.";
    setErrors(next);
    if (Object.keys(next).length === 0 && parsed.success) save.mutate(parsed.data);
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={`Edit the ${route.role} route`}
      className="border-border bg-muted/40 mt-4 space-y-4 rounded-lg border p-4"
    >
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium">Models, in the order they are tried</legend>
        <ol className="space-y-2">
          {chain.map((t, i) => {
            const step = i === 0 ? "Primary" : `Fallback ${i}`;
            const models = modelsOf(t.provider);
            const stepError = errors[`chain.${i}.model`] ?? errors[`chain.${i}.provider`] ?? errors[`chain.${i}`];
            return (
              <li key={i} className="border-border bg-card space-y-1.5 rounded-md border p-2">
                <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
                  <span className="text-muted-foreground w-20 shrink-0 text-xs font-medium uppercase">{step}</span>
                  <Select
                    aria-label={`${step} provider`}
                    value={t.provider}
                    wrapperClassName="sm:w-64"
                    onChange={(e) => update(i, { provider: e.target.value, model: defaultModel(e.target.value) })}
                  >
                    {usable.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.kind === "offline" ? "Offline engine (not an LLM)" : p.name}
                        {p.enabled ? "" : " (disabled)"}
                      </option>
                    ))}
                    {!providers.some((p) => p.id === t.provider) ? (
                      <option value={t.provider}>{t.provider} (missing)</option>
                    ) : null}
                  </Select>
                  <Select
                    aria-label={`${step} model`}
                    value={t.model}
                    wrapperClassName="flex-1"
                    className="font-mono"
                    invalid={Boolean(stepError)}
                    onChange={(e) => update(i, { model: e.target.value })}
                  >
                    {models.map((m) => (
                      <option key={m} value={m}>
                        {m}
                      </option>
                    ))}
                    {!models.includes(t.model) ? <option value={t.model}>{t.model || "Choose a model"}</option> : null}
                  </Select>
                  <div className="flex shrink-0 gap-0.5">
                    <Button
                      size="icon-sm"
                      variant="ghost"
                      aria-label={`Move ${step.toLowerCase()} up`}
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                    >
                      <ArrowUp aria-hidden="true" />
                    </Button>
                    <Button
                      size="icon-sm"
                      variant="ghost"
                      aria-label={`Move ${step.toLowerCase()} down`}
                      disabled={i === chain.length - 1}
                      onClick={() => move(i, 1)}
                    >
                      <ArrowDown aria-hidden="true" />
                    </Button>
                    <Button
                      size="icon-sm"
                      variant="ghost"
                      aria-label={`Remove ${step.toLowerCase()}`}
                      disabled={chain.length === 1}
                      onClick={() => setChain((c) => c.filter((_, j) => j !== i))}
                    >
                      <Trash2 aria-hidden="true" />
                    </Button>
                  </div>
                </div>
                {stepError ? <p className="text-danger text-[13px]">{stepError}</p> : null}
              </li>
            );
          })}
        </ol>
        <Button
          size="sm"
          variant="secondary"
          disabled={chain.length >= MAX_STEPS}
          onClick={() =>
            setChain((c) => [...c, { provider: OFFLINE_ID, model: defaultModel(OFFLINE_ID) || "offline-composer-v1" }])
          }
        >
          <Plus aria-hidden="true" />
          Add fallback
        </Button>
        {chain.length >= MAX_STEPS ? (
          <p className="text-muted-foreground text-xs">A route has at most 4 fallbacks.</p>
        ) : null}
        {errors.chain ? <p className="text-danger text-[13px]">{errors.chain}</p> : null}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-3">
        {(
          [
            ["timeout", "Timeout per attempt (s)", errors.timeoutMs, "decimal", 1, 600, timeoutS, setTimeoutS],
            [
              "deadline",
              "Deadline for the whole call (s)",
              errors.deadlineMs,
              "decimal",
              1,
              1800,
              deadlineS,
              setDeadlineS,
            ],
            ["retries", "Retries per model", errors.maxRetries, "numeric", 0, 5, retries, setRetries],
          ] as const
        ).map(([key, label, error, inputMode, min, max, value, set]) => (
          <Field key={key} id={`${base}-${key}`} label={label} error={error}>
            {(a) => (
              <Input
                {...a}
                type="number"
                inputMode={inputMode}
                min={min}
                max={max}
                value={value}
                onChange={(e) => set(e.target.value)}
              />
            )}
          </Field>
        ))}
      </div>

      {save.error ? <Alert tone="danger">{save.error.message}</Alert> : null}
      {reset.error ? <Alert tone="danger">{reset.error.message}</Alert> : null}

      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" size="sm" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save route"}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        {route.custom ? (
          <Button
            size="sm"
            variant="secondary"
            className="sm:ml-auto"
            disabled={reset.isPending}
            onClick={() => {
              if (confirm(`Reset the ${route.role} route to the default?`)) reset.mutate();
            }}
          >
            <RotateCcw aria-hidden="true" />
            {reset.isPending ? "Resetting…" : "Reset to default"}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
