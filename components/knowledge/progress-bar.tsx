import { cn } from "@/components/lib/cn";

export type ProgressTone = "primary" | "success" | "danger";

const fills: Record<ProgressTone, string> = {
  primary: "bg-primary",
  success: "bg-success",
  danger: "bg-danger",
};

/**
 * A thin progress bar with `role="progressbar"`. Without `value` it is indeterminate (no
 * aria-valuenow), for work whose size is not known yet.
 */
export function ProgressBar({
  label,
  value,
  max = 100,
  valueText,
  tone = "primary",
  className,
}: {
  /** Accessible name, e.g. "Upload of boots.md". */
  label: string;
  value?: number;
  max?: number;
  valueText?: string;
  tone?: ProgressTone;
  className?: string;
}) {
  const determinate = value !== undefined && max > 0;
  const pct = determinate ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={determinate ? max : undefined}
      aria-valuenow={determinate ? value : undefined}
      aria-valuetext={valueText}
      className={cn("bg-muted border-border h-2 w-full overflow-hidden rounded-full border", className)}
    >
      <div
        className={cn(
          "h-full rounded-full transition-[width] duration-300 ease-out",
          fills[tone],
          !determinate && "w-1/3 animate-pulse",
        )}
        style={determinate ? { width: `${pct}%` } : undefined}
      />
    </div>
  );
}
