"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { TabList } from "@/components/ui/tab-list";
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

  const brand = useQuery({
    queryKey: queryKeys.brandVoice,
    queryFn: () => api<BrandVoiceOut>("/api/brand"),
  });

  function select(t: BrandTab) {
    setTab(t);
    const url = new URL(window.location.href);
    if (t === "rules") url.searchParams.delete("tab");
    else url.searchParams.set("tab", t);
    window.history.replaceState(null, "", `${url.pathname}${url.search}`);
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

      <TabList
        label="Brand sections"
        idPrefix="brand"
        tabs={tabs}
        labels={TAB_LABELS}
        selected={tab}
        onSelect={(t) => select(t)}
      />

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
            <EditPanel
              brand={brand.data}
              onViewRules={() => {
                select("rules");
                document.getElementById("brand-tab-rules")?.focus();
              }}
            />
          )}
        </div>
      ))}
    </>
  );
}
