import { randomUUID } from "node:crypto";
import { ChartColumn, Download } from "lucide-react";
import type { Metadata } from "next";

import { addDays } from "@/components/usage/format";
import { RangePicker } from "@/components/usage/range-picker";
import { UsageDashboard } from "@/components/usage/usage-dashboard";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { isAppError } from "@/lib/errors";
import type { UsageReport } from "@/lib/schemas/usage";
import { requirePageAccess } from "@/server/auth/context";
import { db } from "@/server/db";
import { usageReport } from "@/server/features/usage/service";

export const metadata: Metadata = { title: "Usage · Lectern" };

type Search = Record<string, string | string[] | undefined>;

function param(s: Search, key: string): string | undefined {
  const v = s[key];
  return typeof v === "string" ? v.slice(0, 10) : undefined;
}

/** Editors and admins (it shows what each person spends); marketers get the studio's 403 page. */
export default async function UsagePage({ searchParams }: { searchParams: Promise<Search> }) {
  const s = await requirePageAccess("editor");
  const sp = await searchParams;
  const today = new Date().toISOString().slice(0, 10);
  const from = param(sp, "from") ?? addDays(today, -29);
  const to = param(sp, "to") ?? today;

  let report: UsageReport | null = null;
  let problem: string | null = null;
  try {
    report = await usageReport(
      {
        db: db(),
        actor: { type: "user", id: s.user.id, label: s.user.email },
        workspaceId: s.active.id,
        role: s.active.role,
        requestId: randomUUID(),
      },
      { from, to },
    );
  } catch (e) {
    if (!isAppError(e) || e.kind !== "validation") throw e;
    problem = e.message;
  }

  const exportHref = `/api/usage/export?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  return (
    <>
      <PageHeader
        title="Usage"
        description="What generation costs this workspace and how it performs: spend, tokens, latency, cache efficiency, budgets and review outcomes. Days are UTC."
        actions={
          report && report.totals.calls > 0 ? (
            <a href={exportHref} download className={buttonVariants({ variant: "secondary" })}>
              <Download aria-hidden="true" className="size-4" />
              Export CSV
            </a>
          ) : null
        }
      />
      <div className="mb-6">
        <RangePicker from={from} to={to} today={today} />
      </div>
      {problem ? (
        <Alert tone="danger" title="This date range cannot be shown">
          {problem}
        </Alert>
      ) : report && report.totals.calls > 0 ? (
        <UsageDashboard report={report} />
      ) : (
        <EmptyState
          icon={ChartColumn}
          title="No usage in this range"
          description={`No model calls were recorded between ${from} and ${to}. Pick another range, or generate drafts to see cost, tokens and latency here.`}
        />
      )}
    </>
  );
}
