import type { ReactNode } from "react";
import { Logo } from "@/components/shell/logo";

/** The centred card of the pages people see before they are in the studio (sign in, invitation). */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle: ReactNode; children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm space-y-8">
        <div className="flex flex-col items-center gap-3 text-center">
          <Logo />
          <div>
            <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
            <p className="text-muted-foreground mt-1 text-sm">{subtitle}</p>
          </div>
        </div>
        <div className="border-border bg-card shadow-card rounded-xl border p-6">{children}</div>
      </div>
    </main>
  );
}
