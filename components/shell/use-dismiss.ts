"use client";

import { useEffect, type RefObject } from "react";

/**
 * While `open`, calls `onDismiss` on a pointer press outside every element in
 * `refs`. (Escape is handled by each component so it can restore focus.)
 */
export function useDismissOnOutsidePress(
  open: boolean,
  refs: ReadonlyArray<RefObject<HTMLElement | null>>,
  onDismiss: () => void,
): void {
  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      const target = event.target;
      if (!(target instanceof Node)) return;
      if (refs.some((ref) => ref.current?.contains(target))) return;
      onDismiss();
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open, refs, onDismiss]);
}
