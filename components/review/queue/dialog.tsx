"use client";

import { X } from "lucide-react";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { cn } from "@/components/lib/cn";
import { Button } from "@/components/ui/button";

/**
 * A modal dialog on the native `<dialog>` element: `showModal()` makes the page behind it inert and
 * keeps focus inside, Escape (the `cancel` event) and a click on the backdrop close it, and focus
 * returns to whatever had it before the dialog opened. Mark the control that should get focus
 * first with `data-autofocus`.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  alert = false,
  className,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** `role="alertdialog"`: a confirmation that interrupts. */
  alert?: boolean;
  className?: string;
}) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      d.showModal();
      // React's autoFocus runs before showModal(), which would move focus to the first button.
      d.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  // Closing by unmount (the parent stops rendering it) must also give focus back.
  useEffect(() => {
    const d = ref.current;
    return () => {
      if (d?.open) d.close();
      const el = returnTo.current;
      if (el?.isConnected) el.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      role={alert ? "alertdialog" : undefined}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-desc` : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClose={() => {
        const el = returnTo.current;
        returnTo.current = null;
        if (el?.isConnected) el.focus();
      }}
      onClick={(e) => {
        // A click on the dialog element itself is a click on the backdrop (the content fills the box).
        if (e.target === e.currentTarget) onClose();
      }}
      className={cn(
        "border-border bg-popover text-popover-foreground shadow-popover backdrop:bg-overlay fixed inset-0 m-auto h-fit max-h-[85dvh] w-[min(32rem,calc(100vw-2rem))] overflow-y-auto rounded-lg border p-0",
        "open:animate-pop-in",
        className,
      )}
    >
      {open ? (
        <div className="p-5">
          <div className="flex items-start justify-between gap-4">
            <h2 id={`${id}-title`} className="text-base leading-6 font-semibold tracking-tight">
              {title}
            </h2>
            <Button variant="ghost" size="icon-sm" className="-mt-1 -mr-2" aria-label="Close" onClick={onClose}>
              <X aria-hidden="true" />
            </Button>
          </div>
          {description ? (
            <div id={`${id}-desc`} className="text-muted-foreground mt-1 text-sm leading-6">
              {description}
            </div>
          ) : null}
          <div className="mt-4">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}
