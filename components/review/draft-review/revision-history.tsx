"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { LocalDate } from "@/components/knowledge/local-date";
import { Loading } from "@/components/inference/fields";
import type { Compare } from "./changes-panel";
import { reviewApi, reviewKeys } from "./review-api";

/** The History tab: every version of the copy, who saved it, when and why; each compares with the one before. */
export function RevisionHistory({
  draftId,
  createdAt,
  createdBy,
  onCompare,
}: {
  draftId: string;
  createdAt: string;
  createdBy: string | null;
  onCompare: (c: Compare) => void;
}) {
  const revisions = useQuery({ queryKey: reviewKeys.revisions(draftId), queryFn: () => reviewApi.revisions(draftId) });
  const items = [...(revisions.data?.items ?? [])].sort((a, b) => b.version - a.version);
  return (
    <Card>
      <CardHeader>
        <CardTitle>History</CardTitle>
        <CardDescription>
          Each save makes a new version and runs the checks again; version 1 is what was generated.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {revisions.isPending ? (
          <Loading>Loading the versions…</Loading>
        ) : revisions.isError ? (
          <Alert tone="danger">{revisions.error.message}</Alert>
        ) : items.length === 0 ? (
          <p className="text-muted-foreground text-sm" data-testid="history-empty">
            One version so far: generated <LocalDate value={createdAt} />
            {createdBy ? ` for ${createdBy}` : ""}. Edits show up here with their author and note.
          </p>
        ) : (
          <DataTable
            caption="Versions of the copy"
            columns={["Version", "Saved by", "Note", "Saved", "Flags", { label: "Compare", hidden: true }]}
          >
            {items.map((r, i) => {
              const previous = items[i + 1];
              return (
                <tr key={r.version} data-testid="revision-row">
                  <td className="py-2 pr-4 font-medium whitespace-nowrap tabular-nums">
                    {r.version}
                    {i === 0 ? <span className="text-muted-foreground ml-2 text-xs font-normal">current</span> : null}
                  </td>
                  <td className="py-2 pr-4">
                    {r.generated ? (
                      <Badge tone="brand">Generated</Badge>
                    ) : (
                      (r.author ?? <span className="text-muted-foreground">—</span>)
                    )}
                  </td>
                  <td className="py-2 pr-4 break-words">
                    {r.note ?? <span className="text-muted-foreground">—</span>}
                  </td>
                  <td className="py-2 pr-4 whitespace-nowrap">
                    <LocalDate value={r.createdAt} />
                  </td>
                  <td className="py-2 pr-4 tabular-nums">
                    {r.flags ? r.flags.length : <span className="text-muted-foreground">—</span>}
                  </td>
                  <td className="py-2 text-right">
                    {previous ? (
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => onCompare({ from: previous.version, to: r.version })}
                        aria-label={`Compare version ${r.version} with version ${previous.version}`}
                      >
                        Compare with v{previous.version}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </CardContent>
    </Card>
  );
}
