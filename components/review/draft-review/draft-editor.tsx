"use client";

import { Save } from "lucide-react";
import { useEffect, useEffectEvent, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/inference/fields";
import type { DraftContent, DraftDetail } from "@/lib/schemas/drafts";
import { CarryPanel, type Carry } from "./carry-panel";
import { editableFields, getField, sameText, setField, type EditableField } from "./fields";
import { FieldInput } from "./field-input";

const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The copy as a form, one input per field of the format. Saving sends the whole content with the
 * version it was loaded from; the server re-checks it and answers with the new flags. Ctrl/Cmd+S
 * saves, Escape cancels (asking first when there are unsaved edits).
 */
export function DraftEditor({
  base,
  content,
  note,
  carry,
  saving,
  error,
  onChange,
  onNote,
  onSave,
  onCancel,
  onDismissCarry,
}: {
  /** The version being edited. */
  base: DraftDetail;
  content: DraftContent;
  note: string;
  carry: Carry | null;
  saving: boolean;
  error: string | null;
  onChange: (content: DraftContent) => void;
  onNote: (note: string) => void;
  onSave: () => void;
  onCancel: () => void;
  onDismissCarry: () => void;
}) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const keepEditing = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const fields = useMemo(() => editableFields(content), [content]);
  const groups = useMemo(() => {
    const out = new Map<string, EditableField[]>();
    for (const f of fields) out.set(f.group, [...(out.get(f.group) ?? []), f]);
    return [...out];
  }, [fields]);
  // The server refuses a save that changes no text; a note alone still counts as work to discard.
  const canSave = !sameText(base.content, content);
  const dirty = canSave || note.trim() !== "";
  const changed = fields.filter((f) => f.text !== getField(base.content, f.path)).length;

  function requestCancel() {
    if (dirty) setConfirming(true);
    else onCancel();
  }

  // The confirmation takes focus on its safe choice, "Keep editing"; keeping on gives focus back to Cancel.
  useEffect(() => {
    if (confirming) keepEditing.current?.focus();
  }, [confirming]);

  function keepOn() {
    setConfirming(false);
    requestAnimationFrame(() => cancelButton.current?.focus());
  }

  const onDocumentKey = useEffectEvent((e: globalThis.KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "s") {
      e.preventDefault();
      if (!saving && canSave) onSave();
    }
  });
  useEffect(() => {
    const listener = (e: globalThis.KeyboardEvent) => onDocumentKey(e);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  function onFormKey(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key === "Escape" && !e.defaultPrevented && !confirming) {
      e.preventDefault();
      requestCancel();
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!saving && canSave) onSave();
  }

  const mod = isMac() ? "⌘" : "Ctrl";
  return (
    <Card data-testid="draft-editor">
      <form aria-labelledby={`${id}-title`} onSubmit={submit} onKeyDown={onFormKey} noValidate>
        <CardHeader>
          <CardTitle id={`${id}-title`}>Edit the copy</CardTitle>
          <CardDescription>
            Editing version {base.version}. Saving makes version {base.version + 1} and runs the checks again: brand
            voice, grounding, channel limits{base.format === "seo_page" ? ", structured data" : ""}. {mod}+S saves, Esc
            cancels.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-6">
          {carry ? (
            <CarryPanel
              carry={carry}
              current={(path) => getField(content, path)}
              onReapply={(path, text) => onChange(setField(content, path, text))}
              onDismiss={onDismissCarry}
            />
          ) : null}
          {groups.map(([group, items]) => (
            <fieldset key={group} className="space-y-4">
              <legend className="mb-3 text-sm font-semibold">{group}</legend>
              {items.map((f) => {
                const was = getField(base.content, f.path);
                return (
                  <FieldInput
                    key={f.path}
                    field={f}
                    edited={was !== f.text}
                    issues={base.record.channelIssues.filter((i) => i.field === f.path)}
                    onChange={(text) => onChange(setField(content, f.path, text))}
                  />
                );
              })}
            </fieldset>
          ))}
          {base.format === "email" ? (
            <p className="text-muted-foreground text-xs">
              The HTML and plain-text parts are rebuilt from these fields when you save.
            </p>
          ) : null}
        </CardContent>
        <div className="border-border bg-card/95 sticky bottom-0 z-10 space-y-3 rounded-b-lg border-t px-5 py-3 backdrop-blur">
          {error ? <Alert tone="danger">{error}</Alert> : null}
          {confirming ? (
            <div
              role="alertdialog"
              aria-labelledby={`${id}-discard`}
              className="border-warning-border bg-warning-subtle flex flex-wrap items-center gap-3 rounded-md border px-3 py-2 text-sm"
              onKeyDown={(e) => {
                if (e.key === "Escape") {
                  e.preventDefault();
                  keepOn();
                }
              }}
            >
              <p id={`${id}-discard`} className="font-medium">
                Discard your unsaved edits?
              </p>
              <Button size="sm" variant="danger" onClick={onCancel}>
                Discard edits
              </Button>
              <Button ref={keepEditing} size="sm" variant="secondary" onClick={keepOn}>
                Keep editing
              </Button>
            </div>
          ) : (
            <div className="flex flex-wrap items-end gap-3">
              <div className="min-w-48 flex-1 space-y-1.5">
                <Label htmlFor={`${id}-note`} optional>
                  Note for the history
                </Label>
                <Input
                  id={`${id}-note`}
                  value={note}
                  maxLength={500}
                  placeholder="e.g. Shortened the headlines"
                  onChange={(e) => onNote(e.target.value)}
                />
              </div>
              <span className="text-muted-foreground pb-2 text-xs" aria-live="polite">
                {changed === 0 ? "No changes yet" : `${changed} ${changed === 1 ? "field" : "fields"} edited`}
              </span>
              <Button ref={cancelButton} variant="ghost" onClick={requestCancel} disabled={saving}>
                Cancel
              </Button>
              <Button type="submit" disabled={saving || !canSave} aria-keyshortcuts="Control+S Meta+S">
                {saving ? <Spinner /> : <Save aria-hidden="true" />}
                {saving ? "Saving…" : "Save"}
              </Button>
            </div>
          )}
        </div>
      </form>
    </Card>
  );
}
