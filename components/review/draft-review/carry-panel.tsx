"use client";

import { ClipboardCopy, Undo2 } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FieldChange } from "./fields";
import { YourText } from "./your-text";

/** Edits a person made on an older version, kept after someone else saved a newer one. */
export type Carry = {
  fromVersion: number;
  changes: (FieldChange & { /** Someone else changed this field too. */ theirs: boolean })[];
};

/** Copies text to the clipboard; says so for a moment. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="sm"
      variant="ghost"
      aria-label={copied ? `Copied ${label}` : `Copy ${label}`}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        } catch {
          setCopied(false);
        }
      }}
    >
      <ClipboardCopy aria-hidden="true" />
      {copied ? "Copied" : "Copy"}
    </Button>
  );
}

/**
 * The person's earlier edits beside the editor, after they loaded a newer version: each field
 * with what they had written, to copy or put back. Fields someone else changed too are marked,
 * so reapplying one is a choice made knowing it overwrites their change.
 */
export function CarryPanel({
  carry,
  current,
  onReapply,
  onDismiss,
}: {
  carry: Carry;
  /** The editor's text per path, to tell which edits are already back in. */
  current: (path: string) => string | null;
  onReapply: (path: string, text: string) => void;
  onDismiss: () => void;
}) {
  return (
    <Alert
      tone="info"
      role="region"
      aria-label="Your earlier edits"
      title={`Your unsaved edits from version ${carry.fromVersion}`}
      data-testid="carry-panel"
    >
      <p>They were not saved. Put them back field by field, or copy what you need.</p>
      <ul className="mt-2 space-y-3">
        {carry.changes.map((c) => {
          const applied = current(c.path) === c.after;
          return (
            <li key={c.path} className="border-info-border space-y-1 border-t pt-2">
              <p className="text-xs font-medium tracking-wide uppercase">
                {c.label}
                {c.theirs ? (
                  <span className="text-warning ml-2 normal-case">also changed in the newer version</span>
                ) : null}
              </p>
              <YourText before={c.before} after={c.after} />
              <div className="flex flex-wrap gap-1">
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={applied}
                  onClick={() => onReapply(c.path, c.after)}
                  aria-label={applied ? `${c.label}: your edit is in` : `Reapply your edit to ${c.label}`}
                >
                  <Undo2 aria-hidden="true" />
                  {applied ? "Reapplied" : "Reapply"}
                </Button>
                <CopyButton text={c.after} label={`your text for ${c.label}`} />
              </div>
            </li>
          );
        })}
      </ul>
      <Button size="sm" variant="ghost" className="mt-2" onClick={onDismiss}>
        Hide my earlier edits
      </Button>
    </Alert>
  );
}
