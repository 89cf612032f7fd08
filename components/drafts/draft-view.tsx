"use client";

import { useQuery } from "@tanstack/react-query";
import { FileX } from "lucide-react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Loading } from "@/components/inference/fields";
import { DraftReview } from "@/components/review/draft-review/draft-review";
import { api, ApiError, queryKeys } from "@/lib/query/client";
import { FORMAT_LABELS, type DraftDetail } from "@/lib/schemas/drafts";
import { BackLink } from "./back-link";
import { DraftRecordProvider } from "./field-text";
import { StructuredData } from "./structured-data";

/** `/drafts/[id]`: the copy per format with its alerts in place, flags, sources, and how it was made. */
export function DraftView({ id }: { id: string }) {
  const q = useQuery({
    queryKey: queryKeys.draft(id),
    queryFn: () => api<DraftDetail>(`/api/drafts/${encodeURIComponent(id)}`),
  });

  if (q.isPending)
    return (
      <>
        <PageHeader eyebrow={<BackLink />} title="Draft" />
        <Loading>Loading the draft…</Loading>
      </>
    );
  if (q.isError) {
    const missing = q.error instanceof ApiError && q.error.status === 404;
    return (
      <>
        <PageHeader eyebrow={<BackLink />} title={missing ? "Draft not found" : "Draft"} />
        {missing ? (
          <EmptyState
            icon={FileX}
            title="This draft does not exist"
            description="It may have been deleted, or the link belongs to another workspace."
            action={
              <Link href="/drafts" className={buttonVariants({ variant: "secondary" })}>
                Back to Drafts
              </Link>
            }
          />
        ) : (
          <Alert tone="danger">{q.error.message}</Alert>
        )}
      </>
    );
  }

  const d = q.data;
  return (
    <DraftRecordProvider record={d.record}>
      <PageHeader
        eyebrow={<BackLink />}
        title={d.title || "Untitled draft"}
        description={`${FORMAT_LABELS[d.format]}${d.slug ? ` · /${d.slug}` : ""} · version ${d.version}`}
      />
      {/* The review workspace: decisions, copy and flags beside the sources, editing, comments, history. */}
      <DraftReview draft={d}>
        {d.content.format === "seo_page" ? <StructuredData jsonLd={d.content.jsonLd} report={d.record.jsonLd} /> : null}
      </DraftReview>
    </DraftRecordProvider>
  );
}
