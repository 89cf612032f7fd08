import type { ReactNode } from "react";

/** The heading of one tab's panel (the page owns the h1): a title, a line on what it shows, actions. */
export function PanelHeading({
  title,
  description,
  actions,
}: {
  title: string;
  description: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="max-w-2xl min-w-0 space-y-1">
        <h2 className="text-base leading-6 font-semibold tracking-tight">{title}</h2>
        <p className="text-muted-foreground text-sm">{description}</p>
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}
