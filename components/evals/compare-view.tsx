"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowRight, GitCompareArrows } from "lucide-react";
import Link from "next/link";
import { Loading } from "@/components/inference/fields";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { api, queryKeys } from "@/lib/query/client";
import { FLIP_KINDS, type CaseComparison, type RunComparison } from "@/lib/schemas/golden-sets";
import { isActive } from "./format";
import { CaseStatusBadge } from "./run-bits";
import { RunSummaryCard } from "./run-detail";
import { EvalsBackLink } from "./set-detail";

type Change = CaseComparison["change"];

const CHANGE: Record<Change, { label: string; tone: BadgeTone }> = {
  regressed: { label: "Regressed", tone: "danger" },
  improved: { label: "Improved", tone: "success" },
  same: { label: "Same", tone: "neutral" },
  added: { label: "Added", tone: "info" },
  removed: { label: "Removed", tone: "neutral" },
};

/** Regressed first, then improved, then the rest (the server orders them so; this keeps it so). */
const ORDER: Record<Change, number> = { regressed: 0, improved: 1, added: 2, removed: 3, same: 4 };

/** Two runs side by side and which cases flipped between them. */
export function CompareView({ base, head }: { base: string | null; head: string | null }) {
  const ok = Boolean(base && head);
  const cmp = useQuery({
    queryKey: queryKeys.evalCompare(base ?? "", head ?? ""),
    queryFn: () =>
      api<RunComparison>(`/api/evals/compare?base=${encodeURIComponent(base!)}&head=${encodeURIComponent(head!)}`),
    enabled: ok,
    refetchInterval: (q) =>
      q.state.data && (isActive(q.state.data.base) || isActive(q.state.data.head)) ? 1000 : false,
  });

  const header = <PageHeader eyebrow={<EvalsBackLink />} title="Compare runs" />;
  if (!ok)
    return (
      <>
        {header}
        <EmptyState
          icon={GitCompareArrows}
          title="Pick two runs to compare"
          description="Open a golden set, select two of its runs and choose Compare."
          action={
            <Link href="/evals" className="text-primary text-sm font-medium hover:underline">
              Go to the golden sets
            </Link>
          }
        />
      </>
    );
  if (cmp.isPending)
    return (
      <>
        {header}
        <Loading>Comparing the runs…</Loading>
      </>
    );
  if (cmp.isError)
    return (
      <>
        {header}
        <Alert tone="danger" title="The runs could not be compared">
          {cmp.error.message}
        </Alert>
      </>
    );

  const c = cmp.data;
  const cases = [...c.cases].sort((a, b) => ORDER[a.change] - ORDER[b.change]);
  return (
    <>
      <PageHeader
        eyebrow={<EvalsBackLink />}
        title="Compare runs"
        description={
          <>
            Two runs of{" "}
            <Link href={`/evals/sets/${c.setId}`} className="text-primary hover:underline">
              {c.setName}
            </Link>{" "}
            (passing at {Math.round(c.passThreshold * 100)}%). The base is the older run, the head the newer one. Cases
            that regressed come first.
          </>
        }
      />
      <div className="space-y-6">
        <div className="grid gap-4 lg:grid-cols-2">
          <div>
            <RunSummaryCard run={c.base} title="Base" headingLevel="h2" compact />
            <Link href={`/evals/runs/${c.base.id}`} className="text-primary mt-2 inline-block text-sm hover:underline">
              Open the base run
            </Link>
          </div>
          <div>
            <RunSummaryCard run={c.head} title="Head" headingLevel="h2" compact />
            <Link href={`/evals/runs/${c.head.id}`} className="text-primary mt-2 inline-block text-sm hover:underline">
              Open the head run
            </Link>
          </div>
        </div>

        <Card>
          <CardHeader>
            <CardTitle>Cases</CardTitle>
            <CardDescription>
              <span className="flex flex-wrap gap-2" data-testid="compare-counts">
                {FLIP_KINDS.map((k) => (
                  <Badge key={k} tone={(c.counts[k] ?? 0) > 0 ? CHANGE[k].tone : "neutral"}>
                    {c.counts[k] ?? 0} {CHANGE[k].label.toLowerCase()}
                  </Badge>
                ))}
              </span>
            </CardDescription>
          </CardHeader>
          <CardContent>
            {cases.length === 0 ? (
              <p className="text-muted-foreground text-sm">Neither run has case results.</p>
            ) : (
              <DataTable
                caption="Cases of the two runs, regressed first"
                columns={["Change", "Case", "Base → head", "Changed expectations"]}
              >
                {cases.map((x) => (
                  <tr key={x.caseId} data-testid="compare-row" data-change={x.change}>
                    <td className="py-2.5 pr-4">
                      <Badge tone={CHANGE[x.change].tone}>{CHANGE[x.change].label}</Badge>
                    </td>
                    <td className="py-2.5 pr-4 font-medium">{x.caseName}</td>
                    <td className="py-2.5 pr-4 whitespace-nowrap">
                      <span className="inline-flex items-center gap-1.5">
                        <CaseStatusBadge status={x.base} />
                        <ArrowRight aria-label="to" className="text-muted-foreground size-3.5" />
                        <CaseStatusBadge status={x.head} />
                      </span>
                    </td>
                    <td className="py-2.5">
                      {x.changedAssertions.length === 0 ? (
                        <span className="text-muted-foreground">—</span>
                      ) : (
                        <ul className="space-y-1">
                          {x.changedAssertions.map((a, i) => (
                            <li key={i} className="text-xs">
                              <span className="font-medium">{a.label}</span>
                              <span className="text-muted-foreground">
                                : {a.base ?? "—"} → {a.head ?? "—"}
                              </span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
