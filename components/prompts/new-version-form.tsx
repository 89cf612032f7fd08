"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus, Save, Trash2 } from "lucide-react";
import { useState } from "react";
import { z } from "zod";
import { api, queryKeys } from "@/lib/query/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Field, Textarea } from "@/components/inference/fields";
import { apiIssues } from "@/components/inference/types";
import type { CreatedVersion, PromptVariable, PromptVersion } from "./types";

/** Mirrors CreateVersionBody in server/inference/prompts/service.ts. */
const Body = z.object({
  system: z.string().min(1, "The system prompt cannot be empty.").max(20_000, "At most 20,000 characters."),
  template: z.string().min(1, "The template cannot be empty.").max(50_000, "At most 50,000 characters."),
  variables: z
    .array(
      z.object({
        name: z
          .string()
          .regex(/^[a-z][a-z0-9_]*$/, "Lower-case letters, digits and _, starting with a letter (e.g. brief)."),
        description: z.string().max(200, "At most 200 characters."),
        required: z.boolean(),
      }),
    )
    .max(30, "At most 30 variables.")
    .refine((vs) => new Set(vs.map((v) => v.name)).size === vs.length, "Each variable name once."),
  params: z.object({
    temperature: z.number().min(0, "Between 0 and 2.").max(2, "Between 0 and 2.").optional(),
    maxOutputTokens: z.number().int("A whole number.").min(1, "At least 1.").max(32_000, "At most 32,000.").optional(),
  }),
  note: z.string().max(500, "At most 500 characters.").optional(),
});
type Body = z.infer<typeof Body>;

function optionalNumber(s: string): number | undefined {
  const t = s.trim();
  return t === "" ? undefined : Number(t);
}

/** A new version of a prompt, prefilled from `base`. The new version gets no label. */
export function NewVersionForm({
  base,
  created,
  onCreated,
}: {
  base: PromptVersion;
  created: number | null;
  onCreated: (v: CreatedVersion) => void;
}) {
  const qc = useQueryClient();
  const [system, setSystem] = useState(base.system);
  const [template, setTemplate] = useState(base.template);
  const [variables, setVariables] = useState<PromptVariable[]>(base.variables);
  const [temperature, setTemperature] = useState(base.params.temperature?.toString() ?? "");
  const [maxTokens, setMaxTokens] = useState(base.params.maxOutputTokens?.toString() ?? "");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: (body: Body) =>
      api<CreatedVersion>(`/api/prompts/${encodeURIComponent(base.key)}/versions`, { method: "POST", body }),
    onSuccess: async (v) => {
      await qc.invalidateQueries({ queryKey: queryKeys.prompts });
      onCreated(v);
    },
    onError: (e) => setErrors(apiIssues(e)),
  });
  const unchanged =
    system === base.system &&
    template === base.template &&
    JSON.stringify(variables) === JSON.stringify(base.variables) &&
    temperature === (base.params.temperature?.toString() ?? "") &&
    maxTokens === (base.params.maxOutputTokens?.toString() ?? "");

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const parsed = Body.safeParse({
      system,
      template,
      variables,
      params: { temperature: optionalNumber(temperature), maxOutputTokens: optionalNumber(maxTokens) },
      note: note.trim() || undefined,
    });
    const next: Record<string, string> = {};
    if (!parsed.success) for (const i of parsed.error.issues) next[i.path.join(".")] ??= i.message;
    setErrors(next);
    if (parsed.success) create.mutate(parsed.data);
  }

  const setVar = (i: number, patch: Partial<PromptVariable>) =>
    setVariables((vs) => vs.map((v, j) => (j === i ? { ...v, ...patch } : v)));

  return (
    <Card>
      <CardHeader>
        <CardTitle>New version of {base.key}</CardTitle>
        <CardDescription>
          Prefilled from v{base.version}. Saving creates v-next with no label: nothing changes for callers until you
          move a label to it. Templates are Mustache: <code className="font-mono text-xs">{"{{brief}}"}</code> inserts a
          variable.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} noValidate className="space-y-5" aria-label={`New version of ${base.key}`}>
          {created !== null ? (
            <Alert tone="success" title={`Saved v${created}`}>
              It has no label yet. Compare it above, then move staging or production to it.
            </Alert>
          ) : null}
          <Field id="nv-system" label="System prompt" error={errors.system}>
            {(a) => (
              <Textarea
                {...a}
                value={system}
                onChange={(e) => setSystem(e.target.value)}
                rows={5}
                className="font-mono text-[13px]"
                spellCheck={false}
              />
            )}
          </Field>
          <Field id="nv-template" label="Template" error={errors.template}>
            {(a) => (
              <Textarea
                {...a}
                value={template}
                onChange={(e) => setTemplate(e.target.value)}
                rows={6}
                className="font-mono text-[13px]"
                spellCheck={false}
              />
            )}
          </Field>

          <fieldset className="space-y-2">
            <legend className="mb-2 text-sm font-medium">Variables</legend>
            {variables.length === 0 ? (
              <p className="text-muted-foreground text-sm">No variables: the template is sent as written.</p>
            ) : (
              <ul className="space-y-2">
                {variables.map((v, i) => {
                  const nameError = errors[`variables.${i}.name`];
                  const descError = errors[`variables.${i}.description`];
                  return (
                    <li key={i} className="border-border space-y-1 rounded-md border p-2">
                      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
                        <Input
                          aria-label={`Variable ${i + 1} name`}
                          value={v.name}
                          onChange={(e) => setVar(i, { name: e.target.value })}
                          className="font-mono sm:w-44"
                          spellCheck={false}
                          invalid={Boolean(nameError)}
                          aria-describedby={nameError ? `nv-var-${i}-error` : undefined}
                        />
                        <Input
                          aria-label={`Variable ${i + 1} description`}
                          value={v.description}
                          onChange={(e) => setVar(i, { description: e.target.value })}
                          className="flex-1"
                          invalid={Boolean(descError)}
                          aria-describedby={descError ? `nv-var-${i}-error` : undefined}
                        />
                        <label className="flex shrink-0 items-center gap-2 text-sm">
                          <input
                            type="checkbox"
                            checked={v.required}
                            onChange={(e) => setVar(i, { required: e.target.checked })}
                            className="accent-primary size-4"
                          />
                          Required
                        </label>
                        <Button
                          size="icon-sm"
                          variant="ghost"
                          aria-label={`Remove variable ${v.name || i + 1}`}
                          onClick={() => setVariables((vs) => vs.filter((_, j) => j !== i))}
                        >
                          <Trash2 aria-hidden="true" />
                        </Button>
                      </div>
                      {nameError || descError ? (
                        <p id={`nv-var-${i}-error`} className="text-danger text-[13px]">
                          {nameError ?? descError}
                        </p>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
            {errors.variables ? <p className="text-danger text-[13px]">{errors.variables}</p> : null}
            <Button
              size="sm"
              variant="secondary"
              onClick={() => setVariables((vs) => [...vs, { name: "", description: "", required: false }])}
            >
              <Plus aria-hidden="true" />
              Add variable
            </Button>
          </fieldset>

          <div className="grid gap-4 sm:grid-cols-3">
            <Field
              id="nv-temperature"
              label="Temperature"
              optional
              hint="0 = most predictable, 2 = most varied."
              error={errors["params.temperature"]}
            >
              {(a) => (
                <Input
                  {...a}
                  type="number"
                  step="0.1"
                  min={0}
                  max={2}
                  inputMode="decimal"
                  value={temperature}
                  onChange={(e) => setTemperature(e.target.value)}
                />
              )}
            </Field>
            <Field id="nv-max-tokens" label="Max output tokens" optional error={errors["params.maxOutputTokens"]}>
              {(a) => (
                <Input
                  {...a}
                  type="number"
                  min={1}
                  max={32000}
                  inputMode="numeric"
                  value={maxTokens}
                  onChange={(e) => setMaxTokens(e.target.value)}
                />
              )}
            </Field>
          </div>
          <Field
            id="nv-note"
            label="Note"
            optional
            hint="What changed and why, for the version list."
            error={errors.note}
          >
            {(a) => (
              <Input {...a} value={note} onChange={(e) => setNote(e.target.value)} placeholder="e.g. Shorter CTA" />
            )}
          </Field>

          {create.error ? <Alert tone="danger">{create.error.message}</Alert> : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={create.isPending}>
              <Save aria-hidden="true" />
              {create.isPending ? "Saving…" : "Save new version"}
            </Button>
            {unchanged ? (
              <span className="text-muted-foreground text-xs">Same text as v{base.version} so far.</span>
            ) : null}
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
