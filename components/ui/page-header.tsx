import type { ReactNode } from "react";

import { cn } from "@/components/lib/cn";

export type PageHeaderProps = {
  /** Rendered as the page's single `<h1>`. */
  title: string;
  description?: ReactNode;
  /** Right-aligned actions (buttons/links). */
  actions?: ReactNode;
  /** Small line above the title, e.g. a badge or breadcrumb. */
  eyebrow?: ReactNode;
  className?: string;
};

export function PageHeader({ title, description, actions, eyebrow, className }: PageHeaderProps) {
  return (
    <div
      className={cn(
        "border-border mb-8 flex flex-col gap-4 border-b pb-6 sm:flex-row sm:items-end sm:justify-between",
        className,
      )}
    >
      <div className="min-w-0 space-y-1.5">
        {eyebrow ? <div className="text-muted-foreground text-xs font-medium">{eyebrow}</div> : null}
        <h1 className="text-foreground text-2xl leading-8 font-semibold tracking-tight">{title}</h1>
        {description ? <p className="text-muted-foreground max-w-2xl text-sm leading-6">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}
