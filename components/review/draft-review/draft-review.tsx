"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useId, useState, type ReactNode } from "react";
import { Alert, type AlertTone } from "@/components/ui/alert";
import { DraftSummaryBar } from "@/components/drafts/draft-summary";
import { PublishPanel } from "@/components/publishing/publish-panel";
import { canPromote, PromoteCard } from "@/components/evals/promote-card";
import { TabList, TabPanel } from "@/components/ui/tab-list";
import { RecordFacts, StepTrace } from "@/components/drafts/record-facts";
import { Loading } from "@/components/inference/fields";
import { detailIssues } from "@/components/drafts/form-errors";
import { ApiError, queryKeys } from "@/lib/query/client";
import type { DraftContent, DraftDetail, DraftFlag } from "@/lib/schemas/drafts";
import { REASON_REQUIRED, type ReviewAction } from "@/lib/schemas/review";
import type { Carry } from "./carry-panel";
import { ChangesPanel, type Compare } from "./changes-panel";
import { Comments } from "./comments";
import { CopyCard } from "./copy-card";
import { DecisionBar } from "./decision-bar";
import { DraftEditor } from "./draft-editor";
import { changedFields, getField, setField } from "./fields";
import { jumpToId } from "./jump";
import { LastDecision } from "./last-decision";
import { ReasonDialog } from "./reason-dialog";
import { reviewApi, reviewKeys, staleVersion } from "./review-api";
import { ReviewFlags } from "./review-flags";
import { ReviewSources, type ActiveSource } from "./review-sources";
import { RevisionHistory } from "./revision-history";
import { StaleView, type Stale } from "./stale-view";

const REVIEW_TABS = ["review", "changes", "history"] as const;
type Tab = (typeof REVIEW_TABS)[number];
type EditState = { base: DraftDetail; content: DraftContent; note: string; carry: Carry | null };
type Notice = { tone: AlertTone; text: string };

const DONE: Record<ReviewAction, string> = {
  approve: "Approved. The draft can now be scheduled and published.",
  request_changes: "Changes requested. The author sees your reason on the draft and in their notifications.",
  reject: "Rejected. The author sees your reason on the draft.",
  submit: "Submitted for review.",
  archive: "Archived.",
  reopen: "Reopened as a draft.",
};

function flagSummary(flags: DraftFlag[]): string {
  if (!flags.length) return "nothing flagged";
  const errors = flags.filter((f) => f.level === "error").length;
  return `${flags.length} ${flags.length === 1 ? "flag" : "flags"}${errors ? ` (${errors} ${errors === 1 ? "error" : "errors"})` : ""}`;
}

/** The message of a refusal, with the field messages of a 422 after it. */
function refusalText(e: Error): string {
  const issues = e instanceof ApiError ? detailIssues(e.details) : [];
  return [e.message, ...issues.map((i) => i.message).filter((m) => m !== e.message)].join(" ");
}

/** `?edit=1` in the address while editing, so a reload (or the queue's `e` shortcut) opens the editor. */
function syncEditParam(on: boolean) {
  const url = new URL(window.location.href);
  if (on) url.searchParams.set("edit", "1");
  else url.searchParams.delete("edit");
  window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
}

/**
 * The review of one draft, under its title: the decision bar (state, assignee, SLA, decisions),
 * the latest decision, then the copy with its flags beside its sources, editing in place, comments,
 * and the Changes and History tabs. Every write carries the version the person saw; a 409 shows
 * what changed instead of overwriting anything.
 *
 * `children` are extra sections of the draft page, shown under the copy (e.g. structured data).
 */
export function DraftReview({ draft, children }: { draft: DraftDetail; children?: ReactNode }) {
  const id = draft.id;
  const tabsId = useId();
  const qc = useQueryClient();
  const params = useSearchParams();
  const stateQuery = useQuery({ queryKey: reviewKeys.state(id), queryFn: () => reviewApi.state(id) });
  const review = stateQuery.data ?? null;

  const [tab, setTab] = useState<Tab>("review");
  const [compare, setCompare] = useState<Compare | null>(null);
  const [edit, setEdit] = useState<EditState | null>(null);
  const [stale, setStale] = useState<Stale | null>(null);
  const [activeSource, setActiveSource] = useState<ActiveSource | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dialog, setDialog] = useState<ReviewAction | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [autoEdit, setAutoEdit] = useState(params.get("edit") === "1");

  // `?edit=1` opens the editor once the review state says this person may edit.
  if (autoEdit && (review || stateQuery.isError)) {
    setAutoEdit(false);
    if (review?.canEdit) setEdit({ base: draft, content: draft.content, note: "", carry: null });
    else
      setNotice({
        tone: "info",
        text: "You cannot edit this draft in its current state, so it opened read-only.",
      });
  }

  function refreshAll() {
    void qc.invalidateQueries({ queryKey: queryKeys.draft(id) });
    void qc.invalidateQueries({ queryKey: queryKeys.draftLists });
  }

  function focusFirstInput() {
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>('[data-testid="draft-editor"] input, [data-testid="draft-editor"] textarea')
        ?.focus(),
    );
  }

  function startEditing() {
    save.reset();
    setNotice(null);
    setTab("review");
    setEdit({ base: draft, content: draft.content, note: "", carry: null });
    syncEditParam(true);
    focusFirstInput();
  }

  function stopEditing() {
    save.reset();
    setEdit(null);
    syncEditParam(false);
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('[data-testid="draft-copy"] button')?.focus({ preventScroll: false }),
    );
  }

  const save = useMutation({
    mutationFn: (v: EditState) =>
      reviewApi.edit(id, {
        version: v.base.version,
        content: v.content,
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
      }),
    onSuccess: (next, v) => {
      qc.setQueryData(queryKeys.draft(id), next);
      void qc.invalidateQueries({ queryKey: reviewKeys.state(id) });
      void qc.invalidateQueries({ queryKey: reviewKeys.revisions(id) });
      void qc.invalidateQueries({ queryKey: queryKeys.draftLists });
      setEdit(null);
      syncEditParam(false);
      const before = v.base.record.flags.length;
      setNotice({
        tone: "success",
        text: `Saved as version ${next.version}. The checks ran again: ${flagSummary(next.record.flags)}${
          before !== next.record.flags.length ? ` (was ${before})` : ""
        }.`,
      });
    },
    onError: (e, v) => {
      const info = staleVersion(e);
      if (!info) return;
      setStale({ base: v.base, info, mine: v.content, note: v.note, decision: null });
      setTab("review");
      refreshAll();
    },
  });

  const decide = useMutation({
    mutationFn: (v: { action: ReviewAction; reason?: string; base: DraftDetail; viaDialog: boolean }) =>
      reviewApi.decide(id, { action: v.action, version: v.base.version, ...(v.reason ? { reason: v.reason } : {}) }),
    onSuccess: (r, v) => {
      qc.setQueryData<DraftDetail>(queryKeys.draft(id), (old) =>
        old ? { ...old, status: r.status, version: r.version } : old,
      );
      refreshAll();
      setDialog(null);
      if (edit) {
        setEdit(null);
        syncEditParam(false);
      }
      setNotice({ tone: v.action === "reject" || v.action === "archive" ? "info" : "success", text: DONE[v.action] });
    },
    onError: (e, v) => {
      const info = staleVersion(e);
      if (info) {
        setDialog(null);
        setStale({
          base: v.base,
          info,
          mine: null,
          note: "",
          decision: { action: v.action, reason: v.reason ?? null },
        });
        setTab("review");
        refreshAll();
        return;
      }
      if (v.viaDialog && e instanceof ApiError && e.status === 422) {
        setDialogError(refusalText(e));
        return;
      }
      setDialog(null);
      setNotice({ tone: "danger", text: refusalText(e) });
      // A 409 (state) or 403 means the page's idea of the draft is out of date: refresh it.
      refreshAll();
    },
  });

  function onAction(action: ReviewAction) {
    setNotice(null);
    if (REASON_REQUIRED.includes(action)) {
      setDialogError(null);
      setDialog(action);
      return;
    }
    decide.mutate({ action, base: draft, viaDialog: false });
  }

  function loadLatest(reapply: boolean) {
    if (!stale) return;
    const { base, mine, note } = stale;
    setStale(null);
    if (mine && review?.canEdit) {
      const changes = changedFields(base.content, mine).map((c) => ({
        ...c,
        theirs: getField(base.content, c.path) !== getField(draft.content, c.path),
      }));
      let content = draft.content;
      if (reapply)
        for (const c of changes)
          if (!c.theirs && getField(content, c.path) !== null) content = setField(content, c.path, c.after);
      setEdit({ base: draft, content, note, carry: changes.length ? { fromVersion: base.version, changes } : null });
      syncEditParam(true);
      focusFirstInput();
    } else if (edit) {
      setEdit(null);
      syncEditParam(false);
    }
    setNotice({
      tone: "info",
      text: `Showing the latest version (${draft.version})${reapply ? " with your edits reapplied where nobody else changed the field" : ""}.`,
    });
  }

  const dirty = edit !== null && (changedFields(edit.base.content, edit.content).length > 0 || edit.note.trim() !== "");
  const blockedReason = stale
    ? "Load the latest version before deciding."
    : dirty
      ? "Save or discard your edits before deciding."
      : null;
  const newerWhileEditing = edit && !stale && draft.version > edit.base.version ? draft.version : null;

  return (
    <>
      {stateQuery.isPending ? (
        <div className="mb-4">
          <Loading>Loading the review…</Loading>
        </div>
      ) : stateQuery.isError ? (
        <Alert tone="warning" className="mb-4" title="Review actions are not available right now">
          {stateQuery.error.message}
        </Alert>
      ) : (
        <DecisionBar
          draftId={id}
          state={stateQuery.data}
          pending={decide.isPending ? (decide.variables?.action ?? null) : null}
          blockedReason={blockedReason}
          onAction={onAction}
        />
      )}
      {review ? <LastDecision state={review} editing={edit !== null} onEdit={startEditing} /> : null}
      <PublishPanel draft={draft} />
      {/* Editors turn a rejection into a golden case (a regression test for prompt changes). */}
      {review && canPromote(review) ? <PromoteCard draftId={id} /> : null}

      <div role="status" aria-live="polite" aria-atomic="true" data-testid="review-notice">
        {notice && notice.tone !== "danger" ? (
          <Alert tone={notice.tone} role="presentation" className="mb-4">
            {notice.text}
          </Alert>
        ) : null}
      </div>
      {notice?.tone === "danger" ? (
        <Alert tone="danger" className="mb-4" title="That did not go through">
          {notice.text}
        </Alert>
      ) : null}

      <DraftSummaryBar draft={draft} />

      <TabList
        label="Draft sections"
        idPrefix={tabsId}
        className="mb-6"
        tabs={REVIEW_TABS}
        labels={{ review: edit ? "Review · editing" : "Review", changes: "Changes", history: "History" }}
        selected={tab}
        onSelect={setTab}
      />

      <TabPanel idPrefix={tabsId} tab="review" selected={tab}>
        {stale ? (
          <StaleView stale={stale} latest={draft} canEdit={review?.canEdit ?? false} onLoadLatest={loadLatest} />
        ) : null}
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="min-w-0 space-y-6">
            <ReviewFlags
              flags={draft.record.flags}
              record={draft.record}
              content={draft.content}
              onShowSource={(s) => {
                setActiveSource({ n: s.n, terms: s.terms });
                requestAnimationFrame(() => jumpToId(`citation-${s.n}`));
              }}
            />
            {edit && !stale ? (
              <>
                {newerWhileEditing ? (
                  <Alert tone="warning" title={`Version ${newerWhileEditing} was saved while you were editing`}>
                    Saving will be refused so nothing is overwritten; you will then see what changed and keep your
                    edits.
                  </Alert>
                ) : null}
                <DraftEditor
                  base={edit.base}
                  content={edit.content}
                  note={edit.note}
                  carry={edit.carry}
                  saving={save.isPending}
                  error={save.isError && !staleVersion(save.error) ? refusalText(save.error) : null}
                  onChange={(content) => setEdit((e) => (e ? { ...e, content } : e))}
                  onNote={(note) => setEdit((e) => (e ? { ...e, note } : e))}
                  onSave={() => save.mutate(edit)}
                  onCancel={stopEditing}
                  onDismissCarry={() => setEdit((e) => (e ? { ...e, carry: null } : e))}
                />
              </>
            ) : (
              <CopyCard draft={draft} onEdit={review?.canEdit && !stale ? startEditing : null} />
            )}
            <Comments draftId={id} people={review?.people ?? []} />
            {children}
            <RecordFacts draft={draft} />
            <StepTrace steps={draft.record.steps} />
          </div>
          <div className="min-w-0">
            <ReviewSources citations={draft.record.citations} active={activeSource} onActivate={setActiveSource} />
          </div>
        </div>
      </TabPanel>
      <TabPanel idPrefix={tabsId} tab="changes" selected={tab}>
        {tab === "changes" ? <ChangesPanel draftId={id} compare={compare} onCompare={setCompare} /> : null}
      </TabPanel>
      <TabPanel idPrefix={tabsId} tab="history" selected={tab}>
        {tab === "history" ? (
          <RevisionHistory
            draftId={id}
            createdAt={draft.createdAt}
            createdBy={draft.createdBy}
            onCompare={(c) => {
              setCompare(c);
              setTab("changes");
            }}
          />
        ) : null}
      </TabPanel>

      <ReasonDialog
        action={dialog}
        version={draft.version}
        pending={decide.isPending}
        serverError={dialogError}
        onSubmit={(reason) => decide.mutate({ action: dialog!, reason, base: draft, viaDialog: true })}
        onClose={() => setDialog(null)}
      />
    </>
  );
}
