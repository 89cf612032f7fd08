"use client";

import { Check, LoaderCircle, LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";

import { cn } from "@/components/lib/cn";
import { initials, ROLE_LABELS, type StudioRole } from "@/components/shell/nav-items";
import { useDismissOnOutsidePress } from "@/components/shell/use-dismiss";
import { THEME_OPTIONS, useThemeChoice } from "@/components/theme/theme-toggle";
import { Badge } from "@/components/ui/badge";

export type UserMenuProps = {
  user: { id: string; name: string; email: string };
  role: StudioRole;
};

export function Avatar({ name, email, className }: { name: string; email: string; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "bg-accent text-accent-foreground ring-primary/20 inline-flex size-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold ring-1",
        className,
      )}
    >
      {initials(name, email)}
    </span>
  );
}

/**
 * WAI-ARIA menu button. The popup shows who is signed in, a Light/Dark/System
 * theme choice (menuitemradio) and "Sign out" (menuitem).
 */
export function UserMenu({ user, role }: UserMenuProps) {
  const id = useId();
  const menuId = `${id}-menu`;
  const [open, setOpen] = useState(false);
  const [initialFocus, setInitialFocus] = useState<"first" | "last">("first");
  const [signingOut, setSigningOut] = useState(false);
  const { theme, setTheme } = useThemeChoice();

  const containerRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  const close = useCallback((restoreFocus: boolean) => {
    setOpen(false);
    if (restoreFocus) triggerRef.current?.focus();
  }, []);

  const dismissRefs = useMemo(() => [containerRef], []);
  const onOutside = useCallback(() => close(false), [close]);
  useDismissOnOutsidePress(open, dismissRefs, onOutside);

  function items(): HTMLElement[] {
    return Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []);
  }

  useEffect(() => {
    if (!open) return;
    const list = items();
    (initialFocus === "last" ? list[list.length - 1] : list[0])?.focus();
  }, [open, initialFocus]);

  function openMenu(focus: "first" | "last") {
    setInitialFocus(focus);
    setOpen(true);
  }

  function onTriggerKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      openMenu(event.key === "ArrowUp" ? "last" : "first");
    }
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const list = items();
    const index = list.findIndex((el) => el === document.activeElement);
    const focusAt = (i: number) => list[(i + list.length) % list.length]?.focus();
    switch (event.key) {
      case "ArrowDown":
      case "ArrowRight":
        event.preventDefault();
        focusAt(index + 1);
        return;
      case "ArrowUp":
      case "ArrowLeft":
        event.preventDefault();
        focusAt(index - 1);
        return;
      case "Home":
        event.preventDefault();
        focusAt(0);
        return;
      case "End":
        event.preventDefault();
        focusAt(list.length - 1);
        return;
      case "Escape":
        event.preventDefault();
        event.stopPropagation();
        close(true);
        return;
      case "Tab":
        close(false);
        return;
    }
  }

  async function onSignOut() {
    if (signingOut) return;
    setSigningOut(true);
    try {
      await signOut({ redirectTo: "/login" });
    } catch {
      setSigningOut(false);
    }
  }

  const itemClass =
    "flex w-full items-center gap-2.5 rounded-md px-2 py-1.5 text-left text-sm text-popover-foreground outline-none transition-colors hover:bg-muted focus-visible:bg-muted focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring";

  return (
    <div ref={containerRef} className="relative">
      <button
        ref={triggerRef}
        type="button"
        aria-label="User menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openMenu("first"))}
        onKeyDown={onTriggerKeyDown}
        className="hover:bg-muted aria-expanded:bg-muted flex items-center rounded-full p-0.5 transition-colors"
      >
        <Avatar name={user.name} email={user.email} />
      </button>

      {open ? (
        <div className="animate-pop-in border-border bg-popover text-popover-foreground shadow-popover absolute top-full right-0 z-50 mt-2 w-72 origin-top-right rounded-lg border">
          <div className="border-border flex items-start gap-3 border-b p-3">
            <Avatar name={user.name} email={user.email} className="size-9" />
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm leading-5 font-medium">{user.name}</p>
              <p className="text-muted-foreground truncate text-xs leading-4">{user.email}</p>
              <Badge className="mt-2">
                <span className="sr-only">Role: </span>
                {ROLE_LABELS[role]}
              </Badge>
            </div>
          </div>

          <div ref={menuRef} id={menuId} role="menu" aria-label="User menu" onKeyDown={onMenuKeyDown} className="p-1">
            <div role="group" aria-label="Theme">
              <p aria-hidden="true" className="text-muted-foreground px-2 pt-1.5 pb-1 text-xs font-medium">
                Theme
              </p>
              {THEME_OPTIONS.map((option) => {
                const Icon = option.icon;
                const checked = theme === option.value;
                return (
                  <button
                    key={option.value}
                    type="button"
                    role="menuitemradio"
                    aria-checked={checked}
                    tabIndex={-1}
                    onClick={() => setTheme(option.value)}
                    className={itemClass}
                  >
                    <Icon aria-hidden="true" className="text-muted-foreground size-4" />
                    <span className="flex-1">{option.label}</span>
                    <Check aria-hidden="true" className={cn("text-primary size-4", !checked && "invisible")} />
                  </button>
                );
              })}
            </div>
            <div role="separator" className="bg-border mx-1 my-1 h-px" />
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              aria-disabled={signingOut || undefined}
              onClick={() => void onSignOut()}
              className={itemClass}
            >
              {signingOut ? (
                <LoaderCircle aria-hidden="true" className="text-muted-foreground size-4 animate-spin" />
              ) : (
                <LogOut aria-hidden="true" className="text-muted-foreground size-4" />
              )}
              <span className="flex-1">Sign out</span>
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
