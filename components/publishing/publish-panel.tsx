"use client";

import { ExternalLink, EyeOff, Globe, RotateCw } from "lucide-react";
import Link from "next/link";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, Spinner, Textarea } from "@/components/inference/fields";
import { LocalDate } from "@/components/knowledge/local-date";
import { staleVersion } from "@/components/review/draft-review/review-api";
import { ApiError } from "@/lib/query/client";
import type { DraftDetail } from "@/lib/schemas/drafts";
import { EVENT_TYPE_LABELS, type EventType, type PublicationState } from "@/lib/schemas/publishing";
import { usePublication, usePublish, useRefreshDraft, useUnpublish } from "./publication-api";

type Mode = "publish" | "unpublish";
type Problem = { title: string; message: string; stale: boolean };
const REASON_MAX = 500;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

function sentTo(event: string, deliveries: number): string {
  return deliveries === 0
    ? `no endpoint subscribes to ${event}`
    : `${event} is on its way to ${plural(deliveries, "endpoint")}`;
}

/** What went wrong, in words for the person who clicked (the server's message, with a title per case). */
function problemOf(e: Error, mode: Mode): Problem {
  const stale = staleVersion(e);
  if (stale)
    return {
      title: "Someone changed this draft — reload",
      message: `It is now version ${stale.version}${stale.status ? ` (${stale.status.replace("_", " ")})` : ""}; nothing was ${
        mode === "publish" ? "published" : "taken down"
      }. Reload to see the latest version, then try again.`,
      stale: true,
    };
  if (e instanceof ApiError && e.code === "conflict:slug_taken")
    return { title: "This address is already taken", message: e.message, stale: false };
  return {
    title: mode === "publish" ? "The page was not published" : "The page was not taken down",
    message: e.message,
    stale: false,
  };
}

/** Whether the panel has anything to say about this draft. */
function relevant(s: PublicationState, format: DraftDetail["format"]): boolean {
  return (
    s.page !== null ||
    s.events.length > 0 ||
    (format === "seo_page" && (s.status === "approved" || s.status === "published"))
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="text-sm font-medium">{children}</dd>
    </div>
  );
}

/**
 * The draft page's publishing card: publish an approved SEO page (after a confirmation), its public
 * address, revision and time once live, unpublish with an optional reason, and the recent events
 * about the draft with how their deliveries went. Every write carries the version on screen; a 409
 * says so instead of publishing something the person did not see.
 */
export function PublishPanel({ draft }: { draft: DraftDetail }) {
  const id = draft.id;
  const headingId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  // After a publish or unpublish the opener button goes away: focus the panel instead.
  const focusPanelOnClose = useRef(false);
  const q = usePublication(id);
  const publish = usePublish(id);
  const unpublish = useUnpublish(id);
  const refresh = useRefreshDraft(id);
  const [dialog, setDialog] = useState<Mode | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const state = q.data;
  if (!state || !relevant(state, draft.format)) return null;

  const pending = publish.isPending || unpublish.isPending;
  const page = state.page;
  const slug = page?.slug ?? draft.slug ?? (draft.content.format === "seo_page" ? draft.content.slug : "");
  const path = page?.path ?? `/p/${slug}`;
  const live = page?.status === "live" && state.status === "published";

  /** The path the server answered with (its URL is absolute when the public origin is known). */
  function pathOf(url: string | null): string {
    if (!url) return path;
    try {
      return new URL(url, window.location.origin).pathname;
    } catch {
      return path;
    }
  }

  function focusPanel() {
    requestAnimationFrame(() => panelRef.current?.focus());
  }

  function afterClose(opener: HTMLElement | null) {
    const toPanel = focusPanelOnClose.current;
    focusPanelOnClose.current = false;
    requestAnimationFrame(() => {
      if (!toPanel && opener?.isConnected && !opener.matches(":disabled")) opener.focus();
      else panelRef.current?.focus();
    });
  }

  function onPublish() {
    setProblem(null);
    setNotice(null);
    publish.mutate(
      { version: draft.version },
      {
        onSuccess: (r) => {
          focusPanelOnClose.current = true;
          setDialog(null);
          setNotice(
            `Published. The page is live at ${pathOf(r.url)} and listed in the sitemap; ${sentTo("page.published", r.deliveries)}.`,
          );
        },
        onError: (e) => {
          setDialog(null);
          setProblem(problemOf(e, "publish"));
        },
      },
    );
  }

  function onUnpublish(reason: string) {
    setProblem(null);
    setNotice(null);
    unpublish.mutate(
      { version: draft.version, ...(reason ? { reason } : {}) },
      {
        onSuccess: (r) => {
          focusPanelOnClose.current = true;
          setDialog(null);
          setNotice(
            `Unpublished. ${pathOf(r.url)} now answers 410 Gone and left the sitemap; ${sentTo("draft.unpublished", r.deliveries)}.`,
          );
        },
        onError: (e) => {
          setDialog(null);
          setProblem(problemOf(e, "unpublish"));
        },
      },
    );
  }

  return (
    <Card
      ref={panelRef}
      role="region"
      aria-labelledby={headingId}
      // Focus lands here when the button that opened a dialog is gone (the state changed).
      tabIndex={-1}
      className="mb-4 outline-none"
      data-testid="publish-panel"
    >
      <CardHeader>
        <CardTitle id={headingId} className="flex items-center gap-2">
          <Globe aria-hidden="true" className="text-muted-foreground size-4" />
          Publishing
          {live ? (
            <Badge tone="success" data-testid="page-status">
              Live
            </Badge>
          ) : page?.status === "unpublished" ? (
            <Badge tone="neutral" data-testid="page-status">
              Taken down
            </Badge>
          ) : null}
        </CardTitle>
        <CardDescription>
          {draft.format === "seo_page"
            ? "Approved pages are served publicly by Lectern, with their structured data, and announced to your endpoints."
            : "Approved emails and ads are sent to the endpoints that subscribe to them."}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {page ? (
          <dl className="flex flex-wrap gap-x-8 gap-y-3">
            <Fact label="Address">
              {live ? (
                <a
                  href={path}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="text-primary inline-flex items-center gap-1 underline-offset-4 hover:underline"
                  data-testid="page-link"
                >
                  {path}
                  <ExternalLink aria-hidden="true" className="size-3.5" />
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
              ) : (
                <span>
                  <code>{path}</code> <span className="text-muted-foreground font-normal">answers 410 Gone</span>
                </span>
              )}
            </Fact>
            <Fact label="Revision">
              <span data-testid="page-revision">{page.revision}</span>
            </Fact>
            <Fact label="First published">
              <LocalDate value={page.publishedAt} />
            </Fact>
            {page.unpublishedAt && !live ? (
              <Fact label="Taken down">
                <LocalDate value={page.unpublishedAt} />
              </Fact>
            ) : null}
          </dl>
        ) : null}

        {state.canPublish || state.canUnpublish ? (
          <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Publishing actions">
            {state.canPublish ? (
              <Button onClick={() => setDialog("publish")} disabled={pending} data-testid="publish-button">
                {publish.isPending ? <Spinner /> : <Globe aria-hidden="true" />}
                {page ? "Publish again" : "Publish page"}
              </Button>
            ) : null}
            {state.canUnpublish ? (
              <Button
                variant="secondary"
                onClick={() => setDialog("unpublish")}
                disabled={pending}
                data-testid="unpublish-button"
              >
                {unpublish.isPending ? <Spinner /> : <EyeOff aria-hidden="true" />}
                Unpublish
              </Button>
            ) : null}
          </div>
        ) : state.blockedReason && draft.format === "seo_page" && state.status !== "published" ? (
          <p className="text-muted-foreground text-sm">{state.blockedReason}</p>
        ) : null}

        <div role="status" aria-live="polite" aria-atomic="true" data-testid="publish-notice">
          {notice ? (
            <Alert tone="success" role="presentation">
              {notice}
            </Alert>
          ) : null}
        </div>
        {problem ? (
          <Alert tone="danger" title={problem.title} data-testid="publish-error">
            <p>{problem.message}</p>
            {problem.stale ? (
              <Button
                variant="secondary"
                size="sm"
                className="mt-2"
                onClick={() => {
                  setProblem(null);
                  refresh();
                  focusPanel();
                }}
              >
                <RotateCw aria-hidden="true" />
                Reload
              </Button>
            ) : null}
          </Alert>
        ) : null}

        {state.events.length ? <EventList events={state.events} /> : null}
      </CardContent>

      <PublishDialog
        mode={dialog}
        path={path}
        pending={pending}
        onPublish={onPublish}
        onUnpublish={onUnpublish}
        onClose={() => setDialog(null)}
        onClosed={afterClose}
      />
    </Card>
  );
}

function EventList({ events }: { events: PublicationState["events"] }) {
  const titleId = useId();
  return (
    <div className="space-y-2">
      <h3 id={titleId} className="text-sm font-semibold">
        Recent events
      </h3>
      <ul aria-labelledby={titleId} className="divide-border divide-y text-sm" data-testid="publish-events">
        {events.map((e) => {
          const label = EVENT_TYPE_LABELS[e.type as EventType] ?? e.type;
          const d = e.deliveries;
          return (
            <li key={e.eventId} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2" data-event-id={e.eventId}>
              <span className="min-w-0 flex-1">
                <code className="font-medium">{e.type}</code>{" "}
                <span className="text-muted-foreground">
                  · <LocalDate value={e.createdAt} />
                </span>
                <span className="sr-only">: {label}</span>
              </span>
              {d.total === 0 ? (
                <span className="text-muted-foreground text-xs">No endpoint subscribes to it</span>
              ) : (
                <span className="flex flex-wrap items-center gap-1.5" aria-label="Deliveries">
                  <Badge tone="success">{d.succeeded} delivered</Badge>
                  <Badge tone={d.pending ? "info" : "neutral"}>{d.pending} pending</Badge>
                  <Badge tone={d.dead ? "danger" : "neutral"}>{d.dead} dead</Badge>
                </span>
              )}
              <Link
                href={`/publishing?tab=deliveries&q=${encodeURIComponent(e.eventId)}`}
                className="text-primary text-xs underline-offset-4 hover:underline"
                aria-label={`Deliveries of ${e.type} (${e.eventId})`}
              >
                View deliveries
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * Confirms a publish, or takes an unpublish reason, in a native modal `<dialog>` (focus stays
 * inside, Escape closes it unless a request is under way); the panel decides where focus goes back.
 */
function PublishDialog({
  mode,
  path,
  pending,
  onPublish,
  onUnpublish,
  onClose,
  onClosed,
}: {
  mode: Mode | null;
  path: string;
  pending: boolean;
  onPublish: () => void;
  onUnpublish: (reason: string) => void;
  onClose: () => void;
  /** After any close (Cancel, Escape, or done), with the element that had focus when it opened. */
  onClosed: (opener: HTMLElement | null) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const id = useId();
  const [reason, setReason] = useState("");
  // The last mode, kept while the dialog animates closed so its text does not vanish first.
  const [shown, setShown] = useState<Mode | null>(mode);
  if (mode !== null && mode !== shown) setShown(mode);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (mode && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!mode && dialog.open) {
      dialog.close();
    }
  }, [mode]);

  function closed() {
    setReason("");
    onClose();
    onClosed(opener.current);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    if (shown === "publish") onPublish();
    else onUnpublish(reason.trim());
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      onCancel={(e) => {
        if (pending) e.preventDefault();
      }}
      onClose={closed}
      className="bg-card text-card-foreground border-border shadow-popover backdrop:bg-overlay m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border p-0"
      data-testid="publish-dialog"
    >
      {shown ? (
        <form onSubmit={submit} noValidate className="space-y-4 p-5">
          <h2 id={`${id}-title`} className="text-base font-semibold">
            {shown === "publish" ? "Publish this page?" : "Unpublish this page?"}
          </h2>
          <p id={`${id}-desc`} className="text-muted-foreground text-sm">
            {shown === "publish" ? (
              <>
                It goes live at <code className="text-foreground">{path}</code> for anyone with the link, is listed in
                the sitemap, and <code>page.published</code> is sent to the endpoints that subscribe to it.
              </>
            ) : (
              <>
                <code className="text-foreground">{path}</code> will answer 410 Gone at once and leave the sitemap, and{" "}
                <code>draft.unpublished</code> is sent to your endpoints. The draft goes back to approved, so it can be
                published again.
              </>
            )}
          </p>
          {shown === "unpublish" ? (
            <Field
              id={`${id}-reason`}
              label="Reason"
              optional
              hint={`Recorded in the audit log and sent with the event. Up to ${REASON_MAX} characters.`}
            >
              {(a11y) => (
                <Textarea
                  {...a11y}
                  rows={3}
                  maxLength={REASON_MAX}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                      e.preventDefault();
                      e.currentTarget.form?.requestSubmit();
                    }
                  }}
                />
              )}
            </Field>
          ) : null}
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="ghost" onClick={() => ref.current?.close()} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" variant={shown === "unpublish" ? "danger" : "primary"} disabled={pending}>
              {pending ? <Spinner /> : null}
              {shown === "publish" ? "Publish page" : "Unpublish page"}
            </Button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
