"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Plus, Search, Trash2 } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { Spinner } from "@/components/inference/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { DraftDetail, DraftSummary } from "@/lib/schemas/drafts";
import {
  CreateExperimentBody,
  FIELD_BY_FORMAT,
  FIELD_LABELS,
  MAX_ARMS,
  suggestedArms,
  type ExperimentOut,
} from "@/lib/schemas/experiments";
import { api, ApiError } from "@/lib/query/client";
import { experimentKeys, useCreateExperiment, useTestableDrafts } from "./api";

type Arm = { label: string; text: string };
type Errors = Record<string, string>;

const FORMAT_LABELS: Record<string, string> = { email: "Email", meta_ad: "Meta ad", google_rsa: "Google RSA" };

function issuesToErrors(issues: { path: PropertyKey[] | string; message: string }[]): Errors {
  const out: Errors = {};
  for (const i of issues) {
    const key = Array.isArray(i.path) ? i.path.map(String).join(".") : String(i.path);
    out[key || "form"] ??= i.message;
  }
  return out;
}

/** Start an experiment from an approved (or published) email, Meta ad or Google RSA draft. */
export function CreateExperimentForm({
  onCreated,
  onCancel,
}: {
  onCreated: (e: ExperimentOut) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const qc = useQueryClient();
  const [q, setQ] = useState("");
  const drafts = useTestableDrafts(q);
  const [draft, setDraft] = useState<DraftSummary | null>(null);
  const [loadingDraft, setLoadingDraft] = useState(false);
  const [name, setName] = useState("");
  const [metric, setMetric] = useState<"click" | "conversion">("click");
  const [minSamples, setMinSamples] = useState("100");
  const [floor, setFloor] = useState("0.05");
  const [arms, setArms] = useState<Arm[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const create = useCreateExperiment();

  async function pick(d: DraftSummary) {
    setDraft(d);
    setErrors({});
    setName((n) => n || `${d.title.slice(0, 60)} — ${FIELD_LABELS[FIELD_BY_FORMAT[d.format]!].toLowerCase()} test`);
    setLoadingDraft(true);
    try {
      const detail = await qc.fetchQuery({
        queryKey: experimentKeys.draft(d.id),
        queryFn: () => api<DraftDetail>(`/api/drafts/${encodeURIComponent(d.id)}`),
      });
      const suggested = suggestedArms(detail.content);
      // An email has one subject: start with an empty alternative to fill in.
      setArms(suggested.length >= 2 ? suggested : [...suggested, { label: "Alternative 1", text: "" }]);
    } catch (e) {
      setErrors({ draftId: e instanceof Error ? e.message : "Could not load the draft." });
    } finally {
      setLoadingDraft(false);
    }
  }

  function submit(ev: FormEvent) {
    ev.preventDefault();
    const body = {
      draftId: draft?.id ?? "",
      name,
      metric,
      minSamples,
      floor,
      arms: arms.map((a) => ({ label: a.label, text: a.text })),
    };
    const r = CreateExperimentBody.safeParse(body);
    if (!r.success) {
      setErrors(issuesToErrors(r.error.issues));
      return;
    }
    setErrors({});
    create.mutate(r.data, {
      onSuccess: onCreated,
      onError: (e) => {
        const issues = (e instanceof ApiError ? (e.details as { issues?: { path: string; message: string }[] }) : null)
          ?.issues;
        if (issues?.length) setErrors(issuesToErrors(issues));
      },
    });
  }

  const err = (key: string) =>
    errors[key] ? (
      <FieldError id={`${id}-err-${key}`} className="mt-1">
        {errors[key]}
      </FieldError>
    ) : null;
  const field = draft ? FIELD_BY_FORMAT[draft.format] : undefined;

  return (
    <Card>
      <CardHeader>
        <CardTitle>New experiment</CardTitle>
        <CardDescription>
          Pick an approved draft; its texts become the arms. Add alternatives (an email has one subject, so write at
          least one more), then start. Your integration asks Lectern which text to show and posts clicks or conversions
          back.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} className="space-y-6" noValidate aria-label="New experiment">
          <fieldset className="space-y-2">
            <legend className="text-foreground text-sm font-medium">Draft</legend>
            {draft ? (
              <div className="border-border flex items-center justify-between gap-3 rounded-md border px-3 py-2 text-sm">
                <span>
                  <span className="font-medium">{draft.title}</span>{" "}
                  <span className="text-muted-foreground">
                    · {FORMAT_LABELS[draft.format]} · {draft.status} · tests the {FIELD_LABELS[field!].toLowerCase()}
                  </span>
                </span>
                <Button variant="ghost" size="sm" onClick={() => setDraft(null)}>
                  Change
                </Button>
              </div>
            ) : (
              <>
                <div className="relative">
                  <Search aria-hidden="true" className="text-muted-foreground absolute top-2.5 left-3 size-4" />
                  <Input
                    aria-label="Search approved drafts"
                    placeholder="Search approved drafts by title or text"
                    className="pl-9"
                    value={q}
                    onChange={(e) => setQ(e.target.value)}
                  />
                </div>
                {drafts.isPending ? (
                  <p className="text-muted-foreground flex items-center gap-2 text-sm">
                    <Spinner /> Loading drafts…
                  </p>
                ) : drafts.error ? (
                  <Alert tone="danger">{drafts.error.message}</Alert>
                ) : drafts.data.length === 0 ? (
                  <p className="text-muted-foreground text-sm">
                    No approved email, Meta ad or Google RSA drafts{q ? " match" : " yet"}. Approve one in Review first.
                  </p>
                ) : (
                  <ul
                    className="border-border divide-border max-h-64 divide-y overflow-y-auto rounded-md border"
                    aria-label="Approved drafts"
                  >
                    {drafts.data.map((d) => (
                      <li key={d.id}>
                        <button
                          type="button"
                          className="hover:bg-muted w-full px-3 py-2 text-left text-sm"
                          onClick={() => void pick(d)}
                        >
                          <span className="font-medium">{d.title}</span>{" "}
                          <span className="text-muted-foreground">
                            · {FORMAT_LABELS[d.format]} · {d.status}
                          </span>
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
            {err("draftId")}
          </fieldset>

          {draft ? (
            <>
              <div className="grid gap-4 sm:grid-cols-2">
                <div className="space-y-1.5 sm:col-span-2">
                  <Label htmlFor={`${id}-name`}>Name</Label>
                  <Input
                    id={`${id}-name`}
                    value={name}
                    onChange={(e) => setName(e.target.value)}
                    invalid={!!errors.name}
                    aria-describedby={errors.name ? `${id}-err-name` : undefined}
                  />
                  {err("name")}
                </div>
                <div className="space-y-1.5">
                  <Label htmlFor={`${id}-metric`}>Optimise for</Label>
                  <Select
                    id={`${id}-metric`}
                    value={metric}
                    onChange={(e) => setMetric(e.target.value as "click" | "conversion")}
                  >
                    <option value="click">Clicks per impression</option>
                    <option value="conversion">Conversions per impression</option>
                  </Select>
                </div>
                <div className="space-y-1.5">
                  <Label htmlFor={`${id}-min`}>Impressions per arm before shifting traffic</Label>
                  <Input
                    id={`${id}-min`}
                    inputMode="numeric"
                    value={minSamples}
                    onChange={(e) => setMinSamples(e.target.value)}
                    invalid={!!errors.minSamples}
                  />
                  {err("minSamples")}
                </div>
                <div className="space-y-1.5">
                  <Label htmlFor={`${id}-floor`}>Minimum share per arm (0–0.5)</Label>
                  <Input
                    id={`${id}-floor`}
                    inputMode="decimal"
                    value={floor}
                    onChange={(e) => setFloor(e.target.value)}
                    invalid={!!errors.floor}
                  />
                  {err("floor")}
                </div>
              </div>

              <fieldset className="space-y-3">
                <legend className="text-foreground text-sm font-medium">
                  Arms ({FIELD_LABELS[field!]}){loadingDraft ? <Spinner className="ml-2 inline" /> : null}
                </legend>
                {arms.map((a, i) => (
                  <div key={i} className="flex items-start gap-2">
                    <span className="bg-muted mt-2 inline-flex size-6 shrink-0 items-center justify-center rounded font-mono text-xs">
                      {String.fromCharCode(97 + i)}
                    </span>
                    <div className="min-w-0 flex-1">
                      <Input
                        aria-label={`Arm ${String.fromCharCode(97 + i)} text`}
                        value={a.text}
                        placeholder={i === 0 ? "The original text" : "An alternative to test"}
                        invalid={!!errors[`arms.${i}.text`]}
                        onChange={(e) => {
                          setArms((xs) => xs.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)));
                          // A fixed field should not keep its old complaint until the next submit.
                          setErrors(({ [`arms.${i}.text`]: _fixed, arms: _all, ...rest }) => rest);
                        }}
                      />
                      {err(`arms.${i}.text`)}
                    </div>
                    <Button
                      variant="ghost"
                      size="icon-sm"
                      aria-label={`Remove arm ${String.fromCharCode(97 + i)}`}
                      disabled={arms.length <= 2}
                      onClick={() => setArms((xs) => xs.filter((_, j) => j !== i))}
                    >
                      <Trash2 aria-hidden="true" />
                    </Button>
                  </div>
                ))}
                {err("arms")}
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={arms.length >= MAX_ARMS}
                  onClick={() => setArms((xs) => [...xs, { label: `Alternative ${xs.length}`, text: "" }])}
                >
                  <Plus aria-hidden="true" /> Add an alternative
                </Button>
              </fieldset>
            </>
          ) : null}

          {create.error && !(create.error instanceof ApiError && create.error.details) ? (
            <Alert tone="danger">{create.error.message}</Alert>
          ) : null}
          {errors.form ? <Alert tone="danger">{errors.form}</Alert> : null}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" disabled={!draft || create.isPending || loadingDraft}>
              {create.isPending ? <Spinner /> : null}
              Start experiment
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
