"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export type ShownSecret = { endpointId: string; secret: string; kind: "created" | "rotated" | "revealed" };

const TITLES: Record<ShownSecret["kind"], string> = {
  created: "Endpoint created: this is its signing secret",
  rotated: "Secret rotated: this is the new signing secret",
  revealed: "Signing secret",
};

/**
 * A signing secret in a read-only field with a copy button. After create and rotate this is the
 * only time the secret is shown unasked; admins can reveal it later (audited).
 */
export function SecretBox({ shown, onDismiss }: { shown: ShownSecret; onDismiss: () => void }) {
  const id = useId();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const field = useRef<HTMLInputElement>(null);
  // The secret is what the admin came for (and the only chance to copy it): focus and select it.
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [shown.secret]);
  async function copy() {
    try {
      await navigator.clipboard.writeText(shown.secret);
      setCopied("yes");
    } catch {
      // No clipboard (an insecure origin, a refused permission): select the text for Ctrl+C.
      field.current?.select();
      setCopied("failed");
    }
  }
  return (
    <Alert
      tone={shown.kind === "revealed" ? "info" : "warning"}
      title={TITLES[shown.kind]}
      data-testid="endpoint-secret"
    >
      <div className="mt-1 space-y-2">
        <p className="text-foreground font-medium">
          {shown.kind === "revealed"
            ? "Revealing it was recorded in the audit trail."
            : "Copy it now; it is not shown again. (An admin can reveal it later; that is recorded in the audit trail.)"}
        </p>
        <label htmlFor={`${id}-secret`} className="sr-only">
          Signing secret
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <Input
            ref={field}
            id={`${id}-secret`}
            readOnly
            value={shown.secret}
            spellCheck={false}
            onFocus={(e) => e.currentTarget.select()}
            className="min-w-0 flex-1 font-mono text-xs sm:min-w-80"
          />
          <Button size="sm" variant="secondary" onClick={() => void copy()}>
            {copied === "yes" ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
            {copied === "yes" ? "Copied" : "Copy"}
          </Button>
          <Button size="sm" variant="ghost" onClick={onDismiss}>
            {shown.kind === "revealed" ? "Hide" : "I have copied it"}
          </Button>
        </div>
        <p aria-live="polite" className="text-xs">
          {copied === "failed"
            ? "Copying was not allowed here: the secret is selected, press Ctrl+C (⌘C) to copy it."
            : "Receivers verify each delivery's webhook-signature header with it (Standard Webhooks)."}
        </p>
      </div>
    </Alert>
  );
}
