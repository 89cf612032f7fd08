import { WordDiff } from "./word-diff";

/** A person's own text for a field, in full (to read and copy), with what they changed in it on demand. */
export function YourText({ before, after }: { before: string; after: string }) {
  return (
    <div className="space-y-1">
      <p className="text-sm leading-6 break-words whitespace-pre-wrap" data-testid="your-text">
        {after === "" ? <span className="text-muted-foreground italic">Emptied</span> : after}
      </p>
      <details className="text-xs">
        <summary className="text-muted-foreground hover:text-foreground cursor-pointer select-none">
          What you changed
        </summary>
        <div className="mt-1">
          <WordDiff before={before} after={after} />
        </div>
      </details>
    </div>
  );
}
