import { CircleAlert } from "lucide-react";
import type { ReactNode } from "react";

import { cn } from "@/components/lib/cn";

export type FieldErrorProps = {
  /** Reference it from the control: `aria-describedby={id}` plus `aria-invalid`. */
  id: string;
  children?: ReactNode;
  className?: string;
};

/** Inline validation message under a form control. Renders nothing when there is no message. */
export function FieldError({ id, children, className }: FieldErrorProps) {
  if (children === null || children === undefined || children === false || children === "") return null;
  return (
    <p id={id} className={cn("text-danger flex items-start gap-1.5 text-[13px] leading-5", className)}>
      <CircleAlert aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
      <span>{children}</span>
    </p>
  );
}
