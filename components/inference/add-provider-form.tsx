"use client";

import { useMutation } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRef, useState } from "react";
import { api } from "@/lib/query/client";
import { CreateProviderBody, type ProviderSummary } from "@/lib/schemas/inference";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Field } from "./fields";
import { apiIssues } from "./types";

type Kind = CreateProviderBody["kind"];

const KINDS: { value: Kind; label: string; help: string }[] = [
  { value: "openai", label: "OpenAI", help: "api.openai.com, or an Azure/OpenAI proxy with a custom base URL." },
  { value: "anthropic", label: "Anthropic", help: "Claude models through api.anthropic.com." },
  {
    value: "openai_compatible",
    label: "OpenAI-compatible server",
    help: "Ollama, vLLM, LM Studio, llama.cpp or any server speaking the OpenAI API.",
  },
];

const MODEL_PLACEHOLDER: Record<Kind, string> = {
  openai: "gpt-4o-mini, text-embedding-3-small",
  anthropic: "claude-sonnet-4-5, claude-3-5-haiku-latest",
  openai_compatible: "llama3.1:8b",
};

/** "a, b\nc" → ["a", "b", "c"] */
export function parseModelList(s: string): string[] {
  return s
    .split(/[\n,]/)
    .map((m) => m.trim())
    .filter(Boolean);
}

export function AddProviderForm({ onAdded }: { onAdded: () => unknown }) {
  const [kind, setKind] = useState<Kind>("openai_compatible");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const create = useMutation({
    mutationFn: (body: CreateProviderBody) =>
      api<ProviderSummary>("/api/inference/providers", { method: "POST", body }),
    onSuccess: () => {
      formRef.current?.reset();
      setErrors({});
      return onAdded();
    },
    onError: (e) => setErrors(apiIssues(e)),
  });

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? "").trim();
    const raw = {
      kind,
      name: text("name"),
      models: parseModelList(text("models")),
      ...(kind !== "anthropic" && text("baseUrl") ? { baseUrl: text("baseUrl") } : {}),
      ...(text("apiKey") ? { apiKey: text("apiKey") } : {}),
    };
    const parsed = CreateProviderBody.safeParse(raw);
    const next: Record<string, string> = {};
    if (!parsed.success) for (const i of parsed.error.issues) next[String(i.path[0])] ??= i.message;
    setErrors(next);
    // Send what the person typed (the server trims and dedupes the same way).
    if (parsed.success) create.mutate(raw as CreateProviderBody);
  }

  const kindHelp = KINDS.find((k) => k.value === kind)?.help;

  return (
    <section aria-labelledby="add-provider-heading" className="border-border border-t pt-5">
      <h3 id="add-provider-heading" className="mb-1 text-sm font-semibold">
        Add a provider
      </h3>
      <p className="text-muted-foreground mb-4 text-sm">
        Added providers can serve any role once a route points at them. The key is sent once and stored encrypted.
      </p>
      <form ref={formRef} onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2">
        <Field id="provider-kind" label="Kind" hint={kindHelp}>
          {(a) => (
            <Select
              {...a}
              name="kind"
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as Kind);
                setErrors({});
              }}
            >
              {KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="provider-name" label="Name" error={errors.name}>
          {(a) => (
            <Input
              {...a}
              name="name"
              placeholder={kind === "openai_compatible" ? "e.g. Local Ollama" : "e.g. Marketing team key"}
            />
          )}
        </Field>
        {kind !== "anthropic" ? (
          <Field
            id="provider-base-url"
            label="Base URL"
            optional={kind === "openai"}
            hint={kind === "openai" ? "Leave empty for api.openai.com." : "The URL that ends in /v1."}
            error={errors.baseUrl}
          >
            {(a) => (
              <Input
                {...a}
                name="baseUrl"
                type="url"
                spellCheck={false}
                placeholder={kind === "openai" ? "https://api.openai.com/v1" : "http://localhost:11434/v1"}
              />
            )}
          </Field>
        ) : null}
        <Field
          id="provider-api-key"
          label="API key"
          optional={kind === "openai_compatible"}
          hint={kind === "openai_compatible" ? "Many local servers need none." : undefined}
          error={errors.apiKey}
        >
          {(a) => <Input {...a} name="apiKey" type="password" autoComplete="off" spellCheck={false} />}
        </Field>
        <Field
          id="provider-models"
          label="Models"
          className="sm:col-span-2"
          hint="Model ids this provider serves, separated by commas. Routes can only use listed models."
          error={errors.models}
        >
          {(a) => <Input {...a} name="models" spellCheck={false} placeholder={MODEL_PLACEHOLDER[kind]} />}
        </Field>
        {create.error ? (
          <Alert tone="danger" className="sm:col-span-2">
            {create.error.message}
          </Alert>
        ) : null}
        {create.data && !create.isPending ? (
          <Alert tone="success" className="sm:col-span-2">
            Added {create.data.name}
            {create.data.apiKeyLast4 ? ` (key ••••${create.data.apiKeyLast4})` : ""}. Test the connection above, then
            point a route at it.
          </Alert>
        ) : null}
        <div className="sm:col-span-2">
          <Button type="submit" disabled={create.isPending}>
            <Plus aria-hidden="true" />
            {create.isPending ? "Adding…" : "Add provider"}
          </Button>
        </div>
      </form>
    </section>
  );
}
