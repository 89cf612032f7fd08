"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { AtSign, MessageSquarePlus } from "lucide-react";
import { useId, useRef, useState, type FormEvent } from "react";
import { cn } from "@/components/lib/cn";
import { Button } from "@/components/ui/button";
import { Field, Spinner, Textarea } from "@/components/inference/fields";
import { detailIssues } from "@/components/drafts/form-errors";
import { ApiError } from "@/lib/query/client";
import { CommentBody, type CommentList, type Person } from "@/lib/schemas/review";
import { mentionHandle, mentionQuery, suggestPeople } from "./mentions";
import { reviewApi, reviewKeys } from "./review-api";

const MAX = 5000;

/**
 * A new comment: plain text, `@` suggests people to mention, Ctrl/Cmd+Enter posts. Checked with the
 * same `CommentBody` schema as the server (empty, too long); the server's refusal shows here too.
 */
export function CommentForm({
  draftId,
  people,
  onPosted,
}: {
  draftId: string;
  people: Person[];
  onPosted: () => void;
}) {
  const id = useId();
  const qc = useQueryClient();
  const input = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState("");
  const [caret, setCaret] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const post = useMutation({
    mutationFn: (text: string) => reviewApi.comment(draftId, { body: text }),
    onSuccess: (c) => {
      qc.setQueryData<CommentList>(reviewKeys.comments(draftId), (old) => ({ items: [...(old?.items ?? []), c] }));
      void qc.invalidateQueries({ queryKey: reviewKeys.comments(draftId) });
      setBody("");
      setError(null);
      onPosted();
    },
    onError: (e) => {
      const issue = e instanceof ApiError ? detailIssues(e.details).find((i) => i.path === "body") : undefined;
      setError(issue?.message ?? e.message);
      input.current?.focus();
    },
  });

  const query = mentionQuery(body, caret);
  const suggestions = query ? suggestPeople(people, query.query) : [];

  function mention(p: Person) {
    if (!query) return;
    const handle = mentionHandle(p);
    const next = `${body.slice(0, query.start)}${handle} ${body.slice(caret)}`;
    const at = query.start + handle.length + 1;
    setBody(next);
    setCaret(at);
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(at, at);
    });
  }

  function submit(e?: FormEvent) {
    e?.preventDefault();
    if (post.isPending) return;
    const parsed = CommentBody.safeParse({ body });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Write a comment first");
      input.current?.focus();
      return;
    }
    setError(null);
    post.mutate(parsed.data.body);
  }

  const length = Array.from(body).length;
  return (
    <form onSubmit={submit} noValidate aria-label="Add a comment" className="space-y-2" data-testid="comment-form">
      <Field
        id={`${id}-body`}
        label="Add a comment"
        hint={
          <span className="flex flex-wrap justify-between gap-2">
            <span>Type @ to mention someone; Ctrl+Enter or ⌘+Enter posts.</span>
            <span className={cn("tabular-nums", length > MAX && "text-danger font-medium")}>
              {length.toLocaleString("en")}/{MAX.toLocaleString("en")}
            </span>
          </span>
        }
        error={error ?? undefined}
      >
        {(a11y) => (
          <Textarea
            {...a11y}
            ref={input}
            rows={3}
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              setCaret(e.target.selectionStart);
              if (error) setError(null);
            }}
            onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                submit();
              }
            }}
          />
        )}
      </Field>
      {suggestions.length ? (
        <div role="group" aria-label="Mention someone" className="flex flex-wrap items-center gap-1.5">
          <AtSign aria-hidden="true" className="text-muted-foreground size-3.5" />
          {suggestions.map((p) => (
            <Button
              key={p.id}
              size="sm"
              variant="secondary"
              onClick={() => mention(p)}
              aria-label={`Mention ${p.name}`}
            >
              {p.name}
            </Button>
          ))}
        </div>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" size="sm" disabled={post.isPending}>
          {post.isPending ? <Spinner /> : <MessageSquarePlus aria-hidden="true" />}
          Post comment
        </Button>
      </div>
    </form>
  );
}
