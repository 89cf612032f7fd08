"use client";

import { useQuery } from "@tanstack/react-query";
import { FileX } from "lucide-react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Loading } from "@/components/inference/fields";
import { api, ApiError, queryKeys } from "@/lib/query/client";
import { FORMAT_LABELS, type DraftDetail } from "@/lib/schemas/drafts";
import { BackLink } from "./back-link";
import { Citations } from "./citations";
import { DraftContentView } from "./content/draft-content";
import { DraftSummaryBar } from "./draft-summary";
import { DraftRecordProvider } from "./field-text";
import { FlagsPanel } from "./flags-panel";
import { RecordFacts, StepTrace } from "./record-facts";

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
  const alertCount = d.record.alerts.length;
  return (
    <DraftRecordProvider record={d.record}>
      <PageHeader
        eyebrow={<BackLink />}
        title={d.title || "Untitled draft"}
        description={`${FORMAT_LABELS[d.format]}${d.slug ? ` · /${d.slug}` : ""} · version ${d.version}`}
      />
      <DraftSummaryBar draft={d} />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Copy</CardTitle>
              <CardDescription>
                {alertCount
                  ? `${alertCount} brand-voice ${alertCount === 1 ? "alert is" : "alerts are"} underlined in place: hover an underline or Tab to it for the rule. Esc closes the card.`
                  : "No brand-voice alerts in the copy."}
              </CardDescription>
            </CardHeader>
            <CardContent>
              <DraftContentView content={d.content} />
            </CardContent>
          </Card>
          <Citations citations={d.record.citations} />
        </div>
        <div className="min-w-0 space-y-6">
          <FlagsPanel flags={d.record.flags} />
          <RecordFacts draft={d} />
          <StepTrace steps={d.record.steps} />
        </div>
      </div>
    </DraftRecordProvider>
  );
}
