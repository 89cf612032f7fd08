import { useMemo } from "react";
import type { DraftContent } from "@/lib/schemas/drafts";
import { pairFields } from "./fields";
import { WordDiff } from "./word-diff";

/** Two versions of the copy compared field by field: the changed fields with a word diff, the rest counted. */
export function ContentDiff({
  before,
  after,
  label,
  emptyText = "No text changed between these versions.",
}: {
  before: DraftContent;
  after: DraftContent;
  /** Names the comparison for screen readers, e.g. "Version 1 → version 3". */
  label: string;
  emptyText?: string;
}) {
  const pairs = useMemo(() => pairFields(before, after), [before, after]);
  const changed = pairs.filter((p) => p.before !== p.after);
  const same = pairs.length - changed.length;
  return (
    <section aria-label={label} className="space-y-3" data-testid="content-diff">
      <p className="text-muted-foreground text-xs" data-testid="content-diff-summary">
        {changed.length === 0
          ? emptyText
          : `${changed.length} ${changed.length === 1 ? "field" : "fields"} changed, ${same} unchanged.`}
      </p>
      {changed.length ? (
        <dl className="divide-border border-border divide-y rounded-md border">
          {changed.map((c) => (
            <div key={c.path} className="space-y-1 px-3 py-2.5" data-field-diff={c.path}>
              <dt className="text-muted-foreground flex flex-wrap items-baseline gap-x-2 text-xs font-medium">
                <span className="tracking-wide uppercase">{c.label}</span>
                <code className="font-mono text-[11px] font-normal">{c.path}</code>
                {c.before === "" ? <span>(new)</span> : c.after === "" ? <span>(emptied)</span> : null}
              </dt>
              <dd>
                <WordDiff before={c.before} after={c.after} />
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}
