"use client";

import { useId, useState, type FormEvent } from "react";
import { Field, Spinner, Textarea } from "@/components/inference/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { DRAFT_FORMATS, FORMAT_LABELS, type DraftFormat } from "@/lib/schemas/drafts";
import { GoldenCaseBody } from "@/lib/schemas/evals";
import type { GoldenCaseOut } from "@/lib/schemas/golden-sets";
import { ExpectationsEditor, rowInputId } from "./expectations-editor";
import {
  assertionFromRow,
  emptyRow,
  numberErrors,
  propsOf,
  rowFromAssertion,
  type ExpectationRow,
} from "./expectations";
import { apiFieldErrors, errorsUnder, focusFirst, issuesByPath, type FieldErrors } from "./form-errors";

export type CaseValues = GoldenCaseBody;

/**
 * Add or edit a golden case: name, format, brief and the expectations. `onSubmit` throws the API's
 * error; 422 field issues land next to their inputs, anything else in the alert on top.
 */
export function CaseForm({
  initial,
  notice,
  onSubmit,
  onCancel,
}: {
  initial?: GoldenCaseOut;
  /** A message to show above the form (e.g. why it was reloaded). */
  notice?: string | null;
  onSubmit: (body: CaseValues) => Promise<void>;
  onCancel: () => void;
}) {
  const uid = useId();
  const [name, setName] = useState(initial?.name ?? "");
  const [format, setFormat] = useState<DraftFormat>(initial?.format ?? "seo_page");
  const [brief, setBrief] = useState(initial?.brief ?? "");
  const [rows, setRows] = useState<ExpectationRow[]>(() =>
    initial ? initial.expectations.map(rowFromAssertion) : [emptyRow()],
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function showErrors(next: FieldErrors) {
    setErrors(next);
    const order: string[] = [];
    for (const f of ["name", "format", "brief"]) if (next[f]) order.push(`${uid}-${f}`);
    rows.forEach((r, i) => {
      if (next[`expectations.${i}`]) order.push(rowInputId(uid, r, "kind"));
      for (const p of propsOf(r.kind)) if (next[`expectations.${i}.${p}`]) order.push(rowInputId(uid, r, p));
    });
    if (next.expectations) order.push(`${uid}-add-expectation`);
    focusFirst(order);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const body = { name, format, brief, expectations: rows.map(assertionFromRow) };
    const parsed = GoldenCaseBody.safeParse(body);
    const nums = numberErrors(rows);
    if (!parsed.success || Object.keys(nums).length > 0) {
      showErrors({ ...(parsed.success ? {} : issuesByPath(parsed.error.issues)), ...nums });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSubmit(body);
    } catch (err) {
      const fields = apiFieldErrors(err);
      if (Object.keys(fields).length > 0) showErrors(fields);
      else setProblem(err instanceof Error ? err.message : "Could not save the case.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      noValidate
      onSubmit={submit}
      aria-busy={busy}
      aria-label={initial ? `Edit case ${initial.name}` : "New case"}
      className="space-y-4"
    >
      {notice ? <Alert tone="warning">{notice}</Alert> : null}
      {problem ? <Alert tone="danger">{problem}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${uid}-name`} label="Case name" error={errors.name}>
          {(a) => <Input {...a} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field id={`${uid}-format`} label="Format" error={errors.format}>
          {(a) => (
            <Select {...a} value={format} onChange={(e) => setFormat(e.target.value as DraftFormat)}>
              {DRAFT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field
        id={`${uid}-brief`}
        label="Brief"
        error={errors.brief}
        hint="What the draft should be about, as a marketer would write it."
      >
        {(a) => <Textarea {...a} rows={3} value={brief} onChange={(e) => setBrief(e.target.value)} />}
      </Field>
      <ExpectationsEditor
        uid={uid}
        format={format}
        rows={rows}
        onChange={setRows}
        errors={errorsUnder(errors, "expectations")}
        listError={errors.expectations}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy}>
          {busy ? <Spinner /> : null}
          {initial ? "Save case" : "Add case"}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
