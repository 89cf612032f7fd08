"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { GitCompareArrows, History } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Loading } from "@/components/inference/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CursorPager, useCursorPages } from "@/components/ui/cursor-pager";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { api, queryKeys } from "@/lib/query/client";
import type { EvalRunList, RunSummary } from "@/lib/schemas/golden-sets";
import { formatMs, formatUsd, isActive, pct, promptText, routeText, when } from "./format";
import { PassingBadge, RunProgress, RunStatusBadge } from "./run-bits";

/** The set's runs, newest first; polls every second while one is queued or running. Pick two to compare. */
export function RunsTable({ setId, threshold }: { setId: string; threshold: number }) {
  const router = useRouter();
  const pages = useCursorPages();
  const [picked, setPicked] = useState<string[]>([]);
  const runs = useQuery({
    queryKey: queryKeys.evalRuns(setId, pages.cursor),
    queryFn: () =>
      api<EvalRunList>(
        `/api/evals/runs?setId=${encodeURIComponent(setId)}${pages.cursor ? `&cursor=${encodeURIComponent(pages.cursor)}` : ""}`,
      ),
    refetchInterval: (q) => (q.state.data?.items.some(isActive) ? 1000 : false),
  });
  const items = runs.data?.items ?? [];
  // When the last active run ends, the set's "last run" and the sets list are stale.
  const qc = useQueryClient();
  const activeCount = items.filter(isActive).length;
  const wasActive = useRef(activeCount);
  useEffect(() => {
    if (wasActive.current > 0 && activeCount < wasActive.current) {
      void qc.invalidateQueries({ queryKey: queryKeys.evalSet(setId) });
      void qc.invalidateQueries({ queryKey: queryKeys.evalSets });
    }
    wasActive.current = activeCount;
  }, [activeCount, qc, setId]);
  const byId = new Map(items.map((r) => [r.id, r] as const));

  function toggle(id: string, on: boolean) {
    // Keep the last two picked.
    setPicked((p) => (on ? [...p.filter((x) => x !== id), id].slice(-2) : p.filter((x) => x !== id)));
  }

  function compare() {
    const chosen = picked.map((id) => byId.get(id)).filter((r): r is RunSummary => Boolean(r));
    if (chosen.length !== 2) return;
    // The older run is the base, the newer one the head.
    const [base, head] = [...chosen].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    router.push(`/evals/compare?base=${base!.id}&head=${head!.id}`);
  }

  if (runs.isPending) return <Loading>Loading runs…</Loading>;
  if (runs.isError)
    return (
      <Alert tone="danger" title="The runs could not be loaded">
        {runs.error.message}
      </Alert>
    );
  if (items.length === 0 && !pages.hasNewer)
    return (
      <EmptyState
        icon={History}
        headingLevel="h3"
        title="No runs yet"
        description="Start a run above: every case is generated and checked, and the pass rate is compared with the set's threshold."
        className="py-8 sm:py-10"
      />
    );

  const ready = picked.filter((id) => byId.has(id)).length === 2;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-muted-foreground text-sm" aria-live="polite">
          {picked.length === 0
            ? "Select two runs to compare them."
            : picked.length === 1
              ? "Select one more run to compare."
              : "Two runs selected."}
        </p>
        <Button variant="secondary" size="sm" disabled={!ready} onClick={compare}>
          <GitCompareArrows aria-hidden="true" />
          Compare
        </Button>
      </div>
      <DataTable
        caption="Runs of this set, newest first"
        columns={[
          { label: "Select", hidden: true },
          "Run",
          "Prompt and model",
          "Status",
          "Pass rate",
          "Cost",
          "Latency",
        ]}
      >
        {items.map((r) => {
          const label = `run of ${when(r.createdAt)}`;
          return (
            <tr key={r.id} data-testid="run-row" data-status={r.status}>
              <td className="py-3 pr-3">
                <input
                  type="checkbox"
                  className="accent-primary size-4"
                  aria-label={`Select the ${label} to compare`}
                  checked={picked.includes(r.id)}
                  onChange={(e) => toggle(r.id, e.target.checked)}
                />
              </td>
              <td className="py-3 pr-4 whitespace-nowrap">
                <Link href={`/evals/runs/${r.id}`} className="font-medium hover:underline">
                  {when(r.createdAt)}
                  <span className="sr-only">, open the run</span>
                </Link>
                {r.createdBy ? <span className="text-muted-foreground block text-xs">by {r.createdBy}</span> : null}
              </td>
              <td className="py-3 pr-4">
                <span className="font-mono text-xs">{promptText(r)}</span>
                <span className="text-muted-foreground block text-xs">{routeText(r.route)}</span>
              </td>
              <td className="min-w-40 py-3 pr-4">
                <div className="flex flex-wrap gap-1">
                  <RunStatusBadge status={r.status} />
                  <PassingBadge run={r} />
                </div>
                {isActive(r) ? <RunProgress run={r} className="mt-2" /> : null}
                {r.error ? <p className="text-danger mt-1 max-w-64 text-xs">{r.error}</p> : null}
              </td>
              <td className="py-3 pr-4 tabular-nums">
                <span className="font-medium">{pct(r.passRate)}</span>
                <span className="text-muted-foreground block text-xs">
                  {r.passed} pass · {r.failed} fail{r.errored ? ` · ${r.errored} error` : ""}
                </span>
                <span className="text-muted-foreground block text-xs">threshold {pct(threshold)}</span>
              </td>
              <td className="py-3 pr-4 tabular-nums">{formatUsd(r.costMicros)}</td>
              <td className="py-3 tabular-nums">
                {formatMs(r.latencyMs)}
                {r.caseLatencyP50Ms !== null ? (
                  <span className="text-muted-foreground block text-xs">p50 {formatMs(r.caseLatencyP50Ms)}/case</span>
                ) : null}
              </td>
            </tr>
          );
        })}
      </DataTable>
      {pages.hasNewer || runs.data?.nextCursor ? (
        <CursorPager pages={pages} nextCursor={runs.data?.nextCursor} />
      ) : null}
    </div>
  );
}
