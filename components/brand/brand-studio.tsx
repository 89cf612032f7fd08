"use client";

import { useQuery } from "@tanstack/react-query";
import { useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/lib/cn";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Loading } from "@/components/inference/fields";
import { api, queryKeys } from "@/lib/query/client";
import type { BrandVoiceOut } from "@/lib/schemas/brand";
import { hasRole, type Role } from "@/lib/schemas/roles";
import { CheckPanel } from "./check-panel";
import { EditPanel } from "./edit-panel";
import { RulesPanel } from "./rules-panel";
import { StylesPanel } from "./styles-panel";
import { VersionHistory } from "./version-history";
import { VersionLine } from "./version-line";

export const BRAND_TABS = ["rules", "check", "styles", "edit", "history"] as const;
export type BrandTab = (typeof BRAND_TABS)[number];

const TAB_LABELS: Record<BrandTab, string> = {
  rules: "Rules",
  check: "Check copy",
  styles: "Vale styles",
  edit: "Edit",
  history: "History",
};

/** The Brand page: the voice and its rules, a copy checker, the editor (admins) and version history. */
export function BrandStudio({ role, initialTab }: { role: Role; initialTab?: string }) {
  const isAdmin = hasRole(role, "admin");
  const tabs = BRAND_TABS.filter((t) => t !== "edit" || isAdmin);
  const [tab, setTab] = useState<BrandTab>(tabs.includes(initialTab as BrandTab) ? (initialTab as BrandTab) : "rules");
  const tabRefs = useRef(new Map<BrandTab, HTMLButtonElement>());

  const brand = useQuery({
    queryKey: queryKeys.brandVoice,
    queryFn: () => api<BrandVoiceOut>("/api/brand"),
  });

  function select(t: BrandTab, focusTab = false) {
    setTab(t);
    const url = new URL(window.location.href);
    if (t === "rules") url.searchParams.delete("tab");
    else url.searchParams.set("tab", t);
    window.history.replaceState(null, "", `${url.pathname}${url.search}`);
    if (focusTab) tabRefs.current.get(t)?.focus();
  }

  function onTabKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    const i = tabs.indexOf(tab);
    const next =
      e.key === "ArrowRight"
        ? tabs[(i + 1) % tabs.length]
        : e.key === "ArrowLeft"
          ? tabs[(i - 1 + tabs.length) % tabs.length]
          : e.key === "Home"
            ? tabs[0]
            : e.key === "End"
              ? tabs[tabs.length - 1]
              : undefined;
    if (!next) return;
    e.preventDefault();
    select(next, true);
  }

  return (
    <>
      <PageHeader
        title="Brand"
        description={
          <>
            How this workspace sounds: brand voice, terminology, banned claims and required disclaimers, checked on
            every draft as Vale-compatible rules.
            {brand.data ? (
              <span className="mt-1 block text-xs">
                <VersionLine brand={brand.data} />
              </span>
            ) : null}
          </>
        }
      />
      {brand.isError ? (
        <Alert tone="danger" className="mb-6">
          {brand.error.message}
        </Alert>
      ) : null}

      <div role="tablist" aria-label="Brand sections" className="border-border flex gap-1 overflow-x-auto border-b">
        {tabs.map((t) => (
          <button
            key={t}
            ref={(el) => {
              if (el) tabRefs.current.set(t, el);
              else tabRefs.current.delete(t);
            }}
            type="button"
            role="tab"
            id={`brand-tab-${t}`}
            aria-selected={tab === t}
            aria-controls={`brand-panel-${t}`}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => select(t)}
            onKeyDown={onTabKeyDown}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
              tab === t
                ? "border-primary text-foreground"
                : "text-muted-foreground hover:text-foreground border-transparent",
            )}
          >
            {TAB_LABELS[t]}
          </button>
        ))}
      </div>

      {tabs.map((t) => (
        <div
          key={t}
          role="tabpanel"
          id={`brand-panel-${t}`}
          aria-labelledby={`brand-tab-${t}`}
          hidden={tab !== t}
          className="mt-6"
        >
          {t === "check" ? (
            <CheckPanel />
          ) : t === "styles" ? (
            tab === "styles" ? (
              <StylesPanel isAdmin={isAdmin} />
            ) : null
          ) : t === "history" ? (
            tab === "history" ? (
              <VersionHistory currentVersion={brand.data?.version} />
            ) : null
          ) : !brand.data ? (
            brand.isPending ? (
              <Loading>Loading the brand voice…</Loading>
            ) : null
          ) : t === "rules" ? (
            <RulesPanel brand={brand.data} />
          ) : (
            <EditPanel brand={brand.data} onViewRules={() => select("rules", true)} />
          )}
        </div>
      ))}
    </>
  );
}
