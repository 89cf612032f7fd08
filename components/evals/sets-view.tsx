"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FlaskConical, Plus } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Loading } from "@/components/inference/fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { api, queryKeys } from "@/lib/query/client";
import type { GoldenSetList, GoldenSetOut } from "@/lib/schemas/golden-sets";
import { pct, when } from "./format";
import { PassingBadge, RunStatusBadge } from "./run-bits";
import { SetForm } from "./set-form";

export const OFFLINE_NOTE =
  "The built-in offline engine is a deterministic composer, not an LLM: runs on it are fast and repeatable, and judge assertions are skipped until a real model is connected.";

/** The Evals page: golden sets with their last run, and the form for a new set. */
export function SetsView() {
  const qc = useQueryClient();
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const sets = useQuery({
    queryKey: queryKeys.evalSets,
    queryFn: () => api<GoldenSetList>("/api/evals/sets"),
  });
  const create = useMutation({
    mutationFn: (body: { name: string; description: string; passThreshold: number }) =>
      api<GoldenSetOut>("/api/evals/sets", { method: "POST", body }),
    onSuccess: (set) => {
      void qc.invalidateQueries({ queryKey: queryKeys.evalSets });
      router.push(`/evals/sets/${set.id}`);
    },
  });
  const items = sets.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Evals"
        description="Golden sets of reference briefs, each with what a good draft must (and must not) do. Run a set against a prompt version or a model before you ship the change."
        actions={
          creating ? null : (
            <Button onClick={() => setCreating(true)}>
              <Plus aria-hidden="true" />
              New golden set
            </Button>
          )
        }
      />
      <div className="space-y-6">
        {creating ? (
          <Card>
            <CardHeader>
              <CardTitle>New golden set</CardTitle>
              <CardDescription>
                Add cases next, or promote rejected drafts into the set from their review page.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <SetForm
                submitLabel="Create set"
                onSubmit={async (v) => {
                  await create.mutateAsync(v);
                }}
                onCancel={() => setCreating(false)}
              />
            </CardContent>
          </Card>
        ) : null}

        {sets.isPending ? (
          <Loading>Loading golden sets…</Loading>
        ) : sets.isError ? (
          <Alert tone="danger" title="The golden sets could not be loaded">
            {sets.error.message}
          </Alert>
        ) : items.length === 0 ? (
          <EmptyState
            icon={FlaskConical}
            title="No golden sets yet"
            description={
              <>
                <p>
                  A golden set is a list of reference briefs (cases), each with expectations a good draft must meet:
                  words it must or must not contain, patterns, length limits, a passing style governor, grounded facts.
                  Running the set generates a draft for every case and checks them, so you can see whether a new prompt
                  version or model is better or worse before rolling it out.
                </p>
                <p className="mt-2">
                  The quickest start: reject a draft with a reason, then promote it to a golden case from its review
                  page. {OFFLINE_NOTE}
                </p>
              </>
            }
            action={
              creating ? null : (
                <Button variant="secondary" onClick={() => setCreating(true)}>
                  <Plus aria-hidden="true" />
                  New golden set
                </Button>
              )
            }
          />
        ) : (
          <Card>
            <CardHeader>
              <CardTitle>Golden sets</CardTitle>
              <CardDescription>{OFFLINE_NOTE}</CardDescription>
            </CardHeader>
            <CardContent>
              <DataTable caption="Golden sets" columns={["Set", "Cases", "Pass threshold", "Last run"]}>
                {items.map((s) => (
                  <tr key={s.id} data-testid="golden-set-row">
                    <td className="py-3 pr-4">
                      <Link href={`/evals/sets/${s.id}`} className="text-foreground font-medium hover:underline">
                        {s.name}
                      </Link>
                      {s.description ? (
                        <p className="text-muted-foreground mt-0.5 line-clamp-2 max-w-md text-xs">{s.description}</p>
                      ) : null}
                      <p className="text-muted-foreground mt-0.5 font-mono text-xs">{s.promptKey}</p>
                    </td>
                    <td className="py-3 pr-4 tabular-nums">{s.caseCount}</td>
                    <td className="py-3 pr-4 tabular-nums">{pct(s.passThreshold)}</td>
                    <td className="py-3">
                      {s.lastRun ? (
                        <div className="flex flex-col items-start gap-1">
                          <div className="flex flex-wrap items-center gap-2">
                            <Link
                              href={`/evals/runs/${s.lastRun.id}`}
                              className="font-medium tabular-nums hover:underline"
                            >
                              {pct(s.lastRun.passRate)}
                              <span className="sr-only"> pass rate, open the run</span>
                            </Link>
                            <RunStatusBadge status={s.lastRun.status} />
                            <PassingBadge run={s.lastRun} />
                          </div>
                          <span className="text-muted-foreground text-xs">{when(s.lastRun.createdAt)}</span>
                        </div>
                      ) : (
                        <span className="text-muted-foreground">Never run</span>
                      )}
                    </td>
                  </tr>
                ))}
              </DataTable>
            </CardContent>
          </Card>
        )}
      </div>
    </>
  );
}
