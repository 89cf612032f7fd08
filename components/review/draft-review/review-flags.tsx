"use client";

import { BookOpen, CircleCheck, Crosshair } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { fieldAnchor } from "@/components/drafts/field-text";
import { FLAG_KIND_LABELS, FLAG_LEVEL } from "@/components/drafts/labels";
import { FLAG_KINDS, type DraftContent, type DraftFlag, type DraftRecord } from "@/lib/schemas/drafts";
import { flagTarget, type SourceRef } from "./flag-sources";
import { jumpToId } from "./jump";

const SEVERITY = { error: 0, warning: 1, suggestion: 2 } as const;

/** The id of a field's input in the editor (the editor uses it too). */
export function editorFieldId(path: string): string {
  return `edit-${fieldAnchor(path)}`;
}

/** Shows a field: its input when editing, otherwise its text in the copy. */
export function showField(path: string): boolean {
  return jumpToId(editorFieldId(path)) || jumpToId(fieldAnchor(path));
}

function FlagItem({
  flag,
  record,
  content,
  onShowSource,
}: {
  flag: DraftFlag;
  record: DraftRecord;
  content: DraftContent;
  onShowSource: (ref: SourceRef) => void;
}) {
  const target = flagTarget(flag, record, content);
  return (
    <li className="text-[13px] leading-5" data-testid="review-flag" data-kind={flag.kind}>
      <span className="flex flex-wrap items-center gap-2">
        <Badge tone={FLAG_LEVEL[flag.level].tone}>{FLAG_LEVEL[flag.level].label}</Badge>
        {flag.field ? <code className="text-muted-foreground font-mono text-xs">{flag.field}</code> : null}
      </span>
      <span className="mt-1 block break-words">{flag.message}</span>
      {flag.ruleId ? <code className="text-muted-foreground block font-mono text-xs">{flag.ruleId}</code> : null}
      {target.claim ? (
        <span className="text-muted-foreground mt-1 block text-xs">
          {target.claim.missing.length
            ? `No source backs: ${target.claim.missing.join(", ")}.`
            : "No source backs this sentence."}{" "}
          {target.sources.length
            ? "The closest passages are linked below."
            : "No retrieved passage comes close: add a source or change the sentence."}
        </span>
      ) : null}
      {target.field || target.sources.length ? (
        <span className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1">
          {target.field ? (
            <button
              type="button"
              className="border-border hover:bg-muted inline-flex h-6 items-center gap-1 rounded-md border px-2 text-xs font-medium"
              onClick={() => showField(target.field!)}
              aria-label={`Show the field ${target.field} in the copy`}
            >
              <Crosshair aria-hidden="true" className="size-3" />
              Show in copy
            </button>
          ) : null}
          {target.sources.length ? (
            <span className="text-muted-foreground inline-flex flex-wrap items-center gap-1 text-xs">
              <BookOpen aria-hidden="true" className="size-3" />
              {target.claim ? "Closest:" : "Sources:"}
              {target.sources.map((s) => (
                <button
                  key={s.n}
                  type="button"
                  className="text-primary hover:bg-accent rounded-sm px-0.5 font-medium tabular-nums hover:underline"
                  onClick={() => onShowSource(s)}
                  aria-label={`Show source ${s.n}: ${s.title}`}
                >
                  [{s.n}]
                </button>
              ))}
            </span>
          ) : null}
        </span>
      ) : null}
    </li>
  );
}

/**
 * Why the draft needs a human, grouped by kind, worst first: each flag leads to its field in the
 * copy (or its input while editing) and to the source passages behind the flagged text.
 */
export function ReviewFlags({
  flags,
  record,
  content,
  onShowSource,
}: {
  flags: DraftFlag[];
  record: DraftRecord;
  content: DraftContent;
  onShowSource: (ref: SourceRef) => void;
}) {
  const groups = FLAG_KINDS.map((kind) => ({
    kind,
    items: flags.filter((f) => f.kind === kind).sort((a, b) => SEVERITY[a.level] - SEVERITY[b.level]),
  })).filter((g) => g.items.length);
  return (
    <Card data-testid="draft-flags">
      <CardHeader>
        <CardTitle>
          Flags <span className="text-muted-foreground font-normal">· {flags.length}</span>
        </CardTitle>
        <CardDescription>
          What a reviewer should look at before this goes out. Each flag leads to its place in the copy and to its
          sources.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        {groups.length === 0 ? (
          <p className="text-success flex items-center gap-2 text-sm font-medium">
            <CircleCheck aria-hidden="true" className="size-4" />
            Nothing flagged
          </p>
        ) : null}
        <div className="gap-x-8 xl:columns-2">
          {groups.map((g) => (
            <section
              key={g.kind}
              aria-label={FLAG_KIND_LABELS[g.kind]}
              className="mb-5 min-w-0 break-inside-avoid space-y-2 last:mb-0"
            >
              <h3 className="text-sm font-semibold">
                {FLAG_KIND_LABELS[g.kind]} <span className="text-muted-foreground font-normal">· {g.items.length}</span>
              </h3>
              <ul className="space-y-3">
                {g.items.map((f, i) => (
                  <FlagItem key={i} flag={f} record={record} content={content} onShowSource={onShowSource} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      </CardContent>
    </Card>
  );
}
