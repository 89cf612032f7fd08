"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { cn } from "@/components/lib/cn";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { documentHref } from "@/components/knowledge/documents-panel";
import type { Citation } from "@/lib/schemas/drafts";
import { markTerms } from "./flag-sources";

const SNIPPET = 240;

export type ActiveSource = { n: number; terms: string[] };

function clip(text: string): { text: string; clipped: boolean } {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > SNIPPET
    ? { text: `${t.slice(0, SNIPPET).replace(/\s+\S*$/, "")}…`, clipped: true }
    : { text: t, clipped: false };
}

/**
 * The sources beside the copy: the retrieved passages, numbered as the copy's footnotes. The
 * passage a flag or footnote points at is highlighted and opened in full, with the facts it
 * matched marked inside it.
 */
export function ReviewSources({
  citations,
  active,
  onActivate,
}: {
  citations: Citation[];
  active: ActiveSource | null;
  onActivate: (a: ActiveSource | null) => void;
}) {
  const [open, setOpen] = useState<Set<number>>(new Set());

  // Footnotes in the copy are plain links to #citation-<n>: follow them to highlight the passage.
  useEffect(() => {
    function onHash() {
      const m = /^#citation-(\d+)$/.exec(window.location.hash);
      if (m) onActivate({ n: Number(m[1]), terms: [] });
    }
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, [onActivate]);

  return (
    <Card className="lg:sticky lg:top-20 lg:flex lg:max-h-[calc(100dvh-6rem)] lg:flex-col" data-testid="review-sources">
      <CardHeader>
        <CardTitle>Sources</CardTitle>
        <CardDescription>
          {citations.length
            ? "The knowledge passages the copy was written from; numbers in the copy and “Source” buttons on flags point here."
            : "No knowledge passage matched the brief, so the copy states no facts from your sources."}
        </CardDescription>
      </CardHeader>
      {citations.length ? (
        <CardContent className="min-h-0 overflow-y-auto">
          <ol className="space-y-2" aria-label="Sources" data-testid="draft-citations">
            {citations.map((c) => {
              const isActive = active?.n === c.n;
              const expanded = isActive || open.has(c.n);
              const short = clip(c.text);
              return (
                <li
                  key={c.n}
                  id={`citation-${c.n}`}
                  data-active={isActive || undefined}
                  aria-current={isActive ? "true" : undefined}
                  className={cn(
                    "flex scroll-mt-24 gap-3 rounded-md p-2 text-sm transition-colors",
                    isActive && "bg-accent ring-primary/40 ring-2",
                  )}
                >
                  <span className="text-muted-foreground w-6 shrink-0 text-right tabular-nums">[{c.n}]</span>
                  <div className="min-w-0">
                    <Link
                      href={documentHref(c.documentId, c.chunkId)}
                      className="text-primary font-medium break-words underline-offset-2 hover:underline"
                    >
                      {c.documentTitle}
                    </Link>
                    {c.heading ? <span className="text-muted-foreground"> › {c.heading}</span> : null}
                    <p
                      className="text-muted-foreground mt-0.5 text-[13px] leading-5 break-words whitespace-pre-wrap"
                      data-testid={isActive ? "active-source-text" : undefined}
                    >
                      {expanded
                        ? markTerms(c.text.trim(), isActive ? active.terms : []).map((p, i) =>
                            p.hit ? (
                              <mark key={i} className="bg-warning-subtle text-foreground rounded-sm px-0.5">
                                {p.text}
                              </mark>
                            ) : (
                              <span key={i}>{p.text}</span>
                            ),
                          )
                        : short.text}
                    </p>
                    {short.clipped && !isActive ? (
                      <button
                        type="button"
                        className="text-primary mt-1 text-xs font-medium hover:underline"
                        aria-expanded={expanded}
                        onClick={() =>
                          setOpen((s) => {
                            const next = new Set(s);
                            if (next.has(c.n)) next.delete(c.n);
                            else next.add(c.n);
                            return next;
                          })
                        }
                      >
                        {expanded ? "Show less" : "Show the full passage"}
                        <span className="sr-only"> of source {c.n}</span>
                      </button>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ol>
        </CardContent>
      ) : null}
    </Card>
  );
}
