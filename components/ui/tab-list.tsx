"use client";

import { useRef, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "@/components/lib/cn";

/**
 * A WAI-ARIA tab list: one tab in the Tab order (the selected one), arrow keys, Home and End move
 * the selection and the focus. Panels use `id={`${idPrefix}-panel-${tab}`}` and
 * `aria-labelledby={`${idPrefix}-tab-${tab}`}`.
 */
export function TabList<T extends string>({
  label,
  idPrefix,
  tabs,
  labels,
  selected,
  onSelect,
  className,
}: {
  label: string;
  idPrefix: string;
  tabs: readonly T[];
  labels: Record<T, ReactNode>;
  selected: T;
  onSelect: (tab: T) => void;
  /** Extra classes for the list (e.g. a bottom margin). */
  className?: string;
}) {
  const refs = useRef(new Map<T, HTMLButtonElement>());

  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    const i = tabs.indexOf(selected);
    const n = tabs.length;
    const next =
      e.key === "ArrowRight"
        ? tabs[(i + 1) % n]
        : e.key === "ArrowLeft"
          ? tabs[(i - 1 + n) % n]
          : e.key === "Home"
            ? tabs[0]
            : e.key === "End"
              ? tabs[n - 1]
              : undefined;
    if (next === undefined) return;
    e.preventDefault();
    onSelect(next);
    refs.current.get(next)?.focus();
  }

  return (
    <div
      role="tablist"
      aria-label={label}
      className={cn("border-border flex gap-1 overflow-x-auto border-b", className)}
    >
      {tabs.map((t) => (
        <button
          key={t}
          ref={(el) => {
            if (el) refs.current.set(t, el);
            else refs.current.delete(t);
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${t}`}
          aria-selected={selected === t}
          aria-controls={`${idPrefix}-panel-${t}`}
          tabIndex={selected === t ? 0 : -1}
          onClick={() => onSelect(t)}
          onKeyDown={onKeyDown}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
            selected === t
              ? "border-primary text-foreground"
              : "text-muted-foreground hover:text-foreground border-transparent",
          )}
        >
          {labels[t]}
        </button>
      ))}
    </div>
  );
}

/** The panel of one tab: hidden, not unmounted, while another tab is selected (state survives). */
export function TabPanel({
  idPrefix,
  tab,
  selected,
  children,
}: {
  idPrefix: string;
  tab: string;
  selected: string;
  children: ReactNode;
}) {
  return (
    <div
      role="tabpanel"
      id={`${idPrefix}-panel-${tab}`}
      aria-labelledby={`${idPrefix}-tab-${tab}`}
      hidden={tab !== selected}
    >
      {children}
    </div>
  );
}
