import type { ComponentProps } from "react";

import { cn } from "@/components/lib/cn";

/** Shared look of text-like form controls (also used by `Select`). */
export const controlClassName =
  "block w-full rounded-md border border-input bg-background px-3 text-sm text-foreground shadow-card " +
  "transition-colors placeholder:text-muted-foreground " +
  "focus-visible:outline-2 focus-visible:-outline-offset-1 focus-visible:outline-ring " +
  "disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-60 " +
  "aria-invalid:border-danger aria-invalid:focus-visible:outline-danger";

export type InputProps = ComponentProps<"input"> & {
  /** Marks the field invalid (`aria-invalid`); pair with `FieldError` via `aria-describedby`. */
  invalid?: boolean;
};

export function Input({ className, invalid, type = "text", "aria-invalid": ariaInvalid, ...props }: InputProps) {
  return (
    <input
      type={type}
      aria-invalid={invalid ? true : ariaInvalid}
      className={cn(controlClassName, "h-9 py-2", type === "file" && "h-auto py-1.5", className)}
      {...props}
    />
  );
}
