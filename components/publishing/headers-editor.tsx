"use client";

import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import type { HeaderRow } from "./headers";

/**
 * Custom headers sent with every delivery (e.g. `Authorization` for a CMS that wants a token): one
 * row per header, name and value, added and removed by buttons. Blank rows are ignored on save.
 */
export function HeadersEditor({
  idPrefix,
  rows,
  rowErrors,
  error,
  onChange,
  onAdd,
}: {
  idPrefix: string;
  rows: HeaderRow[];
  rowErrors: Record<string, string>;
  /** An issue about the headers as a whole (too many, a reserved name). */
  error: string | undefined;
  onChange: (rows: HeaderRow[]) => void;
  onAdd: () => void;
}) {
  const legendId = `${idPrefix}-headers-legend`;
  const errorId = `${idPrefix}-headers-error`;
  const edit = (key: string, patch: Partial<HeaderRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  function remove(at: number) {
    const next = rows.filter((_, i) => i !== at);
    onChange(next);
    // Keep the keyboard in the editor: the row that took its place, the one before, or "Add header".
    const target = next[at] ?? next[at - 1];
    requestAnimationFrame(() =>
      document.getElementById(target ? `${idPrefix}-hname-${target.key}` : `${idPrefix}-headers-add`)?.focus(),
    );
  }
  return (
    <fieldset aria-describedby={error ? errorId : `${idPrefix}-headers-hint`} className="space-y-2">
      <legend id={legendId} className="text-foreground mb-1 text-sm leading-none font-medium">
        Custom headers <span className="text-muted-foreground font-normal">(optional)</span>
      </legend>
      <p id={`${idPrefix}-headers-hint`} className="text-muted-foreground text-xs leading-5">
        Sent with every delivery, e.g. <code className="font-mono">Authorization: Bearer …</code> for a CMS that wants a
        token. Lectern sets the <code className="font-mono">webhook-*</code> and content headers itself.
      </p>
      {rows.length ? (
        <ul className="space-y-2">
          {rows.map((r, i) => {
            const n = i + 1;
            const rowError = rowErrors[r.key];
            const errId = `${idPrefix}-hrow-${r.key}-error`;
            return (
              <li key={r.key} className="space-y-1">
                <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1.6fr)_auto] items-center gap-2">
                  <label htmlFor={`${idPrefix}-hname-${r.key}`} className="sr-only">
                    Header {n} name
                  </label>
                  <Input
                    id={`${idPrefix}-hname-${r.key}`}
                    value={r.name}
                    onChange={(e) => edit(r.key, { name: e.target.value })}
                    placeholder="Header name"
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={100}
                    invalid={Boolean(rowError)}
                    aria-describedby={rowError ? errId : undefined}
                    className="font-mono text-xs"
                  />
                  <label htmlFor={`${idPrefix}-hvalue-${r.key}`} className="sr-only">
                    Header {n} value
                  </label>
                  <Input
                    id={`${idPrefix}-hvalue-${r.key}`}
                    value={r.value}
                    onChange={(e) => edit(r.key, { value: e.target.value })}
                    placeholder="Value"
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={1000}
                    invalid={Boolean(rowError)}
                    aria-describedby={rowError ? errId : undefined}
                    className="font-mono text-xs"
                  />
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    aria-label={`Remove header ${n}${r.name.trim() ? ` (${r.name.trim()})` : ""}`}
                    onClick={() => remove(i)}
                  >
                    <Trash2 aria-hidden="true" />
                  </Button>
                </div>
                <FieldError id={errId}>{rowError}</FieldError>
              </li>
            );
          })}
        </ul>
      ) : null}
      <FieldError id={errorId}>{error}</FieldError>
      <Button id={`${idPrefix}-headers-add`} variant="secondary" size="sm" onClick={onAdd}>
        <Plus aria-hidden="true" />
        Add header
      </Button>
    </fieldset>
  );
}
