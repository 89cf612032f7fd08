"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { plural } from "@/components/knowledge/format";
import type { BatchOut } from "@/lib/schemas/batches";
import { draftHref } from "./format";
import { usePageName } from "./use-batches";

const SHOWN_PAIRS = 20;
const link = "text-primary font-medium underline-offset-2 hover:underline";

/** "Row 4: “city” is empty." → "“city” is empty." (the row number has its own column). */
function withoutRow(message: string, row: number): string {
  const rest = message.replace(new RegExp(`^Row ${row}:?\\s+`), "");
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

export function RowErrors({ batch }: { batch: BatchOut }) {
  if (!batch.errors.length) return null;
  return (
    <section aria-labelledby="seo-row-errors" className="space-y-2" data-testid="seo-row-errors">
      <h3 id="seo-row-errors" className="text-sm font-semibold">
        Failed rows <Badge tone="danger">{batch.failed}</Badge>
      </h3>
      <ul className="border-border divide-border divide-y rounded-md border text-sm">
        {batch.errors.map((e) => (
          <li key={e.row} className="flex gap-3 px-3 py-2" data-testid="seo-row-error">
            <span className="text-muted-foreground w-16 shrink-0 tabular-nums">Row {e.row}</span>
            <span className="min-w-0 break-words">{withoutRow(e.error, e.row)}</span>
          </li>
        ))}
      </ul>
      {batch.failed > batch.errors.length ? (
        <p className="text-muted-foreground text-xs">
          The first {batch.errors.length} of {plural(batch.failed, "failed row")}.
        </p>
      ) : null}
    </section>
  );
}

function PageLink({ id }: { id: string }) {
  const page = usePageName(id);
  return (
    <span className="block min-w-0">
      <Link href={draftHref(id)} className={link}>
        {page ? page.title : `Draft ${id.slice(-8)}`}
      </Link>
      {page?.slug ? (
        <span className="text-muted-foreground block font-mono text-xs break-all">/{page.slug}</span>
      ) : null}
    </span>
  );
}

/** Pages so alike they may compete for the same searches, in pairs, each linked to its draft. */
export function DuplicatePairs({ batch }: { batch: BatchOut }) {
  if (!batch.duplicates.length) return null;
  const shown = batch.duplicates.slice(0, SHOWN_PAIRS);
  return (
    <section aria-labelledby="seo-duplicates" className="space-y-2" data-testid="seo-duplicates">
      <h3 id="seo-duplicates" className="text-sm font-semibold">
        Near-duplicate pages <Badge tone="warning">{batch.duplicates.length}</Badge>
      </h3>
      <p className="text-muted-foreground text-xs">
        Pages whose title and intro are nearly the same may compete for the same searches. Rewrite or drop one of each
        pair.
      </p>
      <ul className="border-border divide-border divide-y rounded-md border text-sm">
        {shown.map((d) => (
          <li
            key={`${d.a}-${d.b}`}
            className="grid items-start gap-x-4 gap-y-1 px-3 py-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto]"
          >
            <PageLink id={d.a} />
            <span className="sr-only"> and </span>
            <PageLink id={d.b} />
            <span className="text-muted-foreground text-xs tabular-nums sm:pt-0.5">
              similarity {d.score.toFixed(2)}
            </span>
          </li>
        ))}
      </ul>
      {batch.duplicates.length > shown.length ? (
        <p className="text-muted-foreground text-xs">
          {plural(batch.duplicates.length - shown.length, "more pair")} not shown.
        </p>
      ) : null}
    </section>
  );
}
