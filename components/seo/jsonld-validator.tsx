"use client";

import { useMutation } from "@tanstack/react-query";
import { FileUp, ShieldCheck } from "lucide-react";
import { useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/inference/fields";
import { api } from "@/lib/query/client";
import {
  JSONLD_MAX_TEXT_BYTES,
  textTooLargeMessage,
  utf8Bytes,
  type JsonLdInputKind,
  type JsonLdReport,
} from "@/lib/schemas/jsonld";
import { JsonLdReportView } from "./jsonld-report";
import { sourcesOf, type JsonSource } from "./jsonld-sources";

const KIND_LABELS: Record<JsonLdInputKind, string> = {
  auto: "Detect (HTML when it starts with <)",
  json: "JSON-LD",
  html: "HTML page (its ld+json script blocks)",
};

function kindOfFile(name: string): JsonLdInputKind {
  const ext = name.toLowerCase().split(".").pop() ?? "";
  return ext === "html" || ext === "htm" ? "html" : ext === "json" || ext === "jsonld" ? "json" : "auto";
}

type Result = { report: JsonLdReport; sources: JsonSource[]; at: number };

/** SEO → Validate JSON-LD: paste or upload JSON-LD or a page, see the findings and where they are. */
export function JsonLdValidator() {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [kind, setKind] = useState<JsonLdInputKind>("auto");
  const [fileName, setFileName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const validate = useMutation({
    mutationFn: async (body: { text: string; kind: JsonLdInputKind }): Promise<Result> => {
      const report = await api<JsonLdReport>("/api/jsonld/validate", { method: "POST", body });
      return { report, sources: sourcesOf(body.text, body.kind), at: Date.now() };
    },
  });
  const r = validate.data;

  function refuse(message: string) {
    setError(message);
    document.getElementById(`${id}-text`)?.focus();
  }

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!text.trim()) return refuse("Paste JSON-LD or an HTML page, or choose a file.");
    const bytes = utf8Bytes(text);
    if (bytes > JSONLD_MAX_TEXT_BYTES) return refuse(textTooLargeMessage(bytes));
    setError(null);
    validate.mutate({ text, kind });
  }

  async function onFile(f: File) {
    if (f.size > JSONLD_MAX_TEXT_BYTES) return refuse(`${f.name}: ${textTooLargeMessage(f.size)}`);
    try {
      const content = new TextDecoder("utf-8", { fatal: true }).decode(await f.arrayBuffer());
      setText(content.replace(/^\uFEFF/, ""));
      setKind(kindOfFile(f.name));
      setFileName(f.name);
      setError(null);
    } catch {
      refuse(`${f.name} is not UTF-8 text.`);
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Validate JSON-LD</CardTitle>
        <CardDescription>
          Paste a JSON-LD document or a whole HTML page (its ld+json script blocks are checked), or choose a file. It is
          checked offline against the schema.org vocabulary and Google&apos;s rich-result rules; nothing is saved.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        <form onSubmit={submit} noValidate className="space-y-3" aria-label="Validate JSON-LD">
          <Label htmlFor={`${id}-text`}>JSON-LD or HTML</Label>
          <Textarea
            id={`${id}-text`}
            rows={10}
            spellCheck={false}
            value={text}
            invalid={Boolean(error)}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            onChange={(e) => {
              setText(e.target.value);
              setFileName(null);
            }}
            className="font-mono text-xs"
            data-testid="jsonld-input"
          />
          <p id={`${id}-hint`} className="text-muted-foreground text-xs">
            Up to 5 MB.{fileName ? ` From ${fileName}.` : ""}
          </p>
          <FieldError id={`${id}-error`}>{error}</FieldError>
          <input
            ref={fileRef}
            id={`${id}-file`}
            type="file"
            accept=".json,.jsonld,.html,.htm,application/json,application/ld+json,text/html"
            aria-label="File to validate"
            tabIndex={-1}
            className="sr-only"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              if (f) void onFile(f);
              e.currentTarget.value = "";
            }}
            data-testid="jsonld-file"
          />
          <div className="flex flex-wrap items-end gap-3">
            <div className="space-y-1">
              <Label htmlFor={`${id}-kind`}>Read it as</Label>
              <Select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as JsonLdInputKind)}>
                {(Object.keys(KIND_LABELS) as JsonLdInputKind[]).map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABELS[k]}
                  </option>
                ))}
              </Select>
            </div>
            <Button variant="secondary" onClick={() => fileRef.current?.click()}>
              <FileUp aria-hidden="true" />
              Choose a file
            </Button>
            <Button type="submit" disabled={validate.isPending} data-testid="jsonld-validate">
              <ShieldCheck aria-hidden="true" />
              {validate.isPending ? "Validating…" : "Validate"}
            </Button>
          </div>
        </form>
        {validate.error ? <Alert tone="danger">{validate.error.message}</Alert> : null}
        {r ? <JsonLdReportView key={r.at} report={r.report} sources={r.sources} /> : null}
      </CardContent>
    </Card>
  );
}
