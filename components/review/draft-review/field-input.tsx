"use client";

import { Badge } from "@/components/ui/badge";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/inference/fields";
import { charCount } from "@/components/drafts/content/parts";
import { displayLength } from "@/components/drafts/labels";
import type { ChannelIssue } from "@/lib/schemas/drafts";
import type { EditableField } from "./fields";
import { editorFieldId } from "./review-flags";

/** Rows for a text area where `field-sizing` is not supported: the text at about 60 characters a line. */
function rowsFor(text: string): number {
  const lines = text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil(l.length / 60)), 0);
  return Math.min(14, Math.max(2, lines + 1));
}

/**
 * One field of the copy in the editor: its label, a live character count (display width for ads,
 * as the networks count), and what the last check found in it (the server re-checks on save).
 */
export function FieldInput({
  field,
  edited,
  issues,
  onChange,
}: {
  field: EditableField;
  /** Differs from the version being edited. */
  edited: boolean;
  /** Channel rules the saved text broke at the last check. */
  issues: ChannelIssue[];
  onChange: (text: string) => void;
}) {
  const id = editorFieldId(field.path);
  const count = field.count === "display" ? displayLength(field.text) : charCount(field.text);
  const describedBy = [edited ? `${id}-edited` : null, `${id}-count`, issues.length ? `${id}-issues` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="space-y-1.5" data-edit-field={field.path}>
      <div className="flex items-baseline justify-between gap-3">
        {/* The badge sits beside the label, not in it, so the field's accessible name stays its label. */}
        <span className="flex items-center gap-2">
          <Label htmlFor={id}>{field.label}</Label>
          {edited ? (
            <Badge id={`${id}-edited`} tone="brand" className="font-normal">
              Edited
            </Badge>
          ) : null}
        </span>
        <span id={`${id}-count`} className="text-muted-foreground text-xs tabular-nums" aria-live="off">
          {count}
          <span className="sr-only"> {field.count === "display" ? "characters (display width)" : "characters"}</span>
          <span aria-hidden="true"> chars</span>
        </span>
      </div>
      {field.multiline ? (
        <Textarea
          id={id}
          value={field.text}
          rows={rowsFor(field.text)}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
          className="field-sizing-content max-h-96 min-h-16"
        />
      ) : (
        <Input id={id} value={field.text} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} />
      )}
      {issues.length ? (
        <div id={`${id}-issues`}>
          {issues.map((i, n) => (
            <FieldError key={n} id={`${id}-issue-${n}`} className={i.level === "warning" ? "text-warning" : undefined}>
              {edited ? "At the last check: " : ""}
              {i.message}
            </FieldError>
          ))}
        </div>
      ) : null}
    </div>
  );
}
