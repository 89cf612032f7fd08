"use client";

import { useMutation } from "@tanstack/react-query";
import { ClipboardPaste } from "lucide-react";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Field, Spinner, Textarea } from "@/components/inference/fields";
import { api } from "@/lib/query/client";
import { KNOWLEDGE_LIMITS, PasteBody, splitTags, type JobOut } from "@/lib/schemas/knowledge";
import { formatInt } from "./format";
import type { KnowledgeJobs } from "./use-knowledge-jobs";

type Format = "markdown" | "text" | "html";
type FieldName = "title" | "text" | "tags" | "effectiveDate";
type Errors = Partial<Record<FieldName, string>>;

const FORMATS: { value: Format; label: string }[] = [
  { value: "markdown", label: "Markdown" },
  { value: "text", label: "Plain text" },
  { value: "html", label: "HTML" },
];

const FIELD_ORDER: FieldName[] = ["title", "text", "tags", "effectiveDate"];

/** "Paste text": a title and the text, ingested like an uploaded file. */
export function PasteForm({ jobs, onStarted }: { jobs: KnowledgeJobs; onStarted: () => void }) {
  const id = useId();
  const [title, setTitle] = useState("");
  const [format, setFormat] = useState<Format>("markdown");
  const [text, setText] = useState("");
  const [tags, setTags] = useState("");
  const [effectiveDate, setEffectiveDate] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const paste = useMutation({
    mutationFn: (body: PasteBody) => api<JobOut>("/api/knowledge/documents", { method: "POST", body }),
    onSuccess: (job) => {
      jobs.track(job);
      setTitle("");
      setText("");
      onStarted();
    },
  });

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    paste.reset();
    const parsed = PasteBody.safeParse({
      title,
      text,
      format,
      tags: splitTags(tags),
      effectiveDate: effectiveDate || undefined,
    });
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (typeof field === "string" && (FIELD_ORDER as string[]).includes(field))
          next[field as FieldName] ??= issue.message;
      }
      setErrors(next);
      const first = FIELD_ORDER.find((f) => next[f]);
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setErrors({});
    paste.mutate(parsed.data);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h3">Paste text</CardTitle>
        <CardDescription>
          For a policy or an answer that is not in a file yet. Pasting again under the same title replaces it.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} noValidate aria-label="Paste text" className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_10rem]">
            <Field id={`${id}-title`} label="Title" error={errors.title}>
              {(a) => (
                <Input
                  {...a}
                  value={title}
                  onChange={(e) => setTitle(e.target.value)}
                  maxLength={KNOWLEDGE_LIMITS.titleMax}
                  placeholder="e.g. Holiday opening hours"
                />
              )}
            </Field>
            <Field id={`${id}-format`} label="Format">
              {(a) => (
                <Select {...a} value={format} onChange={(e) => setFormat(e.target.value as Format)}>
                  {FORMATS.map((f) => (
                    <option key={f.value} value={f.value}>
                      {f.label}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
          <Field
            id={`${id}-text`}
            label="Text"
            error={errors.text}
            hint={`${formatInt(text.length)} of ${formatInt(KNOWLEDGE_LIMITS.pasteMaxChars)} characters`}
          >
            {(a) => (
              <Textarea
                {...a}
                value={text}
                onChange={(e) => setText(e.target.value)}
                rows={8}
                className="font-mono text-[13px]"
                spellCheck={false}
              />
            )}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id={`${id}-tags`} label="Tags" optional hint="Comma-separated." error={errors.tags}>
              {(a) => (
                <Input
                  {...a}
                  value={tags}
                  onChange={(e) => setTags(e.target.value)}
                  autoComplete="off"
                  spellCheck={false}
                />
              )}
            </Field>
            <Field id={`${id}-effectiveDate`} label="Effective date" optional error={errors.effectiveDate}>
              {(a) => (
                <Input {...a} type="date" value={effectiveDate} onChange={(e) => setEffectiveDate(e.target.value)} />
              )}
            </Field>
          </div>
          {paste.error ? <Alert tone="danger">{paste.error.message}</Alert> : null}
          <Button type="submit" disabled={paste.isPending}>
            {paste.isPending ? <Spinner /> : <ClipboardPaste aria-hidden="true" />}
            {paste.isPending ? "Adding…" : "Add text"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
