import { diffLines, diffWordsWithSpace } from "diff";
import { useMemo } from "react";

import { cn } from "@/components/lib/cn";

type Segment = { text: string; changed: boolean };
type Row =
  | { kind: "same"; segments: Segment[]; oldNo: number; newNo: number }
  | { kind: "removed"; segments: Segment[]; oldNo: number }
  | { kind: "added"; segments: Segment[]; newNo: number };

/** "a\nb\n" → ["a", "b"]; keeps a final line that has no newline. */
function splitLines(value: string): string[] {
  const lines = value.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Segments (with the changed flag) cut into lines at each "\n". */
function segmentsToLines(segments: Segment[]): Segment[][] {
  const lines: Segment[][] = [[]];
  for (const s of segments) {
    const parts = s.text.split("\n");
    parts.forEach((p, i) => {
      if (i > 0) lines.push([]);
      if (p) lines[lines.length - 1]!.push({ text: p, changed: s.changed });
    });
  }
  if (lines.length > 1 && lines[lines.length - 1]!.length === 0) lines.pop();
  return lines;
}

/** A line diff; where a block of lines was replaced, the words that changed are marked inside each line. */
export function computeRows(before: string, after: string): Row[] {
  // A final newline on both sides, so adding a line after the last one does not mark the last one changed.
  const nl = (t: string) => (t === "" || t.endsWith("\n") ? t : `${t}\n`);
  const parts = diffLines(nl(before), nl(after));
  const rows: Row[] = [];
  let oldNo = 1;
  let newNo = 1;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      // A replaced block: word-level detail on both sides.
      const words = diffWordsWithSpace(part.value, next.value);
      const oldLines = segmentsToLines(
        words.filter((w) => !w.added).map((w) => ({ text: w.value, changed: w.removed })),
      );
      const newLines = segmentsToLines(
        words.filter((w) => !w.removed).map((w) => ({ text: w.value, changed: w.added })),
      );
      for (const segments of oldLines) rows.push({ kind: "removed", segments, oldNo: oldNo++ });
      for (const segments of newLines) rows.push({ kind: "added", segments, newNo: newNo++ });
      i++;
      continue;
    }
    for (const line of splitLines(part.value)) {
      const segments = [{ text: line, changed: false }];
      if (part.added) rows.push({ kind: "added", segments, newNo: newNo++ });
      else if (part.removed) rows.push({ kind: "removed", segments, oldNo: oldNo++ });
      else rows.push({ kind: "same", segments, oldNo: oldNo++, newNo: newNo++ });
    }
  }
  return rows;
}

const MARK: Record<Row["kind"], { symbol: string; sr: string }> = {
  same: { symbol: " ", sr: "" },
  removed: { symbol: "−", sr: "Removed: " },
  added: { symbol: "+", sr: "Added: " },
};

/**
 * An inline (unified) diff of two texts. Changes are marked three ways, so
 * colour is never the only cue: a +/− marker column, <ins>/<del> elements
 * (with screen-reader text "Added:"/"Removed:"), and strike-through/underline.
 */
export function TextDiff({ before, after, label }: { before: string; after: string; label: string }) {
  const rows = useMemo(() => computeRows(before, after), [before, after]);
  const added = rows.filter((r) => r.kind === "added").length;
  const removed = rows.filter((r) => r.kind === "removed").length;

  return (
    <figure className="space-y-2">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="text-sm font-semibold">{label}</span>
        <span className="text-muted-foreground text-xs" data-testid="diff-summary">
          {added === 0 && removed === 0
            ? "No changes"
            : `${added} line${added === 1 ? "" : "s"} added, ${removed} line${removed === 1 ? "" : "s"} removed`}
        </span>
      </figcaption>
      <div className="border-border bg-background overflow-x-auto rounded-md border font-mono text-xs leading-5">
        <table className="w-full border-collapse">
          <caption className="sr-only">Changes to the {label.toLowerCase()}</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">Old line</th>
              <th scope="col">New line</th>
              <th scope="col">Change</th>
              <th scope="col">Text</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const Tag = r.kind === "added" ? "ins" : r.kind === "removed" ? "del" : "span";
              return (
                <tr
                  key={i}
                  data-diff={r.kind}
                  className={cn(r.kind === "added" && "bg-success-subtle", r.kind === "removed" && "bg-danger-subtle")}
                >
                  <td className="text-muted-foreground w-8 px-2 text-right align-top select-none">
                    {"oldNo" in r ? r.oldNo : ""}
                  </td>
                  <td className="text-muted-foreground w-8 px-2 text-right align-top select-none">
                    {"newNo" in r ? r.newNo : ""}
                  </td>
                  <td
                    aria-hidden="true"
                    className={cn(
                      "w-5 px-1 text-center align-top font-bold select-none",
                      r.kind === "added" && "text-success",
                      r.kind === "removed" && "text-danger",
                    )}
                  >
                    {MARK[r.kind].symbol}
                  </td>
                  <td className="py-0.5 pr-3 break-words whitespace-pre-wrap">
                    <Tag className="no-underline">
                      {MARK[r.kind].sr ? <span className="sr-only">{MARK[r.kind].sr}</span> : null}
                      {r.segments.length === 0 ? "\u00a0" : null}
                      {r.segments.map((s, j) =>
                        s.changed ? (
                          <mark
                            key={j}
                            className={cn(
                              "text-foreground rounded-sm px-px",
                              r.kind === "added"
                                ? "bg-success/25 underline decoration-2 underline-offset-2"
                                : "bg-danger/25 line-through decoration-2",
                            )}
                          >
                            {s.text}
                          </mark>
                        ) : (
                          <span key={j}>{s.text}</span>
                        ),
                      )}
                    </Tag>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
