"use client";

import { Layers } from "lucide-react";
import { cn } from "@/components/lib/cn";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Loading } from "@/components/inference/fields";
import { LocalDate } from "@/components/knowledge/local-date";
import type { BatchStatus } from "@/lib/schemas/batches";
import { countsLine, processed, STATUS } from "./format";
import { useBatches } from "./use-batches";

/** A decorative bar (the row's text says the same), made of spans because it sits in a button. */
function MiniBar({ value, max, tone }: { value: number; max: number; tone: BatchStatus }) {
  const pct = max > 0 ? Math.min(100, (value / max) * 100) : 0;
  const fill = tone === "failed" ? "bg-danger" : tone === "completed" ? "bg-success" : "bg-primary";
  return (
    <span aria-hidden="true" className="bg-muted block h-1.5 overflow-hidden rounded-full">
      <span className={cn("block h-full rounded-full transition-[width]", fill)} style={{ width: `${pct}%` }} />
    </span>
  );
}

/** The newest batches; choosing one opens its progress. */
export function BatchesList({ selected, onSelect }: { selected: string | null; onSelect: (id: string) => void }) {
  const batches = useBatches();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Recent batches</CardTitle>
        <CardDescription>The newest 20 in this workspace.</CardDescription>
      </CardHeader>
      <CardContent>
        {batches.isError ? <Alert tone="danger">{batches.error.message}</Alert> : null}
        {batches.isPending ? (
          <Loading>Loading batches…</Loading>
        ) : !batches.data?.items.length ? (
          <EmptyState
            icon={Layers}
            headingLevel="h3"
            className="px-4 py-8 sm:px-4 sm:py-8"
            title="No batches yet"
            description="Start one with a CSV and a template: each row becomes an SEO page draft."
          />
        ) : (
          <ul className="-mx-2 space-y-1" aria-label="Recent batches" data-testid="seo-batches">
            {batches.data.items.map((b) => {
              const status = STATUS[b.status];
              const current = b.id === selected;
              return (
                <li key={b.id}>
                  <button
                    type="button"
                    aria-current={current ? "true" : undefined}
                    onClick={() => onSelect(b.id)}
                    className={cn(
                      "hover:bg-muted w-full space-y-1.5 rounded-md px-2 py-2 text-left text-sm transition-colors",
                      "focus-visible:outline-ring focus-visible:outline-2",
                      current && "bg-accent hover:bg-accent",
                    )}
                    data-testid="seo-batch-item"
                  >
                    <span className="flex items-center gap-2">
                      <span className="min-w-0 flex-1 truncate font-medium">{b.fileName}</span>
                      <Badge tone={status.tone}>{status.label}</Badge>
                    </span>
                    <MiniBar value={processed(b)} max={b.total} tone={b.status} />
                    <span className="text-muted-foreground block text-xs tabular-nums">{countsLine(b)}</span>
                    <span className="text-muted-foreground block text-xs">
                      {b.createdBy ?? "API"} · <LocalDate value={b.createdAt} />
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
