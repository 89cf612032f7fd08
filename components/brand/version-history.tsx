"use client";

import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Loading } from "@/components/inference/fields";
import { LocalDate } from "@/components/knowledge/local-date";
import { api, queryKeys } from "@/lib/query/client";
import type { BrandVersionList } from "@/lib/schemas/brand";

type Versions = z.infer<typeof BrandVersionList>;

/** The History tab: every saved version of the voice, newest first. */
export function VersionHistory({ currentVersion }: { currentVersion: number | undefined }) {
  const versions = useQuery({
    queryKey: queryKeys.brandVersions,
    queryFn: () => api<Versions>("/api/brand/versions"),
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Version history</CardTitle>
        <CardDescription>
          Each save makes a new version; drafts record the version they were checked against.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {versions.isPending ? (
          <Loading>Loading versions…</Loading>
        ) : versions.isError ? (
          <Alert tone="danger">{versions.error.message}</Alert>
        ) : versions.data.items.length === 0 ? (
          <p className="text-muted-foreground text-sm">
            No saved versions yet: the governor uses Lectern&apos;s defaults.
          </p>
        ) : (
          <DataTable caption="Brand voice versions" columns={["Version", "Note", "Saved by", "Saved"]}>
            {versions.data.items.map((v) => (
              <tr key={v.version} data-testid="brand-version-row">
                <td className="py-2 pr-4 font-medium tabular-nums">
                  {v.version}
                  {v.version === currentVersion ? (
                    <span className="text-muted-foreground ml-2 text-xs font-normal">current</span>
                  ) : null}
                </td>
                <td className="py-2 pr-4">{v.note ?? <span className="text-muted-foreground">—</span>}</td>
                <td className="py-2 pr-4">{v.createdBy ?? <span className="text-muted-foreground">—</span>}</td>
                <td className="py-2 whitespace-nowrap">
                  <LocalDate value={v.createdAt} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </CardContent>
    </Card>
  );
}
