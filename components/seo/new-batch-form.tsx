"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Play } from "lucide-react";
import { useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Loading, Spinner } from "@/components/inference/fields";
import { plural } from "@/components/knowledge/format";
import { ApiError, api } from "@/lib/query/client";
import type { BatchOut, BatchSpec, CsvPreview } from "@/lib/schemas/batches";
import { CsvField } from "./csv-field";
import { CsvSummary } from "./csv-summary";
import { seoKeys } from "./keys";
import { MappingFields, resolveMapping } from "./mapping-fields";
import { SamplePreview } from "./sample-preview";
import { TemplateFields } from "./template-fields";
import { storeBatch } from "./use-batches";
import {
  EMPTY_TEMPLATE,
  type Errors,
  fieldId,
  focusFirst,
  serverErrors,
  type TemplateValues,
  validateBatch,
  variablesOf,
} from "./validate";

function Step({
  n,
  title,
  description,
  children,
}: {
  n: number;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card>
      <section aria-labelledby={`seo-step-${n}`}>
        <CardHeader>
          <CardTitle as="h3" id={`seo-step-${n}`} className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className="bg-accent text-accent-foreground flex size-6 items-center justify-center rounded-full text-xs"
            >
              {n}
            </span>
            {title}
          </CardTitle>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </CardHeader>
        <CardContent>{children}</CardContent>
      </section>
    </Card>
  );
}

function multipart(fields: Record<string, string | File>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === "string") form.append(k, v);
    else form.append(k, v, v.name);
  }
  return form;
}

/** A new batch in four steps on one form: the CSV, the template, the mapping and a preview of the first rows. */
export function NewBatchForm({ onStarted }: { onStarted: (b: BatchOut) => void }) {
  const qc = useQueryClient();
  const alertRef = useRef<HTMLDivElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [values, setValues] = useState<TemplateValues>(EMPTY_TEMPLATE);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Errors>({});

  const read = useMutation({
    mutationFn: (f: File) => api<CsvPreview>("/api/batches/preview", { form: multipart({ file: f }) }),
  });
  const preview = read.isSuccess ? read.data : null;
  const columns = preview?.columns ?? [];
  const variables = variablesOf(values);
  const mapping = resolveMapping(variables, columns, chosen);

  const start = useMutation({
    mutationFn: ({ f, spec }: { f: File; spec: BatchSpec }) =>
      api<BatchOut>("/api/batches", { form: multipart({ file: f, spec: JSON.stringify(spec) }) }),
    onSuccess: (b) => {
      storeBatch(qc, b);
      void qc.invalidateQueries({ queryKey: seoKeys.batches });
      onStarted(b);
    },
    onError: (e) => {
      const placed = e instanceof ApiError ? serverErrors(e, variables) : {};
      setErrors(placed);
      requestAnimationFrame(() => focusFirst(placed, variables) || alertRef.current?.focus());
    },
  });

  function choose(f: File) {
    setFile(f);
    setErrors(({ file: _, ...rest }) => rest);
    start.reset();
    read.mutate(f);
  }

  function patch(p: Partial<TemplateValues>) {
    setValues((v) => ({ ...v, ...p }));
    // An error goes away once its field is touched again.
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(p)) delete next[k === "pendingTag" ? "tags" : (k as keyof Errors)];
      return next;
    });
  }

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (start.isPending) return;
    const fileError = read.isError
      ? read.error.message
      : read.isPending
        ? "The CSV is still being read; start again in a moment."
        : null;
    const checked = validateBatch({ values, mapping, preview, fileError });
    setErrors(checked.errors ?? {});
    if (checked.errors) {
      requestAnimationFrame(() => focusFirst(checked.errors, variables));
      return;
    }
    if (file) start.mutate({ f: file, spec: checked.spec });
  }

  const fileError = read.isError ? read.error.message : errors.file;
  const serverError = start.isError ? start.error.message : null;

  return (
    <form noValidate aria-label="New batch" onSubmit={submit} className="space-y-5">
      <Step n={1} title="CSV" description="One row per page. The server reads it and shows what it found.">
        <div className="space-y-4">
          <CsvField id={fieldId("file")} file={file} reading={read.isPending} error={fileError} onFile={choose} />
          {read.isPending ? <Loading>Reading {file?.name}…</Loading> : null}
          {preview && file ? <CsvSummary fileName={file.name} preview={preview} /> : null}
        </div>
      </Step>

      <Step n={2} title="Template" description="Every page gets this brief and slug with the row's values filled in.">
        <TemplateFields values={values} onChange={patch} errors={errors} columns={columns} />
      </Step>

      <Step
        n={3}
        title="Mapping"
        description="The column each {{variable}} of the brief and the slug takes its value from."
      >
        <MappingFields
          variables={variables}
          columns={columns}
          mapping={mapping}
          errors={errors}
          onChange={(v, c) => {
            setChosen((m) => ({ ...m, [v]: c }));
            setErrors(({ [`map:${v}` as const]: _, ...rest }) => rest);
          }}
        />
      </Step>

      <Step
        n={4}
        title="Preview"
        description={
          preview
            ? `The first ${plural(preview.sample.length, "row")} as pages. The ${plural(preview.rowCount, "page")} are written when you start.`
            : "Choose a CSV to see the first rows as pages."
        }
      >
        {preview ? (
          <SamplePreview sample={preview.sample} brief={values.brief} slug={values.slug} mapping={mapping} />
        ) : (
          <p className="text-muted-foreground text-sm">Nothing to preview yet.</p>
        )}
      </Step>

      {serverError ? (
        <Alert
          ref={alertRef}
          tabIndex={-1}
          tone="danger"
          title="The batch was not started"
          data-testid="seo-start-error"
        >
          {serverError}
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="lg" disabled={start.isPending} data-testid="seo-start">
          {start.isPending ? <Spinner /> : <Play aria-hidden="true" />}
          {start.isPending
            ? "Starting…"
            : preview
              ? `Start batch of ${plural(preview.rowCount, "page")}`
              : "Start batch"}
        </Button>
        <p className="text-muted-foreground text-xs">Pages are generated in the background; you can leave this page.</p>
      </div>
    </form>
  );
}
