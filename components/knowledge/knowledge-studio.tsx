"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { TabList } from "@/components/ui/tab-list";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Spinner } from "@/components/inference/fields";
import { api, queryKeys } from "@/lib/query/client";
import type { JobOut, KnowledgeSettingsOut } from "@/lib/schemas/knowledge";
import { hasRole, type Role } from "@/lib/schemas/roles";
import { DocumentsPanel } from "./documents-panel";
import { formatInt, INDEX_LABELS, isLexicalHashModel, LEXICAL_HASH_NOTE } from "./format";
import { JobsList } from "./jobs-list";
import { PasteForm } from "./paste-form";
import { ProgressBar } from "./progress-bar";
import { SearchPanel } from "./search-panel";
import { SettingsPanel } from "./settings-panel";
import { UploadForm } from "./upload-form";
import { useKnowledgeJobs, type KnowledgeJobs } from "./use-knowledge-jobs";

export const KNOWLEDGE_TABS = ["documents", "add", "search", "settings"] as const;
export type KnowledgeTab = (typeof KNOWLEDGE_TABS)[number];

const TAB_LABELS: Record<KnowledgeTab, string> = {
  documents: "Documents",
  add: "Add",
  search: "Search",
  settings: "Settings",
};

function Stats({ settings }: { settings: KnowledgeSettingsOut | undefined }) {
  return (
    <dl className="flex gap-6 sm:text-right">
      <div>
        <dt className="text-muted-foreground text-xs">Documents</dt>
        <dd className="text-lg font-semibold tabular-nums" data-testid="knowledge-document-count">
          {settings ? formatInt(settings.documentCount) : "—"}
        </dd>
      </div>
      <div>
        <dt className="text-muted-foreground text-xs">Chunks</dt>
        <dd className="text-lg font-semibold tabular-nums" data-testid="knowledge-chunk-count">
          {settings ? formatInt(settings.chunkCount) : "—"}
        </dd>
      </div>
    </dl>
  );
}

/** "Vectors: offline/lexical-hash-v1 · embedded index", and what that model is when it is the offline one. */
function ModelLine({ settings }: { settings: KnowledgeSettingsOut }) {
  const model = settings.embeddingModel ?? settings.currentEmbeddingModel;
  return (
    <span className="mt-1 block text-xs leading-5" data-testid="knowledge-model-line">
      <span className="text-foreground font-medium">Vectors:</span> <span className="font-mono">{model}</span> ·{" "}
      {INDEX_LABELS[settings.vectorIndex]}
      {isLexicalHashModel(model) ? <span className="block">{LEXICAL_HASH_NOTE}</span> : null}
    </span>
  );
}

function ReindexAlert({
  settings,
  canEdit,
  jobs,
}: {
  settings: KnowledgeSettingsOut;
  canEdit: boolean;
  jobs: KnowledgeJobs;
}) {
  const [jobId, setJobId] = useState<string | null>(null);
  const reindex = useMutation({
    mutationFn: () => api<JobOut>("/api/knowledge/reindex", { method: "POST" }),
    onSuccess: (job) => {
      jobs.track(job);
      setJobId(job.id);
    },
  });
  const row = jobId ? jobs.rows.find((r) => r.job?.id === jobId) : undefined;
  const running = row && (row.state === "queued" || row.state === "running");
  const p = row?.job?.progress;
  return (
    <Alert tone="warning" title="Re-index needed" className="mb-6">
      <p>
        The stored vectors were made with{" "}
        <span className="font-mono">{settings.embeddingModel ?? "another model"}</span>, but the embed route now uses{" "}
        <span className="font-mono">{settings.currentEmbeddingModel}</span>. Vector search is unreliable until every
        chunk is embedded again.
        {canEdit ? null : " Ask an editor or admin to re-index."}
      </p>
      {row?.state === "failed" ? <p className="text-danger mt-1">{row.job?.error?.message}</p> : null}
      {running && p ? (
        <div className="mt-2 max-w-sm space-y-1">
          <ProgressBar
            label="Re-index progress"
            value={p.total > 0 ? p.done : undefined}
            max={p.total > 0 ? p.total : undefined}
            valueText={p.total > 0 ? `${p.done} of ${p.total}` : "Queued"}
          />
          <p className="text-xs tabular-nums">
            {p.stage ?? "Queued"}
            {p.total > 0 ? ` · ${p.done} of ${p.total}` : ""}
          </p>
        </div>
      ) : null}
      {reindex.error ? <p className="text-danger mt-1">{reindex.error.message}</p> : null}
      {canEdit ? (
        <Button
          size="sm"
          variant="secondary"
          className="mt-3"
          disabled={reindex.isPending || running}
          onClick={() => reindex.mutate()}
        >
          {reindex.isPending || running ? <Spinner /> : <RefreshCw aria-hidden="true" />}
          {running ? "Re-indexing…" : "Re-index now"}
        </Button>
      ) : null}
    </Alert>
  );
}

function AddPanel({
  jobs,
  maxUploadBytes,
  headingRef,
}: {
  jobs: KnowledgeJobs;
  maxUploadBytes: number | undefined;
  headingRef: React.Ref<HTMLHeadingElement>;
}) {
  const jobsHeading = useRef<HTMLHeadingElement>(null);
  const focusJobs = () => requestAnimationFrame(() => jobsHeading.current?.focus());
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h2 ref={headingRef} tabIndex={-1} className="text-base font-semibold tracking-tight outline-none">
          Add documents
        </h2>
        <p className="text-muted-foreground text-sm">
          Tags and an effective date let searches and drafts pick the right version of a fact, e.g. this season&apos;s
          price list.
        </p>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <UploadForm jobs={jobs} maxUploadBytes={maxUploadBytes} onStarted={focusJobs} />
        <PasteForm jobs={jobs} onStarted={focusJobs} />
      </div>
      <JobsList jobs={jobs} headingRef={jobsHeading} />
    </div>
  );
}

/** The Knowledge page: size and model, then Documents / Add / Search / Settings tabs, by role. */
export function KnowledgeStudio({ role, initialTab }: { role: Role; initialTab?: string }) {
  const canEdit = hasRole(role, "editor");
  const isAdmin = hasRole(role, "admin");
  const tabs = KNOWLEDGE_TABS.filter((t) => (t === "add" ? canEdit : t === "settings" ? isAdmin : true));
  const [tab, setTab] = useState<KnowledgeTab>(
    tabs.includes(initialTab as KnowledgeTab) ? (initialTab as KnowledgeTab) : "documents",
  );
  const addHeading = useRef<HTMLHeadingElement>(null);

  const settings = useQuery({
    queryKey: queryKeys.knowledgeSettings,
    queryFn: () => api<KnowledgeSettingsOut>("/api/knowledge/settings"),
  });
  const liveRef = useRef<HTMLDivElement>(null);
  const jobs = useKnowledgeJobs({ enabled: canEdit, maxUploadBytes: settings.data?.maxUploadBytes, liveRef });

  // Focus to move once a newly selected panel is shown.
  const focusAfterSwitch = useRef<(() => void) | null>(null);
  useEffect(() => {
    focusAfterSwitch.current?.();
    focusAfterSwitch.current = null;
  }, [tab]);

  function select(t: KnowledgeTab, opts: { then?: () => void } = {}) {
    if (t === tab) opts.then?.();
    else focusAfterSwitch.current = opts.then ?? null;
    setTab(t);
    const url = new URL(window.location.href);
    if (t === "documents") url.searchParams.delete("tab");
    else url.searchParams.set("tab", t);
    window.history.replaceState(null, "", `${url.pathname}${url.search}`);
  }

  return (
    <>
      <PageHeader
        title="Knowledge"
        description={
          <>
            The facts every draft is grounded in: product sheets, policies and price lists. Generation retrieves
            passages from here and cites them.
            {settings.data ? <ModelLine settings={settings.data} /> : null}
          </>
        }
        actions={<Stats settings={settings.data} />}
      />
      {settings.isError ? (
        <Alert tone="danger" className="mb-6">
          {settings.error.message}
        </Alert>
      ) : null}
      {settings.data?.reindexNeeded ? <ReindexAlert settings={settings.data} canEdit={canEdit} jobs={jobs} /> : null}

      <TabList
        label="Knowledge sections"
        idPrefix="knowledge"
        tabs={tabs}
        labels={TAB_LABELS}
        selected={tab}
        onSelect={(t) => select(t)}
      />

      {tabs.map((t) => (
        <div
          key={t}
          role="tabpanel"
          id={`knowledge-panel-${t}`}
          aria-labelledby={`knowledge-tab-${t}`}
          hidden={tab !== t}
          className="mt-6"
        >
          {t === "documents" ? (
            <DocumentsPanel
              canEdit={canEdit}
              onAdd={() => select("add", { then: () => addHeading.current?.focus() })}
            />
          ) : t === "add" ? (
            <AddPanel jobs={jobs} maxUploadBytes={settings.data?.maxUploadBytes} headingRef={addHeading} />
          ) : t === "search" ? (
            <SearchPanel />
          ) : (
            <SettingsPanel settings={settings.data} />
          )}
        </div>
      ))}

      <div ref={liveRef} aria-live="polite" aria-atomic="true" className="sr-only" data-testid="knowledge-live" />
    </>
  );
}
