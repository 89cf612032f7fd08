import type { ReactNode } from "react";
import { cn } from "@/components/lib/cn";
import { FieldText } from "../field-text";

export type Limit = { max: number; min?: number; /** Over the max is an error (ads), not a warning. */ hard?: boolean };

/** "27/30": a length against its limit, red past a hard limit, amber outside a recommended range. */
export function LengthMeter({ count, limit }: { count: number; limit: Limit }) {
  const over = count > limit.max;
  const under = limit.min !== undefined && count < limit.min;
  return (
    <span
      className={cn(
        "text-xs whitespace-nowrap tabular-nums",
        over && limit.hard
          ? "text-danger font-medium"
          : over || under
            ? "text-warning font-medium"
            : "text-muted-foreground",
      )}
      title={
        limit.min !== undefined ? `Aim for ${limit.min}–${limit.max} characters` : `At most ${limit.max} characters`
      }
    >
      {count}/{limit.max}
      <span className="sr-only"> characters{limit.min !== undefined ? `, aim for at least ${limit.min}` : ""}</span>
    </span>
  );
}

/** Characters as most channels count them (code points). */
export function charCount(text: string): number {
  return Array.from(text).length;
}

/** A labelled field of copy: the label, its length against the channel's limit, and the text with its alerts. */
export function LabeledField({
  label,
  path,
  text,
  limit,
  count,
  className,
  textClassName,
}: {
  label: string;
  path: string;
  text: string;
  limit?: Limit;
  /** Defaults to code points; ads pass their display width. */
  count?: number;
  className?: string;
  textClassName?: string;
}) {
  return (
    <div className={cn("space-y-1", className)}>
      <div className="flex items-baseline justify-between gap-3">
        <span className="text-muted-foreground text-xs font-medium tracking-wide uppercase">{label}</span>
        {limit ? <LengthMeter count={count ?? charCount(text)} limit={limit} /> : null}
      </div>
      <FieldText as="div" path={path} text={text} className={cn("text-sm leading-6", textClassName)} />
    </div>
  );
}

/** A titled part of the copy (h3 under the card's h2). */
export function ContentSection({
  title,
  count,
  children,
  className,
}: {
  title: string;
  count?: number;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={cn("space-y-3", className)}>
      <h3 className="text-sm font-semibold">
        {title}
        {count !== undefined ? <span className="text-muted-foreground font-normal"> · {count}</span> : null}
      </h3>
      {children}
    </section>
  );
}
