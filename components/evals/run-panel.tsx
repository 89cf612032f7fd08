"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Play } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { Field, Spinner } from "@/components/inference/fields";
import type { PromptVersion } from "@/components/prompts/types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ApiError, api, queryKeys } from "@/lib/query/client";
import type { ProviderSummary } from "@/lib/schemas/inference";
import { StartRunBody, type GoldenSetDetail, type RunSummary } from "@/lib/schemas/golden-sets";
import { apiFieldErrors, issuesByPath, type FieldErrors } from "./form-errors";

type PromptChoice = "production" | "label" | "version";

/**
 * Starts a run of the set: which prompt (the production label, another label, or one version) and,
 * optionally, one model instead of the workspace's draft route. Listing providers is for admins;
 * editors type a provider/model instead.
 */
export function RunPanel({ set, onStarted }: { set: GoldenSetDetail; onStarted?: (run: RunSummary) => void }) {
  const uid = useId();
  const qc = useQueryClient();
  const [choice, setChoice] = useState<PromptChoice>("production");
  const [label, setLabel] = useState("");
  const [versionId, setVersionId] = useState("");
  const [override, setOverride] = useState(false);
  const [provider, setProvider] = useState("");
  const [model, setModel] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<{ title: string; message: string; emptySet?: boolean } | null>(null);
  const [started, setStarted] = useState<RunSummary | null>(null);

  const prompts = useQuery({
    queryKey: queryKeys.evalPromptVersions,
    queryFn: () => api<PromptVersion[]>("/api/evals/prompt-versions"),
    retry: false,
  });
  const providers = useQuery({
    queryKey: queryKeys.providers,
    queryFn: () => api<ProviderSummary[]>("/api/inference/providers"),
    enabled: override,
    retry: false,
  });
  const versions = (prompts.data ?? []).filter((v) => v.key === set.promptKey).sort((a, b) => b.version - a.version);
  const modelChoices = (providers.data ?? [])
    .filter((p) => p.enabled)
    .flatMap((p) => p.models.filter((m) => !/embed/i.test(m)).map((m) => ({ provider: p, model: m })));

  const start = useMutation({
    mutationFn: (body: StartRunBody) => api<RunSummary>("/api/evals/runs", { method: "POST", body }),
    onSuccess: (run) => {
      setStarted(run);
      void qc.invalidateQueries({ queryKey: queryKeys.evalRunLists });
      void qc.invalidateQueries({ queryKey: queryKeys.evalSet(set.id) });
      void qc.invalidateQueries({ queryKey: queryKeys.evalSets });
      onStarted?.(run);
    },
    onError: (e) => {
      const fields = apiFieldErrors(e);
      if (Object.keys(fields).length > 0) setErrors(remap(fields));
      else if (e instanceof ApiError && e.code === "validation:empty_set")
        setProblem({ title: "This set has no cases yet", message: e.message, emptySet: true });
      else setProblem({ title: "The run could not start", message: e.message });
    },
  });

  /** Route issues arrive as route.provider / route.model; the label and version as they are. */
  function remap(fields: FieldErrors): FieldErrors {
    const out: FieldErrors = {};
    for (const [k, v] of Object.entries(fields)) out[k.replace(/^route\./, "")] ??= v;
    return out;
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    setStarted(null);
    const body: StartRunBody = { setId: set.id };
    if (choice === "label") body.promptLabel = label.trim();
    if (choice === "version") body.promptVersionId = versionId;
    if (override) body.route = { provider: provider.trim(), model: model.trim() };
    const parsed = StartRunBody.safeParse(body);
    const next: FieldErrors = parsed.success ? {} : remap(issuesByPath(parsed.error.issues));
    if (choice === "label" && !label.trim()) next.promptLabel = "Enter a label, e.g. staging";
    if (choice === "version" && !versionId) next.promptVersionId = "Choose a version";
    if (Object.keys(next).length > 0) {
      setErrors(next);
      const first = ["promptLabel", "promptVersionId", "provider", "model"].find((f) => next[f]);
      if (first) requestAnimationFrame(() => document.getElementById(`${uid}-${first}`)?.focus());
      return;
    }
    setErrors({});
    start.mutate(body);
  }

  const radio = (value: PromptChoice, text: string, disabled = false) => (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="radio"
        name={`${uid}-prompt`}
        value={value}
        checked={choice === value}
        disabled={disabled}
        onChange={() => setChoice(value)}
        className="accent-primary size-4"
      />
      {text}
    </label>
  );

  const versionsUnavailable = prompts.isError;

  return (
    <form noValidate onSubmit={submit} className="space-y-4" aria-label="Start a run">
      <fieldset className="space-y-2">
        <legend className="text-foreground mb-1 text-sm font-medium">
          Prompt <span className="text-muted-foreground font-mono font-normal">{set.promptKey}</span>
        </legend>
        {radio("production", "Production label (what drafts use today)")}
        {radio("label", "Another label")}
        {choice === "label" ? (
          <Field id={`${uid}-promptLabel`} label="Label" error={errors.promptLabel} className="ml-6 max-w-64">
            {(a) => (
              <Input
                {...a}
                className="font-mono"
                placeholder="staging"
                value={label}
                onChange={(e) => setLabel(e.target.value)}
              />
            )}
          </Field>
        ) : null}
        {radio("version", "A specific version", versionsUnavailable)}
        {versionsUnavailable ? (
          <p className="text-muted-foreground ml-6 text-xs">
            {`Prompt versions could not be loaded: ${prompts.error.message}`}
          </p>
        ) : null}
        {choice === "version" ? (
          <Field id={`${uid}-promptVersionId`} label="Version" error={errors.promptVersionId} className="ml-6 max-w-80">
            {(a) => (
              <Select {...a} value={versionId} onChange={(e) => setVersionId(e.target.value)}>
                <option value="">{prompts.isPending ? "Loading versions…" : "Choose a version"}</option>
                {versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    v{v.version}
                    {v.labels.length ? ` (${v.labels.join(", ")})` : ""}
                    {v.note ? ` — ${v.note.slice(0, 40)}` : ""}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ) : null}
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-foreground mb-1 text-sm font-medium">Model</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={override}
            onChange={(e) => setOverride(e.target.checked)}
            className="accent-primary size-4"
          />
          Use one specific model instead of the workspace’s draft route
        </label>
        {override ? (
          providers.isSuccess && modelChoices.length > 0 ? (
            <Field
              id={`${uid}-provider`}
              label="Provider and model"
              error={errors.provider ?? errors.model ?? errors.route}
              className="ml-6 max-w-96"
            >
              {(a) => (
                <Select
                  {...a}
                  value={provider && model ? `${provider}\u0000${model}` : ""}
                  onChange={(e) => {
                    const [p = "", m = ""] = e.target.value.split("\u0000");
                    setProvider(p);
                    setModel(m);
                  }}
                >
                  <option value="">Choose a model</option>
                  {modelChoices.map((c) => (
                    <option key={`${c.provider.id}/${c.model}`} value={`${c.provider.id}\u0000${c.model}`}>
                      {c.provider.name} · {c.model}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          ) : providers.isPending ? (
            <p className="text-muted-foreground ml-6 text-xs">Loading providers…</p>
          ) : (
            <div className="ml-6 grid max-w-xl gap-3 sm:grid-cols-2">
              <Field
                id={`${uid}-provider`}
                label="Provider"
                error={errors.provider}
                hint="offline, env:openai, env:anthropic or a provider id from Settings → Models."
              >
                {(a) => (
                  <Input
                    {...a}
                    className="font-mono"
                    placeholder="offline"
                    value={provider}
                    onChange={(e) => setProvider(e.target.value)}
                  />
                )}
              </Field>
              <Field id={`${uid}-model`} label="Model" error={errors.model}>
                {(a) => (
                  <Input
                    {...a}
                    className="font-mono"
                    placeholder="offline-composer-v1"
                    value={model}
                    onChange={(e) => setModel(e.target.value)}
                  />
                )}
              </Field>
            </div>
          )
        ) : null}
      </fieldset>

      {/* "No cases" stops being true once a case is added. */}
      {problem && !(problem.emptySet && set.caseCount > 0) ? (
        <Alert tone="danger" title={problem.title}>
          {problem.message}
        </Alert>
      ) : null}
      {started ? (
        <Alert tone="success" title="Run started">
          It runs in the background; follow its progress in the runs below.
        </Alert>
      ) : null}
      <Button type="submit" disabled={start.isPending}>
        {start.isPending ? <Spinner /> : <Play aria-hidden="true" />}
        Start run
      </Button>
    </form>
  );
}
