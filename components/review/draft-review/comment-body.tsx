import type { Person } from "@/lib/schemas/review";
import { splitMentions } from "./mentions";

/** A comment's text, as text (React escapes it; never HTML), with its @mentions marked. */
export function CommentBodyText({ body, mentions }: { body: string; mentions: Person[] }) {
  return (
    <p className="text-sm leading-6 break-words whitespace-pre-wrap" data-testid="comment-body">
      {splitMentions(body, mentions).map((p, i) =>
        p.mention ? (
          <span
            key={i}
            className="bg-accent text-accent-foreground rounded-sm px-0.5 font-medium"
            data-testid="comment-mention"
            title={p.mention.name}
          >
            {p.text}
          </span>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}
