"use client";

import { FileUp, Upload, X } from "lucide-react";
import { useId, useRef, useState } from "react";
import { cn } from "@/components/lib/cn";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/inference/fields";
import { DocumentMeta, KNOWLEDGE_ACCEPT, KNOWLEDGE_LIMITS, splitTags } from "@/lib/schemas/knowledge";
import { formatBytes, plural } from "./format";
import type { KnowledgeJobs } from "./use-knowledge-jobs";

type Errors = { files?: string; tags?: string; effectiveDate?: string };

function sameFile(a: File, b: File): boolean {
  return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
}

/** Upload form: a drop zone that is also the button opening the file dialog, shared tags and date. */
export function UploadForm({
  jobs,
  maxUploadBytes,
  onStarted,
}: {
  jobs: KnowledgeJobs;
  maxUploadBytes: number | undefined;
  /** Called after the uploads were queued (the page moves focus to the jobs list). */
  onStarted: () => void;
}) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [tags, setTags] = useState("");
  const [effectiveDate, setEffectiveDate] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [dragging, setDragging] = useState(false);

  function add(list: FileList | null) {
    if (!list || list.length === 0) return;
    const incoming = Array.from(list);
    setFiles((fs) => [...fs, ...incoming.filter((f) => !fs.some((g) => sameFile(f, g)))]);
    setErrors((e) => ({ ...e, files: undefined }));
  }

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const parsed = DocumentMeta.safeParse({ tags: splitTags(tags), effectiveDate: effectiveDate || undefined });
    const next: Errors = {};
    if (files.length === 0) next.files = "Choose at least one file to upload.";
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === "tags") next.tags ??= issue.message;
        else if (field === "effectiveDate") next.effectiveDate ??= issue.message;
      }
    }
    setErrors(next);
    if (!parsed.success || next.files) {
      const firstInvalid = next.files ? "dropzone" : next.tags ? "tags" : "date";
      document.getElementById(`${inputId}-${firstInvalid}`)?.focus();
      return;
    }
    jobs.startUploads(files, { tags: parsed.data.tags, effectiveDate: parsed.data.effectiveDate });
    setFiles([]);
    onStarted();
  }

  const limit = maxUploadBytes ? `up to ${formatBytes(maxUploadBytes)} each` : "one document per file";

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h3">Upload files</CardTitle>
        <CardDescription>
          Markdown, plain text, HTML or PDF. Uploading a file again with the same name replaces the old version; an
          identical file is left as it is.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} noValidate aria-label="Upload files" className="space-y-4">
          <div className="space-y-2">
            <input
              ref={inputRef}
              id={`${inputId}-input`}
              type="file"
              multiple
              accept={KNOWLEDGE_ACCEPT}
              aria-label="Files to upload"
              tabIndex={-1}
              className="sr-only"
              onChange={(e) => {
                add(e.currentTarget.files);
                e.currentTarget.value = "";
              }}
            />
            <button
              type="button"
              id={`${inputId}-dropzone`}
              onClick={() => inputRef.current?.click()}
              onDragEnter={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragOver={(e) => {
                e.preventDefault();
                e.dataTransfer.dropEffect = "copy";
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(e) => {
                e.preventDefault();
                setDragging(false);
                add(e.dataTransfer.files);
              }}
              aria-labelledby={`${inputId}-dropzone-label`}
              aria-describedby={errors.files ? `${inputId}-files-error` : `${inputId}-dropzone-hint`}
              className={cn(
                "border-input bg-muted/40 text-foreground flex w-full flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-4 py-8 text-center transition-colors",
                "hover:border-primary hover:bg-accent/60 focus-visible:border-primary",
                dragging && "border-primary bg-accent",
                errors.files && "border-danger",
              )}
            >
              <FileUp aria-hidden="true" className="text-primary size-7" strokeWidth={1.75} />
              <span id={`${inputId}-dropzone-label`} className="text-sm font-medium">
                Drop files here or choose files
              </span>
              <span id={`${inputId}-dropzone-hint`} className="text-muted-foreground text-xs">
                .md, .txt, .html, .pdf · {limit} · several at once
              </span>
            </button>
            <FieldError id={`${inputId}-files-error`}>{errors.files}</FieldError>
            {files.length > 0 ? (
              <ul
                aria-label="Selected files"
                className="border-border divide-border divide-y rounded-md border text-sm"
              >
                {files.map((f) => (
                  <li
                    key={`${f.name}-${f.size}-${f.lastModified}`}
                    className="flex items-center gap-2 py-1.5 pr-1.5 pl-3"
                  >
                    <span className="min-w-0 flex-1 truncate">{f.name}</span>
                    <span className="text-muted-foreground shrink-0 text-xs tabular-nums">{formatBytes(f.size)}</span>
                    <Button
                      size="icon-sm"
                      variant="ghost"
                      aria-label={`Remove ${f.name}`}
                      onClick={() => setFiles((fs) => fs.filter((g) => !sameFile(f, g)))}
                    >
                      <X aria-hidden="true" />
                    </Button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              id={`${inputId}-tags`}
              label="Tags"
              optional
              hint={`Comma-separated, e.g. product, footwear (up to ${KNOWLEDGE_LIMITS.tagsMax}).`}
              error={errors.tags}
            >
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
            <Field
              id={`${inputId}-date`}
              label="Effective date"
              optional
              hint="When the content takes effect."
              error={errors.effectiveDate}
            >
              {(a) => (
                <Input {...a} type="date" value={effectiveDate} onChange={(e) => setEffectiveDate(e.target.value)} />
              )}
            </Field>
          </div>
          <Button type="submit">
            <Upload aria-hidden="true" />
            {files.length > 0 ? `Upload ${plural(files.length, "file")}` : "Upload"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
