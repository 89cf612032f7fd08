"use client";

import { useQuery } from "@tanstack/react-query";
import { RefreshCw, Undo2 } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { StatusBadge } from "@/components/drafts/badges";
import { STATUS } from "@/components/drafts/labels";
import { LocalDate } from "@/components/knowledge/local-date";
import { Loading } from "@/components/inference/fields";
import type { DraftContent, DraftDetail } from "@/lib/schemas/drafts";
import { ACTION_LABELS, type ReviewAction } from "@/lib/schemas/review";
import { CopyButton } from "./carry-panel";
import { ContentDiff } from "./content-diff";
import { changedFields } from "./fields";
import { reviewApi, reviewKeys, type StaleInfo } from "./review-api";
import { YourText } from "./your-text";

/** A save or decision the server refused because the draft moved on (409 `conflict:stale_version`). */
export type Stale = {
  /** The version the person was looking at. */
  base: DraftDetail;
  info: StaleInfo;
  /** Their unsaved edits, when it was a save. */
  mine: DraftContent | null;
  note: string;
  /** Their decision, when it was one. */
  decision: { action: ReviewAction; reason: string | null } | null;
};

/**
 * "Someone changed this draft": what changed between the version the person had and the current
 * one (who, when, a diff of the text, the new status), their own unsent work kept beside it to copy
 * or reapply, and the way forward: load the latest version. Nothing is overwritten.
 */
export function StaleView({
  stale,
  latest,
  canEdit,
  onLoadLatest,
}: {
  stale: Stale;
  /** The draft as the page has it now (refetched after the refusal). */
  latest: DraftDetail;
  canEdit: boolean;
  onLoadLatest: (reapply: boolean) => void;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const revisions = useQuery({
    queryKey: reviewKeys.revisions(latest.id),
    queryFn: () => reviewApi.revisions(latest.id),
  });
  const { base, mine, decision } = stale;
  const loaded = latest.version > base.version && (stale.info.version === 0 || latest.version >= stale.info.version);
  const newer = revisions.data?.items.filter((r) => r.version > base.version) ?? [];
  const myChanges = mine ? changedFields(base.content, mine) : [];

  useEffect(() => {
    heading.current?.scrollIntoView({ block: "start" });
    heading.current?.focus({ preventScroll: true });
  }, []);

  return (
    <Card
      className="border-warning-border mb-6 border-2"
      role="region"
      aria-labelledby={`${id}-title`}
      data-testid="stale-view"
    >
      <CardHeader>
        <CardTitle id={`${id}-title`} ref={heading} tabIndex={-1} className="scroll-mt-20 outline-none">
          Someone changed this draft
        </CardTitle>
        <CardDescription>
          {decision ? `Your decision (${ACTION_LABELS[decision.action]}) was not sent` : "Your edits were not saved"}:
          you were working on version {base.version}, and the draft is now version{" "}
          {stale.info.version || latest.version}
          {stale.info.status && stale.info.status !== base.status
            ? `, ${STATUS[stale.info.status].label.toLowerCase()}`
            : ""}
          . Nothing was overwritten.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-6">
        {!loaded ? (
          <Loading>Loading the latest version…</Loading>
        ) : (
          <section aria-labelledby={`${id}-theirs`} className="space-y-3">
            <h3 id={`${id}-theirs`} className="text-sm font-semibold">
              What changed since version {base.version}
            </h3>
            {newer.length ? (
              <ul className="text-muted-foreground space-y-1 text-sm">
                {newer.map((r) => (
                  <li key={r.version}>
                    Version {r.version} saved by <span className="text-foreground">{r.author ?? "someone"}</span>,{" "}
                    <LocalDate value={r.createdAt} />
                    {r.note ? <> · “{r.note}”</> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {latest.status !== base.status ? (
              <p className="flex flex-wrap items-center gap-2 text-sm">
                Status: <StatusBadge status={base.status} /> → <StatusBadge status={latest.status} />
              </p>
            ) : null}
            <ContentDiff
              before={base.content}
              after={latest.content}
              label={`Changes from version ${base.version} to version ${latest.version}`}
              emptyText="The text is the same; the draft's state or review changed."
            />
          </section>
        )}

        {myChanges.length ? (
          <section aria-labelledby={`${id}-mine`} className="space-y-3" data-testid="stale-mine">
            <h3 id={`${id}-mine`} className="text-sm font-semibold">
              Your unsaved edits (kept here)
            </h3>
            <dl className="divide-border border-border divide-y rounded-md border">
              {myChanges.map((c) => (
                <div key={c.path} className="space-y-1 px-3 py-2.5">
                  <dt className="text-muted-foreground flex items-center justify-between gap-2 text-xs font-medium tracking-wide uppercase">
                    {c.label}
                    <CopyButton text={c.after} label={`your text for ${c.label}`} />
                  </dt>
                  <dd>
                    <YourText before={c.before} after={c.after} />
                  </dd>
                </div>
              ))}
            </dl>
            {stale.note ? <p className="text-muted-foreground text-sm">Your note: “{stale.note}”</p> : null}
          </section>
        ) : null}

        {decision?.reason ? (
          <section aria-labelledby={`${id}-reason`} className="space-y-2">
            <h3 id={`${id}-reason`} className="flex items-center justify-between gap-2 text-sm font-semibold">
              Your reason (not sent)
              <CopyButton text={decision.reason} label="your reason" />
            </h3>
            <blockquote className="border-border border-l-2 pl-3 text-sm whitespace-pre-wrap">
              {decision.reason}
            </blockquote>
          </section>
        ) : null}

        <div className="flex flex-wrap gap-2">
          <Button onClick={() => onLoadLatest(false)} disabled={!loaded}>
            <RefreshCw aria-hidden="true" />
            Load the latest version
          </Button>
          {myChanges.length && canEdit ? (
            <Button variant="secondary" onClick={() => onLoadLatest(true)} disabled={!loaded}>
              <Undo2 aria-hidden="true" />
              Load it and reapply my edits
            </Button>
          ) : null}
        </div>
        {myChanges.length ? (
          <p className="text-muted-foreground text-xs">
            {canEdit
              ? "Either way your edits stay listed beside the editor until you hide them. Reapplying skips fields the newer version changed too; put those back one by one if you still want them."
              : "You can no longer edit this draft in its new state; copy what you need from your edits above."}
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
