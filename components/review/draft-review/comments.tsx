"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LocalDate } from "@/components/knowledge/local-date";
import { Loading } from "@/components/inference/fields";
import type { Person } from "@/lib/schemas/review";
import { CommentBodyText } from "./comment-body";
import { CommentForm } from "./comment-form";
import { reviewApi, reviewKeys } from "./review-api";

/** The conversation on a draft, oldest first, and the form to add to it. */
export function Comments({ draftId, people }: { draftId: string; people: Person[] }) {
  const comments = useQuery({ queryKey: reviewKeys.comments(draftId), queryFn: () => reviewApi.comments(draftId) });
  const [posted, setPosted] = useState(0);
  const items = comments.data?.items ?? [];
  // Comments are stored with the author's sign-in label (an e-mail); show the member's name when known.
  const names = new Map(people.map((p) => [p.id, p.name]));
  return (
    <Card data-testid="draft-comments">
      <CardHeader>
        <CardTitle>
          Comments <span className="text-muted-foreground font-normal">· {items.length}</span>
        </CardTitle>
        <CardDescription>Notes between the author and reviewers; @mentioned people are notified.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        {comments.isPending ? (
          <Loading>Loading comments…</Loading>
        ) : comments.isError ? (
          <Alert tone="danger">{comments.error.message}</Alert>
        ) : items.length === 0 ? (
          <p className="text-muted-foreground text-sm">No comments yet.</p>
        ) : (
          <ol className="space-y-4" aria-label="Comments">
            {items.map((c) => (
              <li key={c.id} className="border-border border-l-2 pl-3" data-testid="comment">
                <p className="text-xs">
                  <span className="font-semibold" title={c.author}>
                    {(c.authorId && names.get(c.authorId)) || c.author}
                  </span>{" "}
                  <span className="text-muted-foreground">
                    · <LocalDate value={c.createdAt} />
                  </span>
                </p>
                <CommentBodyText body={c.body} mentions={c.mentions} />
              </li>
            ))}
          </ol>
        )}
        <p className="sr-only" role="status">
          {posted ? (posted % 2 ? "Comment posted." : "Comment posted.\u00a0") : ""}
        </p>
        <CommentForm draftId={draftId} people={people} onPosted={() => setPosted((n) => n + 1)} />
      </CardContent>
    </Card>
  );
}
