"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FileArchive, Trash2, Upload } from "lucide-react";
import { useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FieldError } from "@/components/ui/field-error";
import { Loading } from "@/components/inference/fields";
import { api, queryKeys } from "@/lib/query/client";
import type { ImportedStyleList, ImportedStyleOut, StyleImportResult } from "@/lib/schemas/brand";
import { RuleRow } from "./rule-row";

const MAX_ZIP_BYTES = 5 * 1024 * 1024;
const OUTCOME_LABELS: Record<StyleImportResult["styles"][number]["outcome"], string> = {
  created: "imported",
  updated: "replaced",
  unchanged: "unchanged (same files)",
};

function ImportForm({ onImported }: { onImported: (r: StyleImportResult) => void }) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (f: File) => {
      const form = new FormData();
      form.append("file", f, f.name);
      return api<StyleImportResult>("/api/brand/styles", { form });
    },
    onSuccess: (r) => {
      setFile(null);
      if (inputRef.current) inputRef.current.value = "";
      onImported(r);
      void queryClient.invalidateQueries({ queryKey: queryKeys.brand });
    },
    onError: (e) => setError(e.message),
  });

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!file) return setError("Choose a .zip file holding a Vale style folder.");
    if (!/\.zip$/i.test(file.name)) return setError(`“${file.name}” is not a .zip file.`);
    if (file.size > MAX_ZIP_BYTES) return setError(`“${file.name}” is larger than the 5 MB limit for style zips.`);
    setError(null);
    upload.mutate(file);
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="min-w-0 flex-1 space-y-1.5">
        <label htmlFor={inputId} className="text-sm font-medium">
          Style zip
        </label>
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          accept=".zip,application/zip"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : `${inputId}-hint`}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setError(null);
          }}
          className="border-input bg-background file:bg-muted file:text-foreground block w-full rounded-md border text-sm file:mr-3 file:border-0 file:px-3 file:py-2 file:text-sm file:font-medium"
          data-testid="style-zip-input"
        />
        {error ? (
          <FieldError id={`${inputId}-error`}>{error}</FieldError>
        ) : (
          <p id={`${inputId}-hint`} className="text-muted-foreground text-xs">
            A zip of one or more style folders (e.g. <code>Acme/Avoid.yml</code>, or <code>styles/Acme/…</code> next to
            a <code>.vale.ini</code>), up to 5 MB. A style with the same name is replaced.
          </p>
        )}
      </div>
      <Button type="submit" disabled={upload.isPending} data-testid="style-import">
        <Upload aria-hidden="true" />
        {upload.isPending ? "Importing…" : "Import"}
      </Button>
    </form>
  );
}

function ImportReport({ result, onDismiss }: { result: StyleImportResult; onDismiss: () => void }) {
  return (
    <Alert tone={result.problems.length ? "warning" : "success"} role="status" data-testid="style-import-report">
      <p className="font-medium">
        {result.styles
          .map((s) => `${s.name}: ${s.rules} ${s.rules === 1 ? "rule" : "rules"} ${OUTCOME_LABELS[s.outcome]}`)
          .join(" · ")}
      </p>
      {result.problems.length ? (
        <>
          <p className="mt-2 text-sm">
            {result.problems.length === 1 ? "One rule file was" : `${result.problems.length} rule files were`} left out;
            the other rules run:
          </p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 font-mono text-xs">
            {result.problems.slice(0, 20).map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      ) : null}
      <Button variant="ghost" size="sm" className="mt-2" onClick={onDismiss}>
        Dismiss
      </Button>
    </Alert>
  );
}

function StyleCard({ style, isAdmin }: { style: ImportedStyleOut; isAdmin: boolean }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.brandStyles });
  const toggle = useMutation({
    mutationFn: (enabled: boolean) =>
      api<ImportedStyleOut>(`/api/brand/styles/${style.id}`, { method: "PATCH", body: { enabled } }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => api<void>(`/api/brand/styles/${style.id}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  const error = toggle.error ?? remove.error;

  return (
    <Card data-testid="imported-style">
      <CardHeader className="sm:flex-row sm:items-start sm:justify-between">
        <div className="space-y-1">
          <CardTitle as="h3" className="flex items-center gap-2 text-sm">
            <FileArchive aria-hidden="true" className="text-muted-foreground size-4" />
            {style.name}
            <Badge tone={style.enabled ? "success" : "neutral"}>{style.enabled ? "On" : "Off"}</Badge>
          </CardTitle>
          <CardDescription>
            {style.ruleCount} {style.ruleCount === 1 ? "rule" : "rules"}
            {style.vocab.length ? ` · vocabulary ${style.vocab.join(", ")}` : ""} · imported{" "}
            {new Date(style.importedAt).toLocaleString()}
            {style.importedBy ? ` by ${style.importedBy}` : ""}
          </CardDescription>
        </div>
        {isAdmin ? (
          <div className="flex shrink-0 gap-2">
            <Button
              variant="secondary"
              size="sm"
              aria-pressed={style.enabled}
              disabled={toggle.isPending}
              onClick={() => toggle.mutate(!style.enabled)}
            >
              {style.enabled ? "Turn off" : "Turn on"}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setConfirming(true)} aria-label={`Remove ${style.name}`}>
              <Trash2 aria-hidden="true" />
              Remove
            </Button>
          </div>
        ) : null}
      </CardHeader>
      <CardContent className="space-y-3 pt-3">
        {confirming ? (
          <Alert
            tone="danger"
            role="alertdialog"
            aria-label={`Remove ${style.name}?`}
            onKeyDown={(e) => {
              if (e.key === "Escape") setConfirming(false);
            }}
          >
            <p className="text-sm">
              Remove <strong>{style.name}</strong> and its {style.ruleCount} rules from this workspace? Checks stop
              using them at once. You can import the zip again later.
            </p>
            <div className="mt-2 flex gap-2">
              <Button variant="danger" size="sm" autoFocus disabled={remove.isPending} onClick={() => remove.mutate()}>
                {remove.isPending ? "Removing…" : "Remove style"}
              </Button>
              <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </div>
          </Alert>
        ) : null}
        {error ? <Alert tone="danger">{error.message}</Alert> : null}
        <details>
          <summary className="cursor-pointer text-sm font-medium">Show the rules</summary>
          <ul className="divide-border mt-2 divide-y" data-testid="imported-style-rules">
            {style.rules.map((r) => (
              <RuleRow
                key={r.check}
                check={r.check}
                level={r.level}
                description={r.message.replace(/'?%s'?/g, "…").replace(/%%/g, "%") || "(no message)"}
                aside={r.kind}
              />
            ))}
          </ul>
        </details>
      </CardContent>
    </Card>
  );
}

/** The Vale styles tab: third-party styles imported from zips, run alongside the Brand style. */
export function StylesPanel({ isAdmin }: { isAdmin: boolean }) {
  const [report, setReport] = useState<StyleImportResult | null>(null);
  const styles = useQuery({
    queryKey: queryKeys.brandStyles,
    queryFn: () => api<ImportedStyleList>("/api/brand/styles"),
  });

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>Imported Vale styles</CardTitle>
          <CardDescription>
            Rule sets your team already keeps for Vale (a package such as Microsoft or write-good, or your own) run
            unchanged alongside the Brand style on every check and every draft. Spelling, sequence and script rules are
            not supported and are left out with a note.
          </CardDescription>
        </CardHeader>
        {isAdmin ? (
          <CardContent className="space-y-4">
            <ImportForm onImported={setReport} />
            {report ? <ImportReport result={report} onDismiss={() => setReport(null)} /> : null}
          </CardContent>
        ) : null}
      </Card>

      {styles.isError ? <Alert tone="danger">{styles.error.message}</Alert> : null}
      {styles.isPending ? (
        <Loading>Loading imported styles…</Loading>
      ) : styles.data && styles.data.items.length === 0 ? (
        <EmptyState
          icon={FileArchive}
          title="No imported styles"
          description={
            isAdmin
              ? "Import a zip of a Vale style folder above to run its rules with the brand voice."
              : "An admin can import Vale styles here; until then only the Brand style runs."
          }
        />
      ) : (
        <section aria-label="Imported styles" className="space-y-4">
          {styles.data?.items.map((s) => (
            <StyleCard key={s.id} style={s} isAdmin={isAdmin} />
          ))}
        </section>
      )}
    </div>
  );
}
