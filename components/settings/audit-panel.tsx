"use client";

import { useQuery } from "@tanstack/react-query";
import { History } from "lucide-react";
import { api, queryKeys } from "@/lib/query/client";
import type { AuditPage } from "@/lib/schemas/audit";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import { CursorPager, useCursorPages } from "@/components/ui/cursor-pager";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

const dateTimeFmt = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });
const PAGE_SIZE = 25;

/** A before/after summary as plain text: `role: editor`, lists joined with "; ". */
function summary(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (Array.isArray(v)) return v.map(summary).join("; ");
  if (typeof v !== "object") return String(v);
  const entries = Object.entries(v as Record<string, unknown>);
  return entries
    .map(
      ([k, x]) => `${k}: ${x !== null && typeof x === "object" && !Array.isArray(x) ? `(${summary(x)})` : summary(x)}`,
    )
    .join(", ");
}

/** The append-only trail, newest first, with cursor pagination (Newer / Older). */
export function AuditPanel() {
  const pages = useCursorPages();
  const cursor = pages.cursor;
  const page = useQuery({
    queryKey: queryKeys.audit(cursor),
    queryFn: () =>
      api<AuditPage>(`/api/audit?limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`),
  });

  return (
    <Card>
      <CardContent>
        <p className="text-muted-foreground mb-4 text-sm">
          Every change made in this workspace, by a person, an API key or the system. The trail is append-only: the
          database refuses edits and deletions.
        </p>
        {page.isPending ? (
          <p role="status" className="text-muted-foreground text-sm">
            Loading…
          </p>
        ) : page.isError ? (
          <Alert tone="danger">{page.error.message}</Alert>
        ) : page.data.items.length === 0 ? (
          <EmptyState
            icon={History}
            title="Nothing recorded yet"
            description="Invitations, role changes and API keys will show up here."
          />
        ) : (
          <DataTable caption="Audit events" columns={["When", "Who", "What", "Before", "After"]}>
            {page.data.items.map((e) => (
              <tr key={e.id}>
                <td className="text-muted-foreground py-2 pr-4 whitespace-nowrap">
                  {dateTimeFmt.format(new Date(e.createdAt))}
                </td>
                <td className="py-2 pr-4">
                  <div>{e.actor.label ?? "—"}</div>
                  <div className="text-muted-foreground text-xs">{e.actor.type.replace("_", " ")}</div>
                </td>
                <td className="py-2 pr-4">
                  <Badge>{e.action}</Badge>
                </td>
                <td className="text-muted-foreground max-w-56 py-2 pr-4 text-xs break-words">{summary(e.before)}</td>
                <td className="text-muted-foreground max-w-56 py-2 text-xs break-words">{summary(e.after)}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <CursorPager pages={pages} nextCursor={page.data?.nextCursor} />
      </CardContent>
    </Card>
  );
}
