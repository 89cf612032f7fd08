import { Loader2 } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";

import { cn } from "@/components/lib/cn";
import { FieldError } from "@/components/ui/field-error";
import { controlClassName } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** Multi-line text control with the same look as `Input`. */
export function Textarea({
  className,
  invalid,
  "aria-invalid": ariaInvalid,
  ...props
}: ComponentProps<"textarea"> & { invalid?: boolean }) {
  return (
    <textarea
      aria-invalid={invalid ? true : ariaInvalid}
      className={cn(controlClassName, "min-h-20 py-2 leading-6", className)}
      {...props}
    />
  );
}

/**
 * A labelled form field: label, control, optional hint and an error tied to
 * the control. `children` receives the ids to wire up (`aria-describedby`).
 */
export function Field({
  id,
  label,
  optional,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  optional?: boolean;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: (a11y: { id: string; "aria-describedby"?: string; invalid: boolean }) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={cn("space-y-2", className)}>
      <Label htmlFor={id} optional={optional}>
        {label}
      </Label>
      {children({ id, "aria-describedby": describedBy || undefined, invalid: Boolean(error) })}
      {hint ? (
        <p id={`${id}-hint`} className="text-muted-foreground text-xs leading-5">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  );
}

/** An on/off switch: a real button with role="switch", so Space and Enter toggle it. */
export function Switch({
  checked,
  onCheckedChange,
  className,
  ...props
}: Omit<ComponentProps<"button">, "onChange"> & { checked: boolean; onCheckedChange: (v: boolean) => void }) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      onClick={() => onCheckedChange(!checked)}
      className={cn(
        "relative inline-flex h-5 w-9 shrink-0 items-center rounded-full border transition-colors",
        "focus-visible:outline-ring focus-visible:outline-2 focus-visible:outline-offset-2",
        "disabled:cursor-not-allowed disabled:opacity-50",
        checked ? "border-primary bg-primary" : "border-border bg-muted",
        className,
      )}
      {...props}
    >
      <span
        aria-hidden="true"
        className={cn(
          "bg-background shadow-card inline-block size-3.5 rounded-full transition-transform",
          checked ? "translate-x-4" : "translate-x-0.5",
        )}
      />
    </button>
  );
}

export function Spinner({ className }: { className?: string }) {
  return <Loader2 aria-hidden="true" className={cn("size-4 animate-spin", className)} />;
}

/** The polite "Loading …" line used while a query is pending. */
export function Loading({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="text-muted-foreground flex items-center gap-2 text-sm">
      <Spinner />
      {children}
    </p>
  );
}
