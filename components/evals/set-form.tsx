"use client";

import { useId, useState, type FormEvent } from "react";
import { Field, Spinner, Textarea } from "@/components/inference/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { GoldenSetBody, SET_NAME_MAX } from "@/lib/schemas/golden-sets";
import { apiFieldErrors, focusFirst, issuesByPath, type FieldErrors } from "./form-errors";
import { fromPercentInput, toPercentInput } from "./format";

export type SetValues = { name: string; description: string; passThreshold: number };

const FIELDS = ["name", "description", "passThreshold"] as const;

/**
 * Name, description and pass threshold of a golden set (the threshold typed as a percentage, sent
 * as 0–1). Used to create a set and to edit one; `onSubmit` throws the API's error.
 */
export function SetForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: SetValues;
  submitLabel: string;
  onSubmit: (v: SetValues) => Promise<void>;
  onCancel?: () => void;
}) {
  const uid = useId();
  const idOf = (f: (typeof FIELDS)[number]) => `${uid}-${f}`;
  const [name, setName] = useState(initial?.name ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [threshold, setThreshold] = useState(toPercentInput(initial?.passThreshold ?? 0.8));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function showErrors(next: FieldErrors) {
    setErrors(next);
    focusFirst(FIELDS.filter((f) => next[f]).map(idOf));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const rate = fromPercentInput(threshold);
    const parsed = GoldenSetBody.safeParse({ name, description, passThreshold: rate });
    if (!parsed.success || typeof rate === "string") {
      const next = parsed.success ? {} : issuesByPath(parsed.error.issues);
      // The schema speaks of 0–1; the input is a percentage.
      if (typeof rate === "string") next.passThreshold = "Enter a percentage between 0 and 100";
      showErrors(next);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSubmit(parsed.data);
    } catch (err) {
      const fields = apiFieldErrors(err);
      if (Object.keys(fields).length > 0) showErrors(fields);
      else setProblem(err instanceof Error ? err.message : "Could not save the set.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-4" aria-busy={busy}>
      {problem ? <Alert tone="danger">{problem}</Alert> : null}
      <Field id={idOf("name")} label="Name" error={errors.name}>
        {(a) => <Input {...a} value={name} maxLength={SET_NAME_MAX + 20} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field
        id={idOf("description")}
        label="Description"
        optional
        hint="What these cases protect, e.g. “Claims our legal team refused”."
        error={errors.description}
      >
        {(a) => <Textarea {...a} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <Field
        id={idOf("passThreshold")}
        label="Pass threshold (%)"
        hint="A run passes when at least this share of its cases pass."
        error={errors.passThreshold}
        className="max-w-56"
      >
        {(a) => (
          <Input
            {...a}
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step={1}
            value={threshold}
            onChange={(e) => setThreshold(e.target.value)}
          />
        )}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy}>
          {busy ? <Spinner /> : null}
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
