"use client";

import { useEffect, useMemo, useRef } from "react";
import { cn } from "@/components/lib/cn";

/** More lines than this are shown as a window around the highlight (a pasted page can be 5 MB). */
const MAX_LINES = 1500;
/** A longer line (minified JSON) is cut to this many characters around the highlight. */
const MAX_LINE_CHARS = 4000;

import type { HighlightRange } from "./jsonld-sources";

type Piece = { text: string; marked: boolean };

/** One line split into the part before, inside and after the highlight. */
function pieces(line: string, lineStart: number, range: HighlightRange | null): { parts: Piece[]; cut: boolean } {
  let from = 0;
  let to = line.length;
  if (line.length > MAX_LINE_CHARS) {
    const focus = range && range.end > lineStart && range.start < lineStart + line.length ? range.start - lineStart : 0;
    from = Math.max(0, Math.min(focus - MAX_LINE_CHARS / 4, line.length - MAX_LINE_CHARS));
    to = from + MAX_LINE_CHARS;
  }
  const a = range ? Math.min(Math.max(range.start - lineStart, from), to) : to;
  const b = range ? Math.min(Math.max(range.end - lineStart, from), to) : to;
  const parts: Piece[] = [
    { text: line.slice(from, a), marked: false },
    { text: line.slice(a, b), marked: true },
    { text: line.slice(b, to), marked: false },
  ].filter((p) => p.text);
  return { parts, cut: from > 0 || to < line.length };
}

/**
 * A JSON (or any) text with line numbers and one highlighted range, scrolled into view when it
 * changes. The line numbers are decoration: hidden from screen readers and from copying.
 */
export function JsonHighlight({
  text,
  range,
  label,
  firstLine = 1,
  className,
  testId,
}: {
  text: string;
  range: HighlightRange | null;
  /** Accessible name of the scrollable region. */
  label: string;
  /** Number of the first line (a script block inside a page starts on the page's line). */
  firstLine?: number;
  className?: string;
  testId?: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const lines = useMemo(() => {
    const out: { text: string; start: number }[] = [];
    let at = 0;
    for (const l of text.split("\n")) {
      out.push({ text: l, start: at });
      at += l.length + 1;
    }
    return out;
  }, [text]);

  const first = range ? lines.findIndex((l) => l.start + l.text.length >= range.start) : 0;
  const from = lines.length <= MAX_LINES ? 0 : Math.max(0, Math.min(first - MAX_LINES / 3, lines.length - MAX_LINES));
  const shown = lines.slice(from, from + MAX_LINES);
  const digits = String(firstLine + lines.length - 1).length;

  useEffect(() => {
    const box = scroller.current;
    const m = box?.querySelector<HTMLElement>("[data-highlight]");
    if (!box || !m || !range) return;
    // Scroll the code box only, not the page: the finding the user is on stays where it is.
    const top = m.offsetTop - box.clientHeight / 3;
    // Sideways only when the highlight starts out of sight (a long minified line), so the line numbers stay.
    const left = m.offsetLeft > box.clientWidth * 0.6 ? m.offsetLeft - box.clientWidth / 3 : 0;
    box.scrollTo({ top: Math.max(0, top), left: Math.max(0, left), behavior: "smooth" });
  }, [range]);

  return (
    <div
      ref={scroller}
      role="region"
      aria-label={label}
      tabIndex={0}
      data-testid={testId}
      className={cn(
        "bg-muted/60 border-border focus-visible:outline-ring relative max-h-[28rem] overflow-auto rounded-md border font-mono text-xs leading-5 focus-visible:outline-2",
        className,
      )}
    >
      {from > 0 ? (
        <p className="text-muted-foreground px-3 py-1 italic">Lines 1–{from + firstLine - 1} not shown</p>
      ) : null}
      <pre className="min-w-max py-2">
        <code>
          {shown.map((l, i) => {
            const n = from + i;
            const { parts, cut } = pieces(l.text, l.start, range);
            const hit = parts.some((p) => p.marked);
            return (
              <span key={n} className={cn("flex", hit && "bg-warning/10")}>
                <span
                  aria-hidden="true"
                  className="text-muted-foreground/70 shrink-0 pr-3 pl-3 text-right select-none"
                  style={{ width: `${digits + 3}ch` }}
                >
                  {firstLine + n}
                </span>
                <span className="pr-4 whitespace-pre">
                  {cut ? <span className="text-muted-foreground">…</span> : null}
                  {parts.map((p, j) =>
                    p.marked ? (
                      <mark
                        key={j}
                        data-highlight=""
                        className="bg-warning/35 text-foreground ring-warning/60 rounded-sm ring-1"
                      >
                        {p.text}
                      </mark>
                    ) : (
                      <span key={j}>{p.text}</span>
                    ),
                  )}
                  {cut ? <span className="text-muted-foreground">…</span> : null}
                  {l.text === "" ? "\u200b" : null}
                </span>
              </span>
            );
          })}
        </code>
      </pre>
      {from + MAX_LINES < lines.length ? (
        <p className="text-muted-foreground px-3 py-1 italic">
          Lines {from + MAX_LINES + firstLine}–{lines.length + firstLine - 1} not shown
        </p>
      ) : null}
    </div>
  );
}
