"use client";

import type { ProviderKind } from "@/lib/schemas/inference";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Receipt, RefreshCw } from "lucide-react";
import { api, queryKeys } from "@/lib/query/client";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CursorPager, useCursorPages } from "@/components/ui/cursor-pager";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Loading } from "./fields";
import { formatInt, formatMs, formatUsd } from "./format";
import { PROVIDER_KIND_LABELS, type UsageItem, type UsagePage } from "./types";

const PAGE_SIZE = 25;
const timeFmt = new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "medium" });

const OUTCOME: Record<UsageItem["outcome"], { tone: BadgeTone; label: string }> = {
  ok: { tone: "success", label: "OK" },
  error: { tone: "danger", label: "Error" },
  refused: { tone: "warning", label: "Refused" },
};

/** The latest gateway calls, newest first: what ran where, what it cost, and how it ended. */
export function UsageLedger() {
  const qc = useQueryClient();
  const pages = useCursorPages();
  const cursor = pages.cursor;
  const page = useQuery({
    queryKey: queryKeys.usage(cursor),
    queryFn: () =>
      api<UsagePage>(`/api/inference/usage?limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`),
    staleTime: 5_000,
  });

  return (
    <Card>
      <CardHeader className="flex-row items-start justify-between gap-3">
        <div className="space-y-1">
          <CardTitle>Usage ledger</CardTitle>
          <CardDescription>Every call through the gateway, newest first, {PAGE_SIZE} at a time.</CardDescription>
        </div>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => qc.invalidateQueries({ queryKey: ["inference", "usage"] })}
          disabled={page.isFetching}
          aria-label="Refresh the usage ledger"
        >
          <RefreshCw aria-hidden="true" className={page.isFetching ? "animate-spin" : undefined} />
          Refresh
        </Button>
      </CardHeader>
      <CardContent>
        {page.isPending ? (
          <Loading>Loading the ledger…</Loading>
        ) : page.isError ? (
          <Alert tone="danger">{page.error.message}</Alert>
        ) : page.data.items.length === 0 ? (
          <EmptyState
            icon={Receipt}
            headingLevel="h3"
            className="py-8 sm:py-8"
            title="No calls yet"
            description="Generate something in the Drafts playground and it will show up here."
          />
        ) : (
          <DataTable
            caption="Usage ledger"
            className="text-[13px]"
            columns={["When", "Role", "Model", "Tokens in / out", "Cost", "Latency", "Outcome"]}
          >
            {page.data.items.map((u) => (
              <tr key={u.id}>
                <td className="text-muted-foreground py-2 pr-4 whitespace-nowrap">
                  {timeFmt.format(new Date(u.createdAt))}
                </td>
                <td className="py-2 pr-4">
                  <div className="font-mono text-xs">{u.role}</div>
                  {u.promptKey ? <div className="text-muted-foreground text-xs">{u.promptKey}</div> : null}
                </td>
                <td className="py-2 pr-4">
                  <div className="font-mono text-xs">{u.model}</div>
                  <div className="text-muted-foreground text-xs">
                    {u.providerKind in PROVIDER_KIND_LABELS
                      ? PROVIDER_KIND_LABELS[u.providerKind as ProviderKind]
                      : "no provider"}
                    {u.providerKind === "offline" ? " · not an LLM" : ""}
                  </div>
                </td>
                <td className="py-2 pr-4 whitespace-nowrap tabular-nums">
                  {formatInt(u.inputTokens)} / {formatInt(u.outputTokens)}
                </td>
                <td className="py-2 pr-4 tabular-nums">{formatUsd(u.costMicros)}</td>
                <td className="py-2 pr-4 whitespace-nowrap tabular-nums">{formatMs(u.latencyMs)}</td>
                <td className="py-2">
                  <div className="flex flex-wrap gap-1">
                    <Badge tone={OUTCOME[u.outcome].tone}>{OUTCOME[u.outcome].label}</Badge>
                    {u.cacheHit ? <Badge tone="info">Cache hit</Badge> : null}
                    {u.fallbackUsed ? <Badge tone="warning">Fallback</Badge> : null}
                    {u.retries > 0 ? (
                      <Badge>
                        {u.retries} {u.retries === 1 ? "retry" : "retries"}
                      </Badge>
                    ) : null}
                  </div>
                  {u.errorClass ? <div className="text-muted-foreground mt-1 text-xs">{u.errorClass}</div> : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <CursorPager pages={pages} nextCursor={page.data?.nextCursor} />
      </CardContent>
    </Card>
  );
}
