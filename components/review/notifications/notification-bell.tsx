"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell, CheckCheck } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { cn } from "@/components/lib/cn";
import { useDismissOnOutsidePress } from "@/components/shell/use-dismiss";
import { draftHref } from "@/components/drafts/labels";
import { Button } from "@/components/ui/button";
import { api } from "@/lib/query/client";
import type { MarkReadBody, NotificationItem, NotificationPage } from "@/lib/schemas/review";
import { reviewKeys } from "../keys";
import { relativeTime } from "../queue/sla";
import { useNow } from "../queue/use-now";

const POLL_MS = 30_000;

/** `Notifications, 3 unread`: the bell's accessible name carries the count the badge shows. */
export function bellLabel(unread: number): string {
  return unread > 0 ? `Notifications, ${unread} unread` : "Notifications";
}

function markRead(page: NotificationPage | undefined, body: MarkReadBody): NotificationPage | undefined {
  if (!page) return page;
  const ids = new Set(body.ids ?? []);
  let cleared = 0;
  const items = page.items.map((n) => {
    if (n.read || !(body.all || ids.has(n.id))) return n;
    cleared++;
    return { ...n, read: true };
  });
  return { ...page, items, unread: body.all ? 0 : Math.max(0, page.unread - cleared) };
}

/**
 * The header's bell: the unread count (polled every 30 s while the tab is visible), a panel with the
 * latest notifications, "Mark all read", and a click on one marks it read and opens its draft.
 */
export function NotificationBell({ workspaceId }: { workspaceId: string }) {
  const id = useId();
  const panelId = `${id}-panel`;
  const router = useRouter();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const key = reviewKeys.notificationList(workspaceId);
  const list = useQuery({
    queryKey: key,
    queryFn: () => api<NotificationPage>("/api/notifications?limit=20"),
    // TanStack Query pauses the interval while the tab is hidden (refetchIntervalInBackground: false).
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 10_000,
  });

  const read = useMutation({
    mutationFn: (body: MarkReadBody) => api<{ updated: number }>("/api/notifications/read", { method: "POST", body }),
    onMutate: async (body) => {
      await qc.cancelQueries({ queryKey: key });
      const before = qc.getQueryData<NotificationPage>(key);
      qc.setQueryData<NotificationPage>(key, (old) => markRead(old, body));
      return { before };
    },
    onError: (_e, _b, ctx) => qc.setQueryData(key, ctx?.before),
    onSettled: () => qc.invalidateQueries({ queryKey: reviewKeys.notifications }),
  });

  const close = useCallback((restoreFocus: boolean) => {
    setOpen(false);
    if (restoreFocus) triggerRef.current?.focus();
  }, []);
  const dismissRefs = useMemo(() => [containerRef], []);
  const onOutside = useCallback(() => close(false), [close]);
  useDismissOnOutsidePress(open, dismissRefs, onOutside);

  // Opening moves focus into the panel (its heading), so Tab continues through the list.
  useEffect(() => {
    if (open) panelRef.current?.focus();
  }, [open]);

  const unread = list.data?.unread ?? 0;

  function openItem(n: NotificationItem) {
    if (!n.read) read.mutate({ ids: [n.id] });
    close(false);
    if (n.draftId) router.push(draftHref(n.draftId));
  }

  return (
    <div ref={containerRef} className="relative">
      <Button
        ref={triggerRef}
        variant="ghost"
        size="icon"
        aria-label={bellLabel(unread)}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close(false) : setOpen(true))}
        className="relative"
        data-testid="notification-bell"
      >
        <Bell aria-hidden="true" />
        {unread > 0 ? (
          <span
            aria-hidden="true"
            className="bg-danger-solid text-danger-foreground ring-background absolute top-1 right-1 inline-flex h-4 min-w-4 items-center justify-center rounded-full px-1 text-[10px] leading-none font-semibold tabular-nums ring-2"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </Button>

      {open ? (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-labelledby={`${id}-title`}
          tabIndex={-1}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.preventDefault();
              e.stopPropagation();
              close(true);
            }
          }}
          onBlur={(e) => {
            // Tabbing out of the panel closes it, as leaving a menu does.
            if (e.relatedTarget instanceof Node && !containerRef.current?.contains(e.relatedTarget)) close(false);
          }}
          className="animate-pop-in border-border bg-popover text-popover-foreground shadow-popover absolute top-full right-0 z-50 mt-2 w-[min(22rem,calc(100vw-1.5rem))] origin-top-right rounded-lg border outline-none"
        >
          <div className="border-border flex items-center justify-between gap-2 border-b px-3 py-2">
            <h2 id={`${id}-title`} className="text-sm font-semibold">
              Notifications
            </h2>
            <Button
              variant="ghost"
              size="sm"
              disabled={unread === 0 || read.isPending}
              onClick={() => {
                read.mutate({ all: true });
                // The button disables itself; keep focus in the panel rather than losing it to the page.
                panelRef.current?.focus();
              }}
            >
              <CheckCheck aria-hidden="true" />
              Mark all read
            </Button>
          </div>
          <NotificationList
            state={list.isPending ? "loading" : list.isError ? "error" : "ready"}
            error={list.error?.message}
            items={list.data?.items ?? []}
            onOpen={openItem}
          />
        </div>
      ) : null}
    </div>
  );
}

function NotificationList({
  state,
  error,
  items,
  onOpen,
}: {
  state: "loading" | "ready" | "error";
  error: string | undefined;
  items: NotificationItem[];
  onOpen: (n: NotificationItem) => void;
}) {
  const now = useNow(30_000);
  if (state === "loading") return <p className="text-muted-foreground px-3 py-6 text-center text-sm">Loading…</p>;
  if (state === "error")
    return (
      <p role="alert" className="text-danger px-3 py-6 text-center text-sm">
        {error ?? "Notifications could not be loaded."}
      </p>
    );
  if (!items.length) return <p className="text-muted-foreground px-3 py-8 text-center text-sm">No notifications</p>;
  return (
    <ul aria-label="Latest notifications" className="divide-border max-h-[min(26rem,70dvh)] divide-y overflow-y-auto">
      {items.map((n) => {
        const body = (
          <>
            <span
              aria-hidden="true"
              className={cn("mt-1.5 size-2 shrink-0 rounded-full", n.read ? "bg-transparent" : "bg-primary")}
            />
            <span className="min-w-0 flex-1">
              {n.read ? null : <span className="sr-only">Unread: </span>}
              <span className={cn("block text-sm leading-5 break-words", !n.read && "font-medium")}>{n.message}</span>
              <time dateTime={n.createdAt} className="text-muted-foreground block text-xs">
                {relativeTime(n.createdAt, now)}
              </time>
            </span>
          </>
        );
        const cls =
          "flex w-full gap-2.5 px-3 py-2.5 text-left transition-colors hover:bg-muted focus-visible:bg-muted outline-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring";
        return (
          <li key={n.id} data-testid="notification-item">
            {n.draftId ? (
              <Link
                href={draftHref(n.draftId)}
                className={cls}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(n);
                }}
              >
                {body}
              </Link>
            ) : (
              <button type="button" className={cls} onClick={() => onOpen(n)}>
                {body}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
