import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

import { cn } from "@/components/lib/cn";
import { Logo } from "@/components/shell/logo";

export type StatusPageProps = {
  /** HTTP-style code shown above the title, e.g. "403". */
  code: string;
  icon: LucideIcon;
  title: string;
  description: ReactNode;
  actions?: ReactNode;
  /**
   * `true` (default): renders its own `<main id="main">` filling the viewport,
   * for use outside the studio shell (root `forbidden.tsx` / `not-found.tsx`).
   * `false`: renders a plain block for use inside a page that already has `<main>`.
   */
  standalone?: boolean;
};

/** Centered status message (403, 404, ...), server-component safe. */
export function StatusPage({ code, icon: Icon, title, description, actions, standalone = true }: StatusPageProps) {
  const Wrapper = standalone ? "main" : "div";
  return (
    <Wrapper
      id={standalone ? "main" : undefined}
      className={cn(
        "flex flex-col items-center justify-center px-6 text-center",
        standalone ? "bg-background min-h-dvh py-16" : "min-h-[60vh] py-12",
      )}
    >
      {standalone ? <Logo className="mb-12" /> : null}
      <div className="border-border bg-muted text-muted-foreground mb-5 flex size-12 items-center justify-center rounded-xl border">
        <Icon aria-hidden="true" className="size-6" strokeWidth={1.75} />
      </div>
      <p className="text-primary text-sm font-semibold">
        <span className="sr-only">Error </span>
        {code}
      </p>
      <h1 className="text-foreground mt-2 text-2xl leading-8 font-semibold tracking-tight text-balance">{title}</h1>
      <div className="text-muted-foreground mt-3 max-w-md text-sm leading-6 text-balance">{description}</div>
      {actions ? <div className="mt-8 flex flex-wrap items-center justify-center gap-3">{actions}</div> : null}
    </Wrapper>
  );
}
