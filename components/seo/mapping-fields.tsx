"use client";

import { Select } from "@/components/ui/select";
import { Field } from "@/components/inference/fields";
import { type Errors, fieldId } from "./validate";

/** The column each variable takes its value from: the chosen one, else a column of the same name. */
export function resolveMapping(
  variables: string[],
  columns: string[],
  chosen: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of variables) {
    const picked = chosen[v];
    if (picked !== undefined && (picked === "" || columns.includes(picked))) out[v] = picked;
    else out[v] = columns.find((c) => c === v) ?? columns.find((c) => c.toLowerCase() === v.toLowerCase()) ?? "";
  }
  return out;
}

/** One select per template variable, offering the CSV's columns. */
export function MappingFields({
  variables,
  columns,
  mapping,
  onChange,
  errors,
}: {
  variables: string[];
  columns: string[];
  mapping: Record<string, string>;
  onChange: (variable: string, column: string) => void;
  errors: Errors;
}) {
  if (!variables.length)
    return (
      <p className="text-muted-foreground text-sm">
        No variables yet. Write <code>{"{{column}}"}</code> in the brief or the slug pattern, and choose here which CSV
        column fills it.
      </p>
    );
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="seo-mapping">
      {variables.map((v) => (
        <Field
          key={v}
          id={fieldId(`map:${v}`)}
          label={<code className="font-mono text-[13px]">{`{{${v}}}`}</code>}
          error={errors[`map:${v}`]}
        >
          {(a) => (
            <Select
              {...a}
              aria-label={`Column for {{${v}}}`}
              value={mapping[v] ?? ""}
              disabled={!columns.length}
              onChange={(e) => onChange(v, e.target.value)}
            >
              <option value="">{columns.length ? "Choose a column" : "Choose a CSV first"}</option>
              {columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ))}
    </div>
  );
}
