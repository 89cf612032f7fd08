"use client";

import { Check, ChevronsUpDown, LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useRef, useState, useTransition, type KeyboardEvent } from "react";

import { cn } from "@/components/lib/cn";
import { initials, ROLE_LABELS, type StudioRole } from "@/components/shell/nav-items";
import { useDismissOnOutsidePress } from "@/components/shell/use-dismiss";

export type SwitcherWorkspace = { id: string; name: string; slug: string; role: StudioRole };

export type WorkspaceSwitcherProps = {
  workspaces: SwitcherWorkspace[];
  activeWorkspaceId: string;
  role: StudioRole;
};

async function readErrorMessage(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    if (body && typeof body === "object" && "error" in body) {
      const error = (body as { error?: unknown }).error;
      if (error && typeof error === "object" && "message" in error) {
        const message = (error as { message?: unknown }).message;
        if (typeof message === "string" && message.trim()) return message;
      }
    }
  } catch {
    // Not JSON: fall through to the generic message.
  }
  return `Could not switch workspace (HTTP ${response.status}).`;
}

function WorkspaceTile({ name, className }: { name: string; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "border-border bg-background text-foreground inline-flex size-6 shrink-0 items-center justify-center rounded-md border text-[11px] font-semibold",
        className,
      )}
    >
      {initials(name).slice(0, 1)}
    </span>
  );
}

/**
 * Button + listbox (WAI-ARIA "select-only combobox"-style popup) listing the
 * user's workspaces. Selecting one POSTs to /api/session/workspace and then
 * refreshes the server-rendered tree.
 */
export function WorkspaceSwitcher({ workspaces, activeWorkspaceId, role }: WorkspaceSwitcherProps) {
  const router = useRouter();
  const id = useId();
  const listboxId = `${id}-listbox`;
  const errorId = `${id}-error`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const triggerRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);

  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [switchingTo, setSwitchingTo] = useState<SwitcherWorkspace | null>(null);
  const [isRefreshing, startTransition] = useTransition();
  const typeahead = useRef({ text: "", time: 0 });

  const active = workspaces.find((w) => w.id === activeWorkspaceId);
  const activeName = active?.name ?? "Workspace";
  const busy = switchingTo !== null || isRefreshing;
  const selectedIndex = Math.max(
    0,
    workspaces.findIndex((w) => w.id === activeWorkspaceId),
  );

  const close = useCallback((restoreFocus: boolean) => {
    setOpen(false);
    if (restoreFocus) triggerRef.current?.focus();
  }, []);

  const dismissRefs = useMemo(() => [containerRef], []);
  const onOutside = useCallback(() => close(false), [close]);
  useDismissOnOutsidePress(open, dismissRefs, onOutside);

  // Move focus into the listbox when it opens (options use aria-activedescendant).
  useEffect(() => {
    if (open) listRef.current?.focus();
  }, [open]);

  // Keep the highlighted option visible.
  useEffect(() => {
    if (!open) return;
    document.getElementById(`${id}-option-${activeIndex}`)?.scrollIntoView({ block: "nearest" });
  }, [open, activeIndex, id]);

  function openList(index: number = selectedIndex) {
    if (busy) return;
    setError(null);
    setActiveIndex(Math.min(Math.max(index, 0), Math.max(workspaces.length - 1, 0)));
    setOpen(true);
  }

  async function choose(workspace: SwitcherWorkspace | undefined) {
    close(true);
    if (!workspace || workspace.id === activeWorkspaceId) return;
    setError(null);
    setSwitchingTo(workspace);
    try {
      const response = await fetch("/api/session/workspace", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ workspaceId: workspace.id }),
      });
      if (!response.ok) {
        setError(await readErrorMessage(response));
        return;
      }
      startTransition(() => router.refresh());
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    } finally {
      setSwitchingTo(null);
    }
  }

  function onTriggerKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      openList(event.key === "ArrowUp" && !open ? workspaces.length - 1 : selectedIndex);
    }
  }

  function onListKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const last = workspaces.length - 1;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        setActiveIndex((i) => Math.min(i + 1, last));
        return;
      case "ArrowUp":
        event.preventDefault();
        setActiveIndex((i) => Math.max(i - 1, 0));
        return;
      case "Home":
      case "PageUp":
        event.preventDefault();
        setActiveIndex(0);
        return;
      case "End":
      case "PageDown":
        event.preventDefault();
        setActiveIndex(last);
        return;
      case "Enter":
      case " ":
        event.preventDefault();
        void choose(workspaces[activeIndex]);
        return;
      case "Escape":
        event.preventDefault();
        event.stopPropagation();
        close(true);
        return;
      case "Tab":
        close(false);
        return;
      default:
        if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
          const now = Date.now();
          const buffer = now - typeahead.current.time > 600 ? event.key : typeahead.current.text + event.key;
          typeahead.current = { text: buffer, time: now };
          const needle = buffer.toLowerCase();
          const start = buffer.length === 1 ? activeIndex + 1 : activeIndex;
          for (let step = 0; step < workspaces.length; step++) {
            const index = (start + step) % workspaces.length;
            if (workspaces[index]?.name.toLowerCase().startsWith(needle)) {
              setActiveIndex(index);
              break;
            }
          }
        }
    }
  }

  return (
    <div ref={containerRef} className="relative">
      <button
        ref={triggerRef}
        type="button"
        aria-haspopup="listbox"
        aria-label={`Switch workspace. Current: ${activeName}, role: ${ROLE_LABELS[role]}`}
        aria-expanded={open}
        aria-controls={open ? listboxId : undefined}
        aria-describedby={error ? errorId : undefined}
        aria-busy={busy || undefined}
        onClick={() => (open ? close(false) : openList())}
        onKeyDown={onTriggerKeyDown}
        className={cn(
          "flex h-11 w-full items-center gap-2.5 rounded-md border border-transparent px-2 text-left transition-colors",
          "hover:bg-sidebar-accent aria-expanded:border-sidebar-border aria-expanded:bg-sidebar-accent",
        )}
      >
        <WorkspaceTile name={activeName} />
        <span className="min-w-0 flex-1">
          <span className="text-sidebar-accent-foreground block truncate text-[13px] leading-4 font-medium">
            {activeName}
          </span>
          <span className="text-sidebar-muted-foreground block truncate text-xs leading-4">{ROLE_LABELS[role]}</span>
        </span>
        {busy ? (
          <LoaderCircle aria-hidden="true" className="text-sidebar-muted-foreground size-4 shrink-0 animate-spin" />
        ) : (
          <ChevronsUpDown aria-hidden="true" className="text-sidebar-muted-foreground size-4 shrink-0" />
        )}
      </button>

      <p className="sr-only" role="status">
        {switchingTo ? `Switching to ${switchingTo.name}…` : ""}
      </p>

      {error ? (
        <p
          id={errorId}
          role="alert"
          className="border-danger-border bg-danger-subtle text-danger mt-1.5 rounded-md border px-2.5 py-1.5 text-xs leading-4"
        >
          {error}
        </p>
      ) : null}

      {open ? (
        <div className="animate-pop-in border-border bg-popover text-popover-foreground shadow-popover absolute inset-x-0 top-full z-50 mt-1 origin-top rounded-lg border p-1">
          <div aria-hidden="true" className="text-muted-foreground px-2 pt-1.5 pb-1 text-xs font-medium">
            Workspaces
          </div>
          <ul
            ref={listRef}
            id={listboxId}
            role="listbox"
            aria-label="Workspaces"
            tabIndex={-1}
            aria-activedescendant={workspaces.length > 0 ? optionId(activeIndex) : undefined}
            onKeyDown={onListKeyDown}
            className="max-h-72 overflow-y-auto focus-visible:outline-none"
          >
            {workspaces.map((workspace, index) => {
              const selected = workspace.id === activeWorkspaceId;
              const highlighted = index === activeIndex;
              return (
                <li
                  key={workspace.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={selected}
                  onClick={() => void choose(workspace)}
                  onMouseMove={() => {
                    if (!highlighted) setActiveIndex(index);
                  }}
                  className={cn(
                    "flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm",
                    highlighted && "bg-muted ring-ring/60 ring-1 ring-inset",
                  )}
                >
                  <WorkspaceTile name={workspace.name} />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate leading-5 font-medium">{workspace.name}</span>
                    <span className="text-muted-foreground block truncate text-xs leading-4">
                      {ROLE_LABELS[workspace.role]} · {workspace.slug}
                    </span>
                  </span>
                  <Check aria-hidden="true" className={cn("text-primary size-4 shrink-0", !selected && "invisible")} />
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
