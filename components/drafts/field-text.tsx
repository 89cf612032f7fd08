"use client";

import { createContext, useContext, useId, type ReactNode } from "react";
import { cn } from "@/components/lib/cn";
import { FieldError } from "@/components/ui/field-error";
import { AlertMark } from "@/components/brand/alert-mark";
import { annotate } from "@/components/brand/annotate";
import type { DraftRecord } from "@/lib/schemas/drafts";

/** The draft's record, for the fields rendered below it: alerts, channel issues and sources per field. */
const RecordContext = createContext<DraftRecord | null>(null);

export function DraftRecordProvider({ record, children }: { record: DraftRecord; children: ReactNode }) {
  return <RecordContext.Provider value={record}>{children}</RecordContext.Provider>;
}

/** A content path (`headlines[2].text`) as an element id, so flags can link to their field. */
export function fieldAnchor(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9]+/g, "-").replace(/-+$/, "")}`;
}

/** Sources shown per sentence: its strongest supports (short sentences match many passages). */
const MAX_SOURCES_PER_SENTENCE = 3;

/** Citation numbers for the supported sentences found in this text. */
function footnotes(record: DraftRecord, text: string): { n: number; title: string }[] {
  if (!record.grounding || !text) return [];
  const byChunk = new Map(record.citations.map((c) => [c.chunkId, c]));
  const found = new Map<number, string>();
  for (const s of record.grounding.sentences) {
    if (!s.supported || !s.text.trim() || !text.includes(s.text.trim())) continue;
    const strongest = [...s.support].sort((a, b) => b.score - a.score).slice(0, MAX_SOURCES_PER_SENTENCE);
    for (const sup of strongest) {
      const c = byChunk.get(sup.chunkId);
      if (c) found.set(c.n, c.documentTitle);
    }
  }
  return [...found].sort((a, b) => a[0] - b[0]).map(([n, title]) => ({ n, title }));
}

/**
 * One field of the draft's copy: the governor's alerts underlined in place (hover or Tab for the
 * rule), numbered links to the sources of its facts, and the channel rules it breaks.
 */
export function FieldText({
  path,
  text,
  className,
  as: Tag = "p",
}: {
  path: string;
  text: string;
  className?: string;
  as?: "p" | "div" | "span" | "h3" | "h4";
}) {
  const record = useContext(RecordContext);
  const id = useId();
  const alerts = record?.alerts.filter((a) => a.field === path) ?? [];
  const issues = record?.channelIssues.filter((i) => i.field === path) ?? [];
  const notes = record ? footnotes(record, text) : [];
  const { segments } = annotate(text, alerts);
  return (
    <>
      <Tag id={fieldAnchor(path)} className={cn("break-words whitespace-pre-wrap", className)} data-field={path}>
        {text === "" ? <span className="text-muted-foreground italic">Empty</span> : null}
        {segments.map((s, i) =>
          s.kind === "text" ? (
            <span key={i}>{s.text}</span>
          ) : (
            <AlertMark key={i} id={`${id}-mark-${s.markIndex}`} mark={s.mark} text={s.text} />
          ),
        )}
        {notes.map((f) => (
          <sup key={f.n} className="ml-0.5 font-sans">
            <a
              href={`#citation-${f.n}`}
              aria-label={`Source ${f.n}: ${f.title}`}
              className="text-primary text-[11px] font-medium hover:underline"
            >
              [{f.n}]
            </a>
          </sup>
        ))}
      </Tag>
      {issues.map((i, n) => (
        <FieldError key={n} id={`${id}-issue-${n}`} className={i.level === "warning" ? "text-warning" : undefined}>
          {i.message}
        </FieldError>
      ))}
    </>
  );
}
