import { CircleDashed } from "lucide-react";

import { cn } from "@/components/lib/cn";

export type FeatureListProps = {
  /** Small heading above the list. */
  title?: string;
  items: readonly string[];
  className?: string;
};

/** Compact list of planned (not yet available) capabilities, for empty states. */
export function FeatureList({ title = "Planned", items, className }: FeatureListProps) {
  return (
    <div className={cn("border-border bg-muted/60 rounded-lg border px-4 py-3 text-left", className)}>
      <p className="text-muted-foreground mb-2 text-xs font-medium tracking-wide uppercase">{title}</p>
      <ul className="space-y-1.5">
        {items.map((item) => (
          <li key={item} className="text-foreground flex items-start gap-2.5 text-sm leading-5">
            <CircleDashed aria-hidden="true" className="text-muted-foreground mt-0.5 size-4 shrink-0" />
            <span>{item}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
