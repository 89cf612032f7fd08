"use client";

import { BudgetsCard } from "./budgets-card";
import { LimitsCard } from "./limits-card";
import { PricesCard } from "./prices-card";
import { ProvidersCard } from "./providers-card";
import { RoutesCard } from "./routes-card";
import { UsageLedger } from "./usage-ledger";

const SECTIONS = [
  { id: "providers", label: "Providers" },
  { id: "routes", label: "Routes" },
  { id: "budgets", label: "Budgets" },
  { id: "limits", label: "Rate limits & cache" },
  { id: "prices", label: "Prices" },
  { id: "usage", label: "Usage ledger" },
] as const;

/** Settings → Models: the inference gateway's providers, routes, budgets, limits, prices and ledger. */
export function ModelsPanel() {
  return (
    <div className="space-y-6">
      <nav aria-label="On this page" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {SECTIONS.map((s) => (
          <a
            key={s.id}
            href={`#${s.id}`}
            className="text-muted-foreground hover:text-foreground underline-offset-2 hover:underline"
          >
            {s.label}
          </a>
        ))}
      </nav>
      <div id="providers" className="scroll-mt-6">
        <ProvidersCard />
      </div>
      <div id="routes" className="scroll-mt-6">
        <RoutesCard />
      </div>
      <div id="budgets" className="scroll-mt-6">
        <BudgetsCard />
      </div>
      <div id="limits" className="scroll-mt-6">
        <LimitsCard />
      </div>
      <div id="prices" className="scroll-mt-6">
        <PricesCard />
      </div>
      <div id="usage" className="scroll-mt-6">
        <UsageLedger />
      </div>
    </div>
  );
}
