"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { api, queryKeys } from "@/lib/query/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Field, Loading } from "./fields";
import { optionalInt } from "./format";
import { apiIssues, type GatewaySettings } from "./types";

const perMin = (max: number) =>
  z
    .number({ error: "A whole number." })
    .int("A whole number.")
    .min(1, "At least 1, or leave empty for no limit.")
    .max(max, `At most ${max.toLocaleString("en-US")}.`)
    .nullable();

/** Mirrors the server's SettingsBody (server/inference/admin/service.ts). */
const SettingsForm = z.object({
  requestsPerMin: perMin(100_000),
  tokensPerMin: perMin(100_000_000),
  userRequestsPerMin: perMin(100_000),
  userTokensPerMin: perMin(100_000_000),
  cacheTtlSeconds: z
    .number({ error: "A whole number of seconds." })
    .int("A whole number of seconds.")
    .min(0, "0 turns the cache off.")
    .max(30 * 86_400, "At most 30 days (2,592,000 s)."),
});

const FIELDS: { name: keyof GatewaySettings; label: string; hint: string }[] = [
  { name: "requestsPerMin", label: "Workspace requests / min", hint: "All members together." },
  { name: "tokensPerMin", label: "Workspace tokens / min", hint: "Input plus output tokens." },
  { name: "userRequestsPerMin", label: "Per-person requests / min", hint: "Each member on their own." },
  { name: "userTokensPerMin", label: "Per-person tokens / min", hint: "Each member on their own." },
];

export function LimitsCard() {
  const settings = useQuery({
    queryKey: queryKeys.inferenceSettings,
    queryFn: () => api<GatewaySettings>("/api/inference/settings"),
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Rate limits &amp; cache</CardTitle>
        <CardDescription>
          Rate limits smooth bursts; leave a field empty for no limit. Identical requests within the cache lifetime are
          answered from the cache at no cost.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {settings.isPending ? (
          <Loading>Loading settings…</Loading>
        ) : settings.isError ? (
          <Alert tone="danger">{settings.error.message}</Alert>
        ) : (
          <LimitsForm initial={settings.data} />
        )}
      </CardContent>
    </Card>
  );
}

function LimitsForm({ initial }: { initial: GatewaySettings }) {
  const qc = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: GatewaySettings) => api("/api/inference/settings", { method: "PUT", body }),
    onSuccess: () => {
      setSaved(true);
      return qc.invalidateQueries({ queryKey: queryKeys.inferenceSettings });
    },
    onError: (e) => setErrors(apiIssues(e)),
  });

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const ttl = optionalInt(f.get("cacheTtlSeconds"));
    const parsed = SettingsForm.safeParse({
      requestsPerMin: optionalInt(f.get("requestsPerMin")),
      tokensPerMin: optionalInt(f.get("tokensPerMin")),
      userRequestsPerMin: optionalInt(f.get("userRequestsPerMin")),
      userTokensPerMin: optionalInt(f.get("userTokensPerMin")),
      cacheTtlSeconds: ttl ?? Number.NaN,
    });
    const next: Record<string, string> = {};
    if (!parsed.success) for (const i of parsed.error.issues) next[String(i.path[0])] ??= i.message;
    setErrors(next);
    setSaved(false);
    if (parsed.success) save.mutate(parsed.data);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" onChange={() => setSaved(false)}>
      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map((fd) => (
          <Field key={fd.name} id={`limit-${fd.name}`} label={fd.label} optional hint={fd.hint} error={errors[fd.name]}>
            {(a) => (
              <Input
                {...a}
                name={fd.name}
                inputMode="numeric"
                placeholder="No limit"
                defaultValue={initial[fd.name] ?? ""}
              />
            )}
          </Field>
        ))}
        <Field
          id="limit-cacheTtlSeconds"
          label="Cache lifetime (seconds)"
          hint="86400 = one day. 0 turns the response cache off."
          error={errors.cacheTtlSeconds}
        >
          {(a) => <Input {...a} name="cacheTtlSeconds" inputMode="numeric" defaultValue={initial.cacheTtlSeconds} />}
        </Field>
      </div>
      {save.error ? <Alert tone="danger">{save.error.message}</Alert> : null}
      {saved ? <Alert tone="success">Saved. New limits apply to the next call.</Alert> : null}
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save limits"}
      </Button>
    </form>
  );
}
