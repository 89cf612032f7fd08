"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FileText, ListChecks, Pencil, Plus, Trash2 } from "lucide-react";
import Link from "next/link";
import { BackLink } from "@/components/drafts/back-link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Loading, Spinner } from "@/components/inference/fields";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { api, queryKeys } from "@/lib/query/client";
import { FORMAT_LABELS } from "@/lib/schemas/drafts";
import { assertionLabel } from "@/lib/schemas/evals";
import type { GoldenCaseOut, GoldenSetDetail, GoldenSetOut } from "@/lib/schemas/golden-sets";
import { CaseForm, type CaseValues } from "./case-form";
import { isStale } from "./form-errors";
import { pct, when } from "./format";
import { RunPanel } from "./run-panel";
import { RunsTable } from "./runs-table";
import { OFFLINE_NOTE } from "./sets-view";
import { SetForm, type SetValues } from "./set-form";

const STALE_SET =
  "Someone else saved this set after you opened it. Their version is loaded below; make your change again and save.";
const STALE_CASE =
  "Someone else saved this case after you opened it. Their version is loaded below; make your change again and save.";

export function EvalsBackLink() {
  return <BackLink href="/evals" label="Evals" />;
}

/** One golden set: settings, its cases (add, edit, delete), starting runs and the runs so far. */
export function SetDetail({ id }: { id: string }) {
  const qc = useQueryClient();
  const router = useRouter();
  const set = useQuery({
    queryKey: queryKeys.evalSet(id),
    queryFn: () => api<GoldenSetDetail>(`/api/evals/sets/${id}`),
  });
  const [editingSettings, setEditingSettings] = useState(false);
  const [settingsNotice, setSettingsNotice] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const remove = useMutation({
    mutationFn: () => api<void>(`/api/evals/sets/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      qc.removeQueries({ queryKey: queryKeys.evalSet(id) });
      void qc.invalidateQueries({ queryKey: queryKeys.evals });
      router.push("/evals");
    },
  });

  if (set.isPending)
    return (
      <>
        <PageHeader eyebrow={<EvalsBackLink />} title="Golden set" />
        <Loading>Loading the golden set…</Loading>
      </>
    );
  if (set.isError)
    return (
      <>
        <PageHeader eyebrow={<EvalsBackLink />} title="Golden set" />
        <Alert tone="danger" title="The golden set could not be loaded">
          {set.error.message}
        </Alert>
      </>
    );
  const s = set.data;

  async function saveSettings(v: SetValues) {
    try {
      await api<GoldenSetOut>(`/api/evals/sets/${id}`, { method: "PATCH", body: { ...v, version: s.version } });
    } catch (e) {
      if (!isStale(e)) throw e;
      setSettingsNotice(STALE_SET);
      await set.refetch();
      return;
    }
    setSettingsNotice(null);
    setEditingSettings(false);
    await qc.invalidateQueries({ queryKey: queryKeys.evalSet(id) });
    void qc.invalidateQueries({ queryKey: queryKeys.evalSets });
  }

  return (
    <>
      <PageHeader
        eyebrow={<EvalsBackLink />}
        title={s.name}
        description={s.description || undefined}
        actions={
          <>
            <Button
              variant="secondary"
              onClick={() => {
                setEditingSettings(true);
                setSettingsNotice(null);
              }}
              disabled={editingSettings}
            >
              <Pencil aria-hidden="true" />
              Edit settings
            </Button>
            <Button variant="secondary" onClick={() => setConfirmDelete(true)} disabled={confirmDelete}>
              <Trash2 aria-hidden="true" />
              Delete set
            </Button>
          </>
        }
      />
      <dl className="text-muted-foreground -mt-4 mb-6 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div className="flex gap-1.5">
          <dt>Prompt</dt>
          <dd className="text-foreground font-mono">{s.promptKey}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt>Pass threshold</dt>
          <dd className="text-foreground" data-testid="set-threshold">
            {pct(s.passThreshold)}
          </dd>
        </div>
        <div className="flex gap-1.5">
          <dt>Cases</dt>
          <dd className="text-foreground">{s.caseCount}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt>Updated</dt>
          <dd className="text-foreground">{when(s.updatedAt)}</dd>
        </div>
      </dl>

      <div className="space-y-6">
        {confirmDelete ? (
          <Alert tone="danger" title={`Delete “${s.name}”?`}>
            <p>
              Its {s.caseCount} case{s.caseCount === 1 ? "" : "s"} and every run go with it. This cannot be undone.
            </p>
            {remove.isError ? <p className="mt-1 font-medium">{remove.error.message}</p> : null}
            <div className="mt-3 flex gap-2">
              <Button variant="danger" size="sm" onClick={() => remove.mutate()} disabled={remove.isPending}>
                {remove.isPending ? <Spinner /> : null}
                Delete the set
              </Button>
              <Button variant="secondary" size="sm" onClick={() => setConfirmDelete(false)} autoFocus>
                Keep it
              </Button>
            </div>
          </Alert>
        ) : null}

        {editingSettings ? (
          <Card>
            <CardHeader>
              <CardTitle>Set settings</CardTitle>
            </CardHeader>
            <CardContent className="space-y-4">
              {settingsNotice ? <Alert tone="warning">{settingsNotice}</Alert> : null}
              <SetForm
                key={s.version}
                initial={s}
                submitLabel="Save settings"
                onSubmit={saveSettings}
                onCancel={() => {
                  setEditingSettings(false);
                  setSettingsNotice(null);
                }}
              />
            </CardContent>
          </Card>
        ) : null}

        <Card>
          <CardHeader>
            <CardTitle>Run this set</CardTitle>
            <CardDescription>
              Generates a draft for every case and checks its expectations. {OFFLINE_NOTE}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <RunPanel set={s} />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Runs</CardTitle>
          </CardHeader>
          <CardContent>
            <RunsTable setId={s.id} threshold={s.passThreshold} />
          </CardContent>
        </Card>

        <CasesCard set={s} />
      </div>
    </>
  );
}

function CasesCard({ set }: { set: GoldenSetDetail }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: queryKeys.evalSet(set.id) });
    void qc.invalidateQueries({ queryKey: queryKeys.evalSets });
  };

  async function add(body: CaseValues) {
    await api<GoldenCaseOut>(`/api/evals/sets/${set.id}/cases`, { method: "POST", body });
    setEditing(null);
    await refresh();
  }

  async function save(c: GoldenCaseOut, body: CaseValues) {
    try {
      await api<GoldenCaseOut>(`/api/evals/cases/${c.id}`, { method: "PUT", body: { ...body, version: c.version } });
    } catch (e) {
      if (!isStale(e)) throw e;
      setNotice(STALE_CASE);
      await refresh();
      return;
    }
    setNotice(null);
    setEditing(null);
    await refresh();
  }

  async function remove(c: GoldenCaseOut) {
    setDeleteError(null);
    try {
      await api<void>(`/api/evals/cases/${c.id}`, { method: "DELETE" });
      setDeleting(null);
      await refresh();
    } catch (e) {
      setDeleteError(e instanceof Error ? e.message : "Could not delete the case.");
    }
  }

  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <CardTitle>Cases</CardTitle>
          <CardDescription>Reference briefs and what every draft made from them must satisfy.</CardDescription>
        </div>
        {editing === "new" ? null : (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              setEditing("new");
              setNotice(null);
            }}
          >
            <Plus aria-hidden="true" />
            Add case
          </Button>
        )}
      </CardHeader>
      <CardContent className="space-y-4">
        {editing === "new" ? (
          <section aria-labelledby="new-case-heading" className="border-border rounded-lg border p-4">
            <h3 id="new-case-heading" className="mb-3 text-sm font-semibold">
              New case
            </h3>
            <CaseForm onSubmit={add} onCancel={() => setEditing(null)} />
          </section>
        ) : null}
        {set.cases.length === 0 && editing !== "new" ? (
          <EmptyState
            icon={ListChecks}
            headingLevel="h3"
            title="No cases in this set"
            description="Add a case by hand, or reject a draft with a reason and promote it from its review page: the reason becomes the case's expectations. A set needs at least one case before it can run."
            className="py-8 sm:py-10"
          />
        ) : (
          <ul className="divide-border divide-y" aria-label="Cases">
            {set.cases.map((c) => (
              <li key={c.id} className="py-4 first:pt-0 last:pb-0" data-testid="golden-case">
                {editing === c.id ? (
                  <section aria-labelledby={`case-${c.id}-heading`}>
                    <h3 id={`case-${c.id}-heading`} className="mb-3 text-sm font-semibold">
                      Edit “{c.name}”
                    </h3>
                    <CaseForm
                      key={c.version}
                      initial={c}
                      notice={notice}
                      onSubmit={(body) => save(c, body)}
                      onCancel={() => {
                        setEditing(null);
                        setNotice(null);
                      }}
                    />
                  </section>
                ) : (
                  <CaseItem
                    c={c}
                    confirming={deleting === c.id}
                    deleteError={deleting === c.id ? deleteError : null}
                    onEdit={() => {
                      setEditing(c.id);
                      setNotice(null);
                    }}
                    onAskDelete={() => {
                      setDeleting(c.id);
                      setDeleteError(null);
                    }}
                    onCancelDelete={() => setDeleting(null)}
                    onDelete={() => remove(c)}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

function CaseItem({
  c,
  confirming,
  deleteError,
  onEdit,
  onAskDelete,
  onCancelDelete,
  onDelete,
}: {
  c: GoldenCaseOut;
  confirming: boolean;
  deleteError: string | null;
  onEdit: () => void;
  onAskDelete: () => void;
  onCancelDelete: () => void;
  onDelete: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const brief = c.brief.length > 220 ? `${c.brief.slice(0, 219)}…` : c.brief;
  return (
    <article aria-labelledby={`case-${c.id}-name`} className="space-y-2">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 space-y-1">
          <h3 id={`case-${c.id}-name`} className="text-sm font-semibold">
            {c.name}
          </h3>
          <div className="flex flex-wrap items-center gap-2 text-xs">
            <Badge tone="neutral">{FORMAT_LABELS[c.format]}</Badge>
            {c.sourceDraftId ? (
              <Link
                href={`/drafts/${c.sourceDraftId}`}
                className="text-primary inline-flex items-center gap-1 hover:underline"
              >
                <FileText aria-hidden="true" className="size-3.5" />
                From draft<span className="sr-only"> {c.name}</span>
              </Link>
            ) : null}
          </div>
        </div>
        <div className="flex gap-1">
          <Button variant="ghost" size="sm" onClick={onEdit}>
            <Pencil aria-hidden="true" />
            Edit<span className="sr-only"> case {c.name}</span>
          </Button>
          <Button variant="ghost" size="sm" onClick={onAskDelete} disabled={confirming}>
            <Trash2 aria-hidden="true" />
            Delete<span className="sr-only"> case {c.name}</span>
          </Button>
        </div>
      </div>
      <p className="text-muted-foreground max-w-3xl text-sm">{brief}</p>
      <div>
        <p className="text-muted-foreground text-xs font-medium tracking-wide uppercase" id={`case-${c.id}-exp`}>
          Expectations
        </p>
        <ul
          aria-labelledby={`case-${c.id}-exp`}
          className="mt-1 flex flex-wrap gap-1.5"
          data-testid="case-expectations"
        >
          {c.expectations.map((a, i) => (
            <li key={i} className="border-border bg-muted/50 rounded-md border px-2 py-0.5 text-xs">
              {assertionLabel(a)}
            </li>
          ))}
        </ul>
      </div>
      {confirming ? (
        <Alert tone="danger" title={`Delete the case “${c.name}”?`}>
          {deleteError ? <p className="font-medium">{deleteError}</p> : <p>This cannot be undone.</p>}
          <div className="mt-3 flex gap-2">
            <Button
              variant="danger"
              size="sm"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                await onDelete();
                setBusy(false);
              }}
            >
              {busy ? <Spinner /> : null}
              Delete the case
            </Button>
            <Button variant="secondary" size="sm" onClick={onCancelDelete} autoFocus>
              Keep it
            </Button>
          </div>
        </Alert>
      ) : null}
    </article>
  );
}
