import { cn } from "@/components/lib/cn";

/** Lectern mark: a reading stand (slanted desk on a column). Decorative by default. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "bg-primary text-primary-foreground inline-flex size-7 shrink-0 items-center justify-center rounded-md",
        className,
      )}
    >
      <svg viewBox="0 0 24 24" fill="none" className="size-[70%]">
        <path d="M5 8.5 19 5.5v4L5 12.5z" fill="currentColor" />
        <path d="M12 11v8M8 19h8" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
      </svg>
    </span>
  );
}

/** Mark + "Lectern" wordmark. */
export function Logo({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2.5", className)}>
      <LogoMark />
      <span className="text-foreground text-[15px] font-semibold tracking-tight">Lectern</span>
    </span>
  );
}
