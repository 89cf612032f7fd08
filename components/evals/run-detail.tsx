"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { Loading } from "@/components/inference/fields";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { api, queryKeys } from "@/lib/query/client";
import type { CaseResultOut, EvalRunDetail, RunSummary } from "@/lib/schemas/golden-sets";
import { ContentFields } from "./content-fields";
import { ASSERTION_STATUS, formatMs, formatUsd, isActive, pct, promptText, routeText, when } from "./format";
import { CaseStatusBadge, PassingBadge, RunProgress, RunStatusBadge } from "./run-bits";
import { EvalsBackLink } from "./set-detail";

/** One run: its summary, progress while it works (polled every second), then every case's results. */
export function RunDetail({ id }: { id: string }) {
  const run = useQuery({
    queryKey: queryKeys.evalRun(id),
    queryFn: () => api<EvalRunDetail>(`/api/evals/runs/${id}`),
    refetchInterval: (q) => (q.state.data && isActive(q.state.data) ? 1000 : false),
  });

  if (run.isPending)
    return (
      <>
        <PageHeader eyebrow={<EvalsBackLink />} title="Eval run" />
        <Loading>Loading the run…</Loading>
      </>
    );
  if (run.isError)
    return (
      <>
        <PageHeader eyebrow={<EvalsBackLink />} title="Eval run" />
        <Alert tone="danger" title="The run could not be loaded">
          {run.error.message}
        </Alert>
      </>
    );
  const r = run.data;
  return (
    <>
      <PageHeader
        eyebrow={
          <span className="flex flex-wrap items-center gap-1">
            <EvalsBackLink />
            <span aria-hidden="true">/</span>
            <Link href={`/evals/sets/${r.setId}`} className="hover:text-foreground hover:underline">
              {r.setName}
            </Link>
          </span>
        }
        title={`Run of ${when(r.createdAt)}`}
        description={`${promptText(r)} · ${routeText(r.route)}`}
      />
      <div className="space-y-6">
        <RunSummaryCard run={r} threshold={r.passThreshold} title="Summary" />
        <section aria-labelledby="case-results-heading" className="space-y-3">
          <h2 id="case-results-heading" className="text-base font-semibold tracking-tight">
            Cases
          </h2>
          {r.results.length === 0 ? (
            <EmptyState
              headingLevel="h3"
              title={isActive(r) ? "No case has finished yet" : "No case results"}
              description={
                isActive(r)
                  ? "Results appear here as each case is generated and checked."
                  : "This run recorded no case results."
              }
              className="py-8 sm:py-10"
            />
          ) : (
            <ul className="space-y-2" aria-label="Case results">
              {r.results.map((c) => (
                <li key={c.caseId}>
                  <CaseResultItem c={c} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

/** The numbers of a run; also one column of the comparison page. */
export function RunSummaryCard({
  run: r,
  threshold,
  title,
  headingLevel = "h2",
  compact = false,
}: {
  run: RunSummary;
  threshold?: number;
  title: string;
  headingLevel?: "h2" | "h3";
  /** Two columns of numbers instead of four (side by side on the comparison page). */
  compact?: boolean;
}) {
  const stat = (label: string, value: ReactNode, testId?: string) => (
    <div className="min-w-0">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="text-foreground text-sm font-medium tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
  return (
    <Card>
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle as={headingLevel}>{title}</CardTitle>
          <RunStatusBadge status={r.status} />
          <PassingBadge run={r} threshold={threshold} />
        </div>
        <CardDescription>
          <span className="font-mono">{promptText(r)}</span> · {routeText(r.route)}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {isActive(r) ? <RunProgress run={r} /> : null}
        {r.error ? (
          <Alert tone="danger" title="The run failed">
            {r.error}
          </Alert>
        ) : null}
        <dl className={compact ? "grid grid-cols-2 gap-4" : "grid grid-cols-2 gap-4 sm:grid-cols-4"}>
          {stat(
            "Pass rate",
            <>
              <span data-testid="run-pass-rate">{pct(r.passRate)}</span>
              {threshold !== undefined ? (
                <span className="text-muted-foreground font-normal"> / threshold {pct(threshold)}</span>
              ) : null}
            </>,
          )}
          {stat(
            "Cases",
            <>
              <span className="text-success">{r.passed} pass</span> ·{" "}
              <span className="text-danger">{r.failed} fail</span> · {r.errored} error
              <span className="text-muted-foreground block text-xs font-normal">
                {r.casesDone}/{r.casesTotal} done
              </span>
            </>,
            "run-counts",
          )}
          {stat("Cost", formatUsd(r.costMicros))}
          {stat(
            "Latency",
            <>
              {formatMs(r.latencyMs)} total
              <span className="text-muted-foreground block text-xs font-normal">
                p50 per case {r.caseLatencyP50Ms === null ? "—" : formatMs(r.caseLatencyP50Ms)}
              </span>
            </>,
          )}
          {stat("Started", when(r.createdAt))}
          {stat("Finished", when(r.finishedAt))}
          {stat("Started by", r.createdBy ?? "—")}
          {stat("Model", routeText(r.route))}
        </dl>
      </CardContent>
    </Card>
  );
}

function CaseResultItem({ c }: { c: CaseResultOut }) {
  const results = c.result?.results ?? [];
  const failing = results.filter((a) => a.status === "fail" || a.status === "error").length;
  return (
    <details
      className="border-border bg-card shadow-card group rounded-lg border"
      data-testid="case-result"
      open={c.status !== "pass"}
    >
      <summary className="focus-visible:outline-ring flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 rounded-lg px-4 py-3 focus-visible:outline-2">
        <CaseStatusBadge status={c.status} />
        <span className="min-w-0 flex-1 font-medium">{c.caseName}</span>
        <span className="text-muted-foreground text-xs tabular-nums">
          {results.length} check{results.length === 1 ? "" : "s"}
          {failing ? `, ${failing} not passing` : ""} · {formatMs(c.latencyMs)} · {formatUsd(c.costMicros)}
        </span>
      </summary>
      <div className="border-border space-y-4 border-t px-4 py-3">
        {c.error ? (
          <Alert tone="danger" title="The case could not be run">
            {c.error}
          </Alert>
        ) : null}
        {results.length > 0 ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Expectations of {c.caseName}</caption>
              <thead className="text-muted-foreground text-xs uppercase">
                <tr>
                  <th scope="col" className="py-1.5 pr-3 font-medium">
                    Result
                  </th>
                  <th scope="col" className="py-1.5 pr-3 font-medium">
                    Expectation
                  </th>
                  <th scope="col" className="py-1.5 font-medium">
                    What was found
                  </th>
                </tr>
              </thead>
              <tbody className="divide-border divide-y align-top">
                {results.map((a, i) => (
                  <tr key={i} data-testid="assertion-result" data-status={a.status}>
                    <td className="py-2 pr-3">
                      <Badge tone={ASSERTION_STATUS[a.status].tone}>{ASSERTION_STATUS[a.status].label}</Badge>
                    </td>
                    <td className="py-2 pr-3 font-medium">{a.label}</td>
                    <td className="py-2">
                      <p>{a.message}</p>
                      {a.evidence?.length ? (
                        <ul className="mt-1 space-y-1">
                          {a.evidence.slice(0, 5).map((e, j) => (
                            <li key={j} className="text-muted-foreground text-xs">
                              {e.field ? <span className="font-mono">{e.field}: </span> : null}
                              <span className="bg-muted rounded px-1">{e.excerpt}</span>
                            </li>
                          ))}
                          {a.evidence.length > 5 ? (
                            <li className="text-muted-foreground text-xs">and {a.evidence.length - 5} more</li>
                          ) : null}
                        </ul>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {c.content ? (
          <details className="text-sm">
            <summary className="text-muted-foreground hover:text-foreground cursor-pointer text-xs font-medium">
              Produced copy
            </summary>
            <div
              role="region"
              aria-label={`Produced copy of ${c.caseName}`}
              tabIndex={0}
              className="border-border focus-visible:outline-ring mt-2 max-h-96 overflow-y-auto rounded-md border p-3 focus-visible:outline-2"
            >
              <ContentFields content={c.content} />
            </div>
          </details>
        ) : null}
      </div>
    </details>
  );
}
