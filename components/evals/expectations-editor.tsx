"use client";

import { Plus, Trash2 } from "lucide-react";
import { Field, Textarea } from "@/components/inference/fields";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { FORMAT_LABELS, type DraftFormat } from "@/lib/schemas/drafts";
import { CONTENT_FIELD_PATTERNS, REGEX_FLAGS, type AssertionKind } from "@/lib/schemas/evals";
import type { FieldErrors } from "./form-errors";
import { KINDS, KIND_LABELS, emptyRow, type ExpectationRow } from "./expectations";

/** The id of one input of one row (also what the case form focuses on an error). */
export function rowInputId(uid: string, row: ExpectationRow, prop: keyof ExpectationRow): string {
  return `${uid}-${row.key}-${prop}`;
}

/**
 * The case's expectations: one fieldset per row with the kind's inputs. Errors are keyed
 * `<index>.<prop>` (the part after "expectations.").
 */
export function ExpectationsEditor({
  uid,
  format,
  rows,
  onChange,
  errors,
  listError,
}: {
  uid: string;
  format: DraftFormat;
  rows: ExpectationRow[];
  onChange: (rows: ExpectationRow[]) => void;
  errors: FieldErrors;
  listError?: string;
}) {
  const listId = `${uid}-fields`;
  const update = (key: string, patch: Partial<ExpectationRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  function add() {
    const row = emptyRow();
    onChange([...rows, row]);
    requestAnimationFrame(() => document.getElementById(rowInputId(uid, row, "kind"))?.focus());
  }

  function remove(i: number) {
    const next = rows.filter((_, j) => j !== i);
    onChange(next);
    // Keep the focus in the list: the row that took its place, the one before, or the add button.
    const target = next[i] ?? next[i - 1];
    requestAnimationFrame(() =>
      document.getElementById(target ? rowInputId(uid, target, "kind") : `${uid}-add-expectation`)?.focus(),
    );
  }

  return (
    <fieldset className="space-y-3" aria-describedby={listError ? `${uid}-expectations-error` : undefined}>
      <legend className="text-foreground mb-1 text-sm font-medium">Expectations</legend>
      <p className="text-muted-foreground text-xs leading-5">
        What every draft made from this brief must satisfy. Text fields of this format ({FORMAT_LABELS[format]}):{" "}
        <span className="font-mono">{CONTENT_FIELD_PATTERNS[format].join(", ")}</span>; leave the field empty to check
        all text.
      </p>
      <datalist id={listId}>
        {CONTENT_FIELD_PATTERNS[format].map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      <FieldError id={`${uid}-expectations-error`}>{listError}</FieldError>
      <ol className="space-y-3">
        {rows.map((row, i) => (
          <li key={row.key}>
            <ExpectationRowEditor
              uid={uid}
              index={i}
              row={row}
              listId={listId}
              errors={errors}
              onChange={(patch) => update(row.key, patch)}
              onRemove={() => remove(i)}
            />
          </li>
        ))}
      </ol>
      <Button id={`${uid}-add-expectation`} variant="secondary" size="sm" onClick={add}>
        <Plus aria-hidden="true" />
        Add expectation
      </Button>
    </fieldset>
  );
}

function ExpectationRowEditor({
  uid,
  index,
  row,
  listId,
  errors,
  onChange,
  onRemove,
}: {
  uid: string;
  index: number;
  row: ExpectationRow;
  listId: string;
  errors: FieldErrors;
  onChange: (patch: Partial<ExpectationRow>) => void;
  onRemove: () => void;
}) {
  const id = (p: keyof ExpectationRow) => rowInputId(uid, row, p);
  const err = (p: string) => errors[`${index}.${p}`];
  const n = index + 1;
  const kindError = err("kind") ?? errors[`${index}`];

  const fieldInput = (required: boolean) => (
    <Field
      id={id("field")}
      label="Field"
      optional={!required}
      hint={required ? "For a list field every item must fit." : "Empty = all text of the draft."}
      error={err("field")}
    >
      {(a) => (
        <Input
          {...a}
          list={listId}
          className="font-mono"
          placeholder={required ? "headlines[*].text" : "All text"}
          value={row.field}
          onChange={(e) => onChange({ field: e.target.value })}
        />
      )}
    </Field>
  );

  return (
    <div
      role="group"
      aria-label={`Expectation ${n}`}
      className="border-border bg-muted/30 space-y-3 rounded-md border p-3"
      data-testid="expectation-row"
    >
      <div className="flex flex-wrap items-end gap-3">
        <Field id={id("kind")} label={`Expectation ${n}: kind`} error={kindError} className="min-w-56 flex-1">
          {(a) => (
            <Select {...a} value={row.kind} onChange={(e) => onChange({ kind: e.target.value as AssertionKind })}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove expectation ${n}`}>
          <Trash2 aria-hidden="true" />
          Remove
        </Button>
      </div>

      {row.kind === "contains" || row.kind === "not_contains" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id={id("text")} label="Text" error={err("text")}>
            {(a) => <Input {...a} value={row.text} onChange={(e) => onChange({ text: e.target.value })} />}
          </Field>
          {fieldInput(false)}
          <Checkbox
            id={id("caseSensitive")}
            label="Case-sensitive"
            checked={row.caseSensitive}
            onChange={(v) => onChange({ caseSensitive: v })}
          />
        </div>
      ) : row.kind === "regex" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            id={id("pattern")}
            label="Pattern"
            error={err("pattern")}
            hint="A JavaScript regular expression, without slashes."
          >
            {(a) => (
              <Input
                {...a}
                className="font-mono"
                value={row.pattern}
                onChange={(e) => onChange({ pattern: e.target.value })}
              />
            )}
          </Field>
          <Field
            id={id("flags")}
            label="Flags"
            optional
            error={err("flags")}
            hint={`Any of ${REGEX_FLAGS.split("").join(", ")}; i = ignore case.`}
          >
            {(a) => (
              <Input
                {...a}
                className="font-mono"
                maxLength={8}
                value={row.flags}
                onChange={(e) => onChange({ flags: e.target.value })}
              />
            )}
          </Field>
          <Field id={id("mustMatch")} label="Rule" error={err("mustMatch")}>
            {(a) => (
              <Select
                {...a}
                value={row.mustMatch ? "match" : "no-match"}
                onChange={(e) => onChange({ mustMatch: e.target.value === "match" })}
              >
                <option value="match">Some text must match</option>
                <option value="no-match">No text may match</option>
              </Select>
            )}
          </Field>
          {fieldInput(false)}
        </div>
      ) : row.kind === "max_length" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          {fieldInput(true)}
          <Field id={id("max")} label="At most (characters)" error={err("max")}>
            {(a) => (
              <Input
                {...a}
                type="number"
                inputMode="numeric"
                min={1}
                step={1}
                value={row.max}
                onChange={(e) => onChange({ max: e.target.value })}
              />
            )}
          </Field>
        </div>
      ) : row.kind === "grounding_min" || row.kind === "judge_min" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          {row.kind === "judge_min" ? (
            <Field
              id={id("rubric")}
              label="Rubric"
              error={err("rubric")}
              className="sm:col-span-2"
              hint="What the judge model scores. Skipped on the offline engine, which is not an LLM."
            >
              {(a) => (
                <Textarea {...a} rows={2} value={row.rubric} onChange={(e) => onChange({ rubric: e.target.value })} />
              )}
            </Field>
          ) : null}
          <Field
            id={id("min")}
            label={row.kind === "judge_min" ? "Minimum score (0–1)" : "Minimum grounding score (0–1)"}
            error={err("min")}
            hint={row.kind === "grounding_min" ? "Share of factual sentences the knowledge base supports." : undefined}
          >
            {(a) => (
              <Input
                {...a}
                type="number"
                inputMode="decimal"
                min={0}
                max={1}
                step={0.05}
                value={row.min}
                onChange={(e) => onChange({ min: e.target.value })}
              />
            )}
          </Field>
        </div>
      ) : (
        <p className="text-muted-foreground text-xs">No settings: {KIND_LABELS[row.kind].toLowerCase()}.</p>
      )}

      <Field
        id={id("label")}
        label="Label"
        optional
        error={err("label")}
        hint="Shown in results instead of the generated label."
      >
        {(a) => <Input {...a} value={row.label} onChange={(e) => onChange({ label: e.target.value })} />}
      </Field>
    </div>
  );
}

function Checkbox({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <div className="flex items-center gap-2 self-end pb-2">
      <input
        id={id}
        type="checkbox"
        className="accent-primary size-4"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id} className="text-sm">
        {label}
      </label>
    </div>
  );
}
