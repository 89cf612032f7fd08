"use client";

import { useEffect, useRef, type ReactNode, type RefObject } from "react";

export type MobileNavDrawerProps = {
  id: string;
  open: boolean;
  /** Called on Escape, backdrop click, or when the viewport grows past `md`. */
  onClose: () => void;
  /** Render prop so the close button inside can receive initial focus. */
  children: (closeButtonRef: RefObject<HTMLButtonElement | null>) => ReactNode;
};

/**
 * Modal navigation drawer for narrow screens. The shell marks the rest of the
 * page `inert` while it is open, so focus stays inside.
 */
export function MobileNavDrawer({ id, open, onClose, children }: MobileNavDrawerProps) {
  const closeButtonRef = useRef<HTMLButtonElement | null>(null);
  const onCloseRef = useRef(onClose);

  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    if (!open) return;
    closeButtonRef.current?.focus();

    function onKeyDown(event: KeyboardEvent) {
      if (event.key === "Escape") {
        event.preventDefault();
        onCloseRef.current();
      }
    }
    const desktop = window.matchMedia("(min-width: 48rem)");
    function onMediaChange(event: MediaQueryListEvent) {
      if (event.matches) onCloseRef.current();
    }
    const previousOverflow = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    document.addEventListener("keydown", onKeyDown);
    desktop.addEventListener("change", onMediaChange);
    return () => {
      document.body.style.overflow = previousOverflow;
      document.removeEventListener("keydown", onKeyDown);
      desktop.removeEventListener("change", onMediaChange);
    };
  }, [open]);

  if (!open) return null;

  return (
    <div className="fixed inset-0 z-50 md:hidden">
      <div aria-hidden="true" className="animate-fade-in bg-overlay absolute inset-0" onClick={onClose} />
      <div
        id={id}
        role="dialog"
        aria-modal="true"
        aria-label="Navigation"
        className="animate-drawer-in border-sidebar-border shadow-popover absolute inset-y-0 left-0 flex w-72 max-w-[85vw] flex-col border-r"
      >
        {children(closeButtonRef)}
      </div>
    </div>
  );
}
