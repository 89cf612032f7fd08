"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/lib/cn";

const TABS = [
  { href: "/settings", label: "Members" },
  { href: "/settings/models", label: "Models" },
  { href: "/settings/prompts", label: "Prompts" },
  { href: "/settings/guardrails", label: "Guardrails" },
  { href: "/settings/review", label: "Review" },
  { href: "/settings/api", label: "API" },
  { href: "/settings/audit", label: "Audit trail" },
];

export function SettingsTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings sections" className="border-border -mt-4 flex gap-1 border-b">
      {TABS.map((t) => {
        const active = pathname === t.href;
        return (
          <Link
            key={t.href}
            href={t.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
              active
                ? "border-primary text-foreground"
                : "text-muted-foreground hover:text-foreground border-transparent",
            )}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
