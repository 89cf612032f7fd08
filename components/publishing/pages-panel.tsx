"use client";

import { ExternalLink, Globe } from "lucide-react";
import Link from "next/link";
import { draftHref } from "@/components/drafts/labels";
import { Loading } from "@/components/inference/fields";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { CursorPager, useCursorPages } from "@/components/ui/cursor-pager";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { usePublishedPages } from "./api";

const dateTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The SEO pages Lectern serves at /p/<slug>, live or taken down, newest first. */
export function PagesPanel() {
  const pages = useCursorPages();
  const list = usePublishedPages(pages.cursor);

  if (list.isPending) return <Loading>Loading published pages…</Loading>;
  if (list.isError)
    return (
      <Alert tone="danger" title="The published pages could not be loaded">
        <p>{list.error.message}</p>
        <Button variant="secondary" size="sm" className="mt-2" onClick={() => void list.refetch()}>
          Try again
        </Button>
      </Alert>
    );

  const { items, nextCursor } = list.data;
  if (items.length === 0 && !pages.hasNewer)
    return (
      <EmptyState
        icon={Globe}
        headingLevel="h3"
        title="No published pages yet"
        description="Publish an approved SEO page from its draft: Lectern serves it at /p/its-slug with its JSON-LD, lists it in the sitemap and tells your endpoints."
        action={
          <Link href="/drafts?status=approved" className={buttonVariants({ variant: "secondary" })}>
            See approved drafts
          </Link>
        }
      />
    );

  return (
    <div
      aria-busy={list.isFetching}
      className={list.isPlaceholderData ? "space-y-2 opacity-60 transition-opacity" : "space-y-2"}
    >
      <DataTable caption="Published pages" columns={["Title", "Page", "Status", "Revision", "Published"]}>
        {items.map((p) => (
          <tr key={`${p.draftId}-${p.slug}`} data-testid="published-page-row">
            <td className="max-w-72 py-2.5 pr-4">
              <Link href={draftHref(p.draftId)} className="text-foreground font-medium break-words hover:underline">
                {p.title || "Untitled page"}
              </Link>
            </td>
            <td className="py-2.5 pr-4">
              {p.status === "live" ? (
                <a
                  href={p.path}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="text-foreground inline-flex items-center gap-1 font-mono text-xs break-all hover:underline"
                >
                  {p.path}
                  <ExternalLink aria-hidden="true" className="size-3 shrink-0" />
                  <span className="sr-only">(opens in a new tab)</span>
                </a>
              ) : (
                <span
                  className="text-muted-foreground font-mono text-xs break-all"
                  title="Taken down: answers 410 Gone"
                >
                  {p.path}
                </span>
              )}
            </td>
            <td className="py-2.5 pr-4">
              {p.status === "live" ? <Badge tone="success">Live</Badge> : <Badge tone="neutral">Unpublished</Badge>}
              {p.unpublishedAt ? (
                <div className="text-muted-foreground mt-1 text-xs">
                  since <time dateTime={p.unpublishedAt}>{dateTime(p.unpublishedAt)}</time>
                </div>
              ) : null}
            </td>
            <td className="py-2.5 pr-4 tabular-nums">{p.revision}</td>
            <td className="text-muted-foreground py-2.5 whitespace-nowrap">
              <time dateTime={p.publishedAt}>{dateTime(p.publishedAt)}</time>
            </td>
          </tr>
        ))}
      </DataTable>
      <nav aria-label="Published pages">
        <CursorPager pages={pages} nextCursor={nextCursor} />
      </nav>
    </div>
  );
}
