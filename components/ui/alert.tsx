import { CircleAlert, CircleCheck, Info, TriangleAlert, type LucideIcon } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";

import { cn } from "@/components/lib/cn";

export type AlertTone = "info" | "success" | "warning" | "danger";

const tones: Record<AlertTone, { className: string; icon: LucideIcon }> = {
  info: { className: "border-info-border bg-info-subtle [&_[data-alert-icon]]:text-info", icon: Info },
  success: {
    className: "border-success-border bg-success-subtle [&_[data-alert-icon]]:text-success",
    icon: CircleCheck,
  },
  warning: {
    className: "border-warning-border bg-warning-subtle [&_[data-alert-icon]]:text-warning",
    icon: TriangleAlert,
  },
  danger: { className: "border-danger-border bg-danger-subtle [&_[data-alert-icon]]:text-danger", icon: CircleAlert },
};

export type AlertProps = Omit<ComponentProps<"div">, "title"> & {
  tone?: AlertTone;
  title?: ReactNode;
};

/**
 * Inline message. `danger` renders `role="alert"` (assertive); the other tones
 * render `role="status"` (polite). Pass `role` to override.
 */
export function Alert({ tone = "info", title, children, className, role, ...props }: AlertProps) {
  const { className: toneClassName, icon: Icon } = tones[tone];
  return (
    <div
      role={role ?? (tone === "danger" ? "alert" : "status")}
      className={cn("text-foreground flex gap-3 rounded-lg border px-4 py-3 text-sm", toneClassName, className)}
      {...props}
    >
      <Icon data-alert-icon="" aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 space-y-1">
        {title ? <p className="leading-5 font-medium">{title}</p> : null}
        {children ? <div className="text-foreground/85 leading-5">{children}</div> : null}
      </div>
    </div>
  );
}
