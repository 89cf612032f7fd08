import { diffWords } from "diff";
import { useMemo } from "react";

/**
 * A word-level diff of two texts, inline. Changes are marked three ways so colour is never the
 * only cue: `<ins>`/`<del>` elements, underline/strike-through, and screen-reader text.
 */
export function WordDiff({ before, after }: { before: string; after: string }) {
  const parts = useMemo(() => diffWords(before, after), [before, after]);
  return (
    <p className="text-sm leading-6 break-words whitespace-pre-wrap" data-testid="word-diff">
      {parts.map((p, i) =>
        p.added ? (
          <ins
            key={i}
            className="bg-success-subtle text-success decoration-success rounded-sm px-0.5 underline decoration-2 underline-offset-2"
          >
            <span className="sr-only">Added: </span>
            {p.value}
          </ins>
        ) : p.removed ? (
          <del key={i} className="bg-danger-subtle text-danger decoration-danger rounded-sm px-0.5 line-through">
            <span className="sr-only">Removed: </span>
            {p.value}
          </del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </p>
  );
}
