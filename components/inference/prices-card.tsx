"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Pencil, Plus } from "lucide-react";
import { useState } from "react";
import { api, queryKeys } from "@/lib/query/client";
import { PriceBody } from "@/lib/schemas/inference";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Field, Loading } from "./fields";
import { formatUsd, microsToDollarInput, parseUsdToMicros } from "./format";
import { apiIssues, type PriceRow } from "./types";

function toBody(model: string, input: string, output: string) {
  const i = parseUsdToMicros(input);
  const o = parseUsdToMicros(output);
  const parsed = PriceBody.safeParse({
    model,
    inputMicrosPer1M: i ?? Number.NaN,
    outputMicrosPer1M: o ?? Number.NaN,
  });
  const errors: Record<string, string> = {};
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const k = String(issue.path[0]);
      errors[k] ??= k === "model" ? "Enter the model id." : "A dollar amount such as 0.15 (up to $1,000).";
    }
  return { body: parsed.success ? parsed.data : null, errors };
}

export function PricesCard() {
  const prices = useQuery({ queryKey: queryKeys.prices, queryFn: () => api<PriceRow[]>("/api/inference/prices") });
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <Card>
      <CardHeader>
        <CardTitle>Prices</CardTitle>
        <CardDescription>
          US dollars per million tokens, used to cost every call and to enforce spend budgets. Override a built-in price
          when your contract differs, or add one for a model Lectern does not know.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        {prices.isPending ? (
          <Loading>Loading prices…</Loading>
        ) : prices.isError ? (
          <Alert tone="danger">{prices.error.message}</Alert>
        ) : (
          <DataTable
            caption="Model prices"
            columns={["Model", "Input $/1M", "Output $/1M", "Source", { label: "Actions", hidden: true }]}
          >
            {prices.data.map((p) =>
              editing === p.model ? (
                <EditPriceRow key={p.model} price={p} onDone={() => setEditing(null)} />
              ) : (
                <tr key={p.model} className="align-middle">
                  <td className="py-2.5 pr-4 font-mono text-xs">{p.model}</td>
                  <td className="py-2.5 pr-4 tabular-nums">{formatUsd(p.inputMicrosPer1M)}</td>
                  <td className="py-2.5 pr-4 tabular-nums">{formatUsd(p.outputMicrosPer1M)}</td>
                  <td className="py-2.5 pr-4">
                    {p.source === "workspace" ? <Badge tone="brand">Workspace</Badge> : <Badge>Built-in</Badge>}
                  </td>
                  <td className="py-1.5 text-right">
                    <Button
                      size="icon-sm"
                      variant="ghost"
                      aria-label={`Edit the price of ${p.model}`}
                      onClick={() => setEditing(p.model)}
                    >
                      <Pencil aria-hidden="true" />
                    </Button>
                  </td>
                </tr>
              ),
            )}
          </DataTable>
        )}
        <AddPriceForm />
      </CardContent>
    </Card>
  );
}

function EditPriceRow({ price: p, onDone }: { price: PriceRow; onDone: () => void }) {
  const qc = useQueryClient();
  const [input, setInput] = useState(microsToDollarInput(p.inputMicrosPer1M));
  const [output, setOutput] = useState(microsToDollarInput(p.outputMicrosPer1M));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: PriceBody) => api("/api/inference/prices", { method: "PUT", body }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: queryKeys.prices });
      onDone();
    },
    onError: (e) => setErrors(apiIssues(e)),
  });
  const idBase = `price-${p.model.replace(/[^a-z0-9]/gi, "-")}`;

  function submit() {
    const { body, errors: next } = toBody(p.model, input, output);
    setErrors(next);
    if (body) save.mutate(body);
  }
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "Enter") {
      e.preventDefault();
      submit();
    } else if (e.key === "Escape") onDone();
  };

  return (
    <tr className="bg-muted/40 align-middle">
      <td className="py-2 pr-4 font-mono text-xs">{p.model}</td>
      <td className="py-2 pr-4">
        <Input
          aria-label={`Input price of ${p.model}, dollars per million tokens`}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          onKeyDown={onKeyDown}
          inputMode="decimal"
          className="h-8 w-28"
          invalid={Boolean(errors.inputMicrosPer1M)}
          aria-describedby={errors.inputMicrosPer1M ? `${idBase}-in-error` : undefined}
          autoFocus
        />
        <FieldError id={`${idBase}-in-error`}>{errors.inputMicrosPer1M}</FieldError>
      </td>
      <td className="py-2 pr-4">
        <Input
          aria-label={`Output price of ${p.model}, dollars per million tokens`}
          value={output}
          onChange={(e) => setOutput(e.target.value)}
          onKeyDown={onKeyDown}
          inputMode="decimal"
          className="h-8 w-28"
          invalid={Boolean(errors.outputMicrosPer1M)}
          aria-describedby={errors.outputMicrosPer1M ? `${idBase}-out-error` : undefined}
        />
        <FieldError id={`${idBase}-out-error`}>{errors.outputMicrosPer1M}</FieldError>
      </td>
      <td className="py-2 pr-4" colSpan={2}>
        <div className="flex justify-end gap-1">
          <Button size="sm" onClick={submit} disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save"}
          </Button>
          <Button size="sm" variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        </div>
        {save.error ? <p className="text-danger mt-1 text-right text-xs">{save.error.message}</p> : null}
      </td>
    </tr>
  );
}

function AddPriceForm() {
  const qc = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: PriceBody) => api("/api/inference/prices", { method: "PUT", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.prices }),
    onError: (e) => setErrors(apiIssues(e)),
  });

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const { body, errors: next } = toBody(
      String(f.get("model") ?? "").trim(),
      String(f.get("input") ?? ""),
      String(f.get("output") ?? ""),
    );
    setErrors(next);
    if (body) save.mutate(body, { onSuccess: () => form.reset() });
  }

  return (
    <section aria-labelledby="add-price-heading" className="border-border border-t pt-5">
      <h3 id="add-price-heading" className="mb-4 text-sm font-semibold">
        Set a price for another model
      </h3>
      <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr_auto]">
        <Field id="price-model" label="Model id" error={errors.model}>
          {(a) => <Input {...a} name="model" spellCheck={false} placeholder="e.g. llama3.1:8b" className="font-mono" />}
        </Field>
        <Field id="price-input" label="Input $/1M" error={errors.inputMicrosPer1M}>
          {(a) => <Input {...a} name="input" inputMode="decimal" placeholder="0.00" />}
        </Field>
        <Field id="price-output" label="Output $/1M" error={errors.outputMicrosPer1M}>
          {(a) => <Input {...a} name="output" inputMode="decimal" placeholder="0.00" />}
        </Field>
        <div className="sm:pt-[22px]">
          <Button type="submit" variant="secondary" disabled={save.isPending}>
            <Plus aria-hidden="true" />
            {save.isPending ? "Saving…" : "Set price"}
          </Button>
        </div>
        {save.error ? (
          <Alert tone="danger" className="sm:col-span-4">
            {save.error.message}
          </Alert>
        ) : null}
      </form>
    </section>
  );
}
