/** Moving the reader to a place on the page: scroll it into view, flash it, and move focus there. */

function reducedMotion(): boolean {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/** Scrolls to the element, flashes a highlight on it, and focuses it (without a second scroll). */
export function jumpTo(el: HTMLElement, opts: { focus?: boolean } = {}): void {
  el.scrollIntoView({ block: "center", behavior: reducedMotion() ? "auto" : "smooth" });
  const css = getComputedStyle(document.documentElement);
  const ring = css.getPropertyValue("--ring").trim() || "currentColor";
  const bg = css.getPropertyValue("--warning-subtle").trim() || "transparent";
  el.animate(
    [
      { boxShadow: `0 0 0 3px ${ring}`, backgroundColor: bg },
      { boxShadow: `0 0 0 3px ${ring}`, backgroundColor: bg, offset: 0.6 },
      { boxShadow: "0 0 0 3px transparent", backgroundColor: "transparent" },
    ],
    { duration: reducedMotion() ? 1 : 2400, easing: "ease-out" },
  );
  if (opts.focus !== false) {
    if (!el.matches("a, button, input, textarea, select, [tabindex]")) el.setAttribute("tabindex", "-1");
    el.focus({ preventScroll: true });
  }
}

/** Jumps to the element with this id; false when it is not on the page. */
export function jumpToId(id: string, opts?: { focus?: boolean }): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  jumpTo(el, opts);
  return true;
}
