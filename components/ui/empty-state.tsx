import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

import { cn } from "@/components/lib/cn";

export type EmptyStateProps = {
  /** A lucide-react icon component, e.g. `icon={FileText}`. */
  icon?: LucideIcon;
  title: string;
  description: ReactNode;
  /** Optional call to action (a real, working button or link). */
  action?: ReactNode;
  /** Extra content under the description, e.g. a list of what is planned. */
  children?: ReactNode;
  /** Heading level of the title; pages already own the h1. */
  headingLevel?: "h2" | "h3";
  className?: string;
};

export function EmptyState({
  icon: Icon,
  title,
  description,
  action,
  children,
  headingLevel: Heading = "h2",
  className,
}: EmptyStateProps) {
  return (
    <section
      className={cn(
        "border-border bg-card flex flex-col items-center rounded-xl border border-dashed px-6 py-12 text-center sm:px-10 sm:py-16",
        className,
      )}
    >
      {Icon ? (
        <div className="border-border bg-muted text-muted-foreground mb-5 flex size-12 items-center justify-center rounded-xl border">
          <Icon aria-hidden="true" className="size-6" strokeWidth={1.75} />
        </div>
      ) : null}
      <Heading className="text-foreground text-base font-semibold tracking-tight">{title}</Heading>
      <div className="text-muted-foreground mt-2 max-w-lg text-sm leading-6 text-balance">{description}</div>
      {children ? <div className="mt-6 w-full max-w-lg">{children}</div> : null}
      {action ? <div className="mt-6 flex flex-wrap items-center justify-center gap-3">{action}</div> : null}
    </section>
  );
}
