import type { ComponentProps } from "react";

import { cn } from "@/components/lib/cn";

export type LabelProps = ComponentProps<"label"> & {
  /** Shows a muted "(optional)" hint after the label text. */
  optional?: boolean;
};

export function Label({ className, optional, children, ...props }: LabelProps) {
  return (
    <label className={cn("text-foreground text-sm leading-none font-medium", className)} {...props}>
      {children}
      {optional ? <span className="text-muted-foreground ml-1 font-normal">(optional)</span> : null}
    </label>
  );
}
