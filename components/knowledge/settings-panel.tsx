"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Save } from "lucide-react";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Field, Loading, Spinner } from "@/components/inference/fields";
import { api, queryKeys } from "@/lib/query/client";
import { KnowledgeSettingsBody, type KnowledgeSettingsOut } from "@/lib/schemas/knowledge";
import { formatBytes, INDEX_LABELS, isLexicalHashModel, LEXICAL_HASH_NOTE } from "./format";

type FieldName = "chunkTarget" | "chunkOverlap" | "vectorIndex" | "pineconeHost" | "pineconeApiKey";
type Errors = Partial<Record<FieldName, string>>;
const FIELD_ORDER: FieldName[] = ["chunkTarget", "chunkOverlap", "vectorIndex", "pineconeHost", "pineconeApiKey"];

function int(v: string): number {
  const s = v.trim().replace(/,/g, "");
  return /^-?\d+$/.test(s) ? Number(s) : Number.NaN;
}

/** The Settings tab (admins): chunking and where vectors are stored. */
export function SettingsPanel({ settings }: { settings: KnowledgeSettingsOut | undefined }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Knowledge settings</CardTitle>
        <CardDescription>
          How documents are split into chunks and where their vectors live. Chunking changes apply to documents added or
          re-indexed afterwards.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {settings ? <SettingsForm settings={settings} /> : <Loading>Loading settings…</Loading>}
      </CardContent>
    </Card>
  );
}

function SettingsForm({ settings }: { settings: KnowledgeSettingsOut }) {
  const id = useId();
  const qc = useQueryClient();
  const [chunkTarget, setChunkTarget] = useState(String(settings.chunkTarget));
  const [chunkOverlap, setChunkOverlap] = useState(String(settings.chunkOverlap));
  const [vectorIndex, setVectorIndex] = useState(settings.vectorIndex);
  const [pineconeHost, setPineconeHost] = useState(settings.pineconeHost ?? "");
  const [pineconeApiKey, setPineconeApiKey] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const save = useMutation({
    mutationFn: (body: KnowledgeSettingsBody) =>
      api<KnowledgeSettingsOut>("/api/knowledge/settings", { method: "PUT", body }),
    onSuccess: (out) => {
      qc.setQueryData(queryKeys.knowledgeSettings, out);
      setPineconeApiKey("");
    },
  });

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    save.reset();
    const parsed = KnowledgeSettingsBody.safeParse({
      chunkTarget: int(chunkTarget),
      chunkOverlap: int(chunkOverlap),
      vectorIndex,
      ...(vectorIndex === "pinecone" && pineconeHost.trim() ? { pineconeHost: pineconeHost.trim() } : {}),
      ...(vectorIndex === "pinecone" && pineconeApiKey.trim() ? { pineconeApiKey: pineconeApiKey.trim() } : {}),
    });
    const next: Errors = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (typeof field === "string" && (FIELD_ORDER as string[]).includes(field))
          next[field as FieldName] ??= issue.code === "invalid_type" ? "Enter a whole number" : issue.message;
      }
    }
    if (vectorIndex === "pinecone" && !pineconeHost.trim())
      next.pineconeHost ??= "Enter the index host URL, e.g. https://my-index-abc123.svc.pinecone.io";
    if (vectorIndex === "pinecone" && !settings.pineconeKeySet && !pineconeApiKey.trim())
      next.pineconeApiKey ??= "Enter the Pinecone API key";
    setErrors(next);
    const first = FIELD_ORDER.find((f) => next[f]);
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    if (parsed.success) save.mutate(parsed.data);
  }

  const stored = settings.embeddingModel ?? settings.currentEmbeddingModel;

  return (
    <form onSubmit={submit} noValidate aria-label="Knowledge settings" className="space-y-5">
      <dl className="border-border bg-muted/40 grid gap-x-6 gap-y-2 rounded-md border px-4 py-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-muted-foreground text-xs">Embedding model (stored vectors)</dt>
          <dd className="font-mono text-xs">{settings.embeddingModel ?? "none yet"}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground text-xs">Embed route now uses</dt>
          <dd className="font-mono text-xs">{settings.currentEmbeddingModel}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground text-xs">Upload limit</dt>
          <dd>{formatBytes(settings.maxUploadBytes)} per file</dd>
        </div>
        {isLexicalHashModel(stored) ? (
          <p className="text-muted-foreground text-xs sm:col-span-3">
            {LEXICAL_HASH_NOTE} Point the embed route at a real embedding model under Settings → Models, then re-index.
          </p>
        ) : null}
      </dl>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id={`${id}-chunkTarget`}
          label="Chunk size (characters)"
          hint="Target length of a chunk, 200 to 8,000."
          error={errors.chunkTarget}
        >
          {(a) => (
            <Input {...a} inputMode="numeric" value={chunkTarget} onChange={(e) => setChunkTarget(e.target.value)} />
          )}
        </Field>
        <Field
          id={`${id}-chunkOverlap`}
          label="Overlap (characters)"
          hint="Text repeated between neighbouring chunks; less than half the chunk size."
          error={errors.chunkOverlap}
        >
          {(a) => (
            <Input {...a} inputMode="numeric" value={chunkOverlap} onChange={(e) => setChunkOverlap(e.target.value)} />
          )}
        </Field>
        <Field id={`${id}-vectorIndex`} label="Vector index" error={errors.vectorIndex}>
          {(a) => (
            <Select
              {...a}
              value={vectorIndex}
              onChange={(e) => setVectorIndex(e.target.value as KnowledgeSettingsOut["vectorIndex"])}
            >
              <option value="embedded">Embedded (in the Lectern database)</option>
              <option value="pinecone">Pinecone</option>
            </Select>
          )}
        </Field>
      </div>
      {vectorIndex === "pinecone" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={`${id}-pineconeHost`} label="Pinecone index host" error={errors.pineconeHost}>
            {(a) => (
              <Input
                {...a}
                type="url"
                value={pineconeHost}
                onChange={(e) => setPineconeHost(e.target.value)}
                placeholder="https://my-index-abc123.svc.pinecone.io"
                spellCheck={false}
              />
            )}
          </Field>
          <Field
            id={`${id}-pineconeApiKey`}
            label="Pinecone API key"
            optional={settings.pineconeKeySet}
            hint={settings.pineconeKeySet ? "A key is stored. Leave empty to keep it." : undefined}
            error={errors.pineconeApiKey}
          >
            {(a) => (
              <Input
                {...a}
                type="password"
                autoComplete="off"
                value={pineconeApiKey}
                onChange={(e) => setPineconeApiKey(e.target.value)}
              />
            )}
          </Field>
        </div>
      ) : null}
      {save.error ? <Alert tone="danger">{save.error.message}</Alert> : null}
      {save.isSuccess ? (
        <Alert tone="success">
          Saved. Vectors are stored in the {INDEX_LABELS[save.data.vectorIndex]}.
          {save.data.reindexNeeded ? " Re-index to bring the stored vectors up to date." : ""}
        </Alert>
      ) : null}
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? <Spinner /> : <Save aria-hidden="true" />}
        {save.isPending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
