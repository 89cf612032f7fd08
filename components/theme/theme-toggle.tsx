"use client";

import { Monitor, Moon, Sun, type LucideIcon } from "lucide-react";
import { useTheme } from "next-themes";
import { useRef, useSyncExternalStore, type KeyboardEvent } from "react";

import { cn } from "@/components/lib/cn";

export type ThemeChoice = "light" | "dark" | "system";

export const THEME_OPTIONS: ReadonlyArray<{ value: ThemeChoice; label: string; icon: LucideIcon }> = [
  { value: "light", label: "Light", icon: Sun },
  { value: "dark", label: "Dark", icon: Moon },
  { value: "system", label: "System", icon: Monitor },
];

const subscribeNoop = () => () => {};

/** `false` during SSR and hydration, `true` afterwards: avoids theme hydration mismatches. */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribeNoop,
    () => true,
    () => false,
  );
}

/** Current theme choice (`undefined` until mounted on the client) and a setter. */
export function useThemeChoice(): { theme: ThemeChoice | undefined; setTheme: (theme: ThemeChoice) => void } {
  const { theme, setTheme } = useTheme();
  const isClient = useIsClient();
  const current = isClient && (theme === "light" || theme === "dark" || theme === "system") ? theme : undefined;
  return { theme: current, setTheme };
}

export type ThemeToggleProps = {
  className?: string;
  /** Show text labels next to the icons. */
  showLabels?: boolean;
};

/**
 * Segmented Light / Dark / System switch (WAI-ARIA radio group: arrow keys move
 * and select, one tab stop). Renders identically on server and client until
 * mounted, so there is no hydration mismatch or layout shift.
 */
export function ThemeToggle({ className, showLabels = false }: ThemeToggleProps) {
  const { theme, setTheme } = useThemeChoice();
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const focusable: ThemeChoice = theme ?? "system";

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = THEME_OPTIONS.findIndex((o) => o.value === focusable);
    let next = index;
    if (event.key === "ArrowRight" || event.key === "ArrowDown") next = (index + 1) % THEME_OPTIONS.length;
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp")
      next = (index - 1 + THEME_OPTIONS.length) % THEME_OPTIONS.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = THEME_OPTIONS.length - 1;
    else return;
    event.preventDefault();
    const option = THEME_OPTIONS[next];
    if (!option) return;
    setTheme(option.value);
    refs.current[next]?.focus();
  }

  return (
    <div
      role="radiogroup"
      aria-label="Theme"
      onKeyDown={onKeyDown}
      className={cn("border-border bg-muted inline-flex items-center gap-0.5 rounded-md border p-0.5", className)}
    >
      {THEME_OPTIONS.map((option, i) => {
        const checked = theme === option.value;
        const Icon = option.icon;
        return (
          <button
            key={option.value}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={showLabels ? undefined : option.label}
            title={showLabels ? undefined : option.label}
            tabIndex={option.value === focusable ? 0 : -1}
            onClick={() => setTheme(option.value)}
            className={cn(
              "text-muted-foreground hover:text-foreground inline-flex h-7 items-center justify-center gap-1.5 rounded-[5px] text-xs font-medium transition-colors",
              showLabels ? "px-2.5" : "w-8",
              checked && "bg-background text-foreground shadow-card",
            )}
          >
            <Icon aria-hidden="true" className="size-3.5" />
            {showLabels ? option.label : null}
          </button>
        );
      })}
    </div>
  );
}
