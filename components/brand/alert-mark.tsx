"use client";

import { Wand2 } from "lucide-react";
import { useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/lib/cn";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { GovernorAlert } from "@/lib/schemas/brand";
import { markLevel, type Mark } from "./annotate";
import { LEVEL_LABELS, LEVEL_TONES } from "./labels";

const UNDERLINES: Record<GovernorAlert["level"], string> = {
  error: "decoration-danger",
  warning: "decoration-warning",
  suggestion: "decoration-info",
};

function fixLabel(a: GovernorAlert): string {
  return a.fix === "" ? `Remove “${a.match}”` : `Replace with “${a.fix}”`;
}

/**
 * An underlined span of checked copy. Focus (Tab) or hover opens a card with each alert's rule,
 * message and fix; the card follows the underline in tab order, so "Apply fix" is one Tab away.
 */
export function AlertMark({
  id,
  mark,
  text,
  canFix,
  onApplyFix,
}: {
  id: string;
  mark: Mark;
  text: string;
  canFix?: boolean;
  /** Without it the card shows the suggested fix as text (read-only views such as a draft page). */
  onApplyFix?: (alert: GovernorAlert) => void;
}) {
  const [hover, setHover] = useState(false);
  const [focusWithin, setFocusWithin] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const markRef = useRef<HTMLElement>(null);
  const level = markLevel(mark);
  const open = (hover || focusWithin) && !dismissed;
  const descId = `${id}-desc`;

  function onKeyDown(e: KeyboardEvent<HTMLSpanElement>) {
    if (e.key === "Escape" && open) {
      e.stopPropagation();
      setDismissed(true);
      markRef.current?.focus();
    }
  }

  return (
    <span
      className="relative"
      onMouseEnter={() => {
        setHover(true);
        setDismissed(false);
      }}
      onMouseLeave={() => setHover(false)}
      onFocus={() => setFocusWithin(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) {
          setFocusWithin(false);
          setDismissed(false);
        }
      }}
      onKeyDown={onKeyDown}
    >
      <mark
        ref={markRef}
        id={id}
        tabIndex={0}
        aria-describedby={descId}
        data-testid="brand-alert-mark"
        data-level={level}
        className={cn(
          "text-foreground cursor-help rounded-sm bg-transparent underline decoration-wavy decoration-2 underline-offset-4",
          "focus-visible:outline-ring focus-visible:bg-muted focus-visible:outline-2 focus-visible:outline-offset-1",
          UNDERLINES[level],
          open && "bg-muted",
        )}
      >
        {text}
      </mark>
      <span id={descId} className="sr-only">
        {mark.alerts.map(({ alert }) => `${LEVEL_LABELS[alert.level]}: ${alert.message} (${alert.check}).`).join(" ")}
        {canFix && mark.alerts.some(({ alert }) => alert.fix !== null) ? " A fix is available: press Tab." : ""}
      </span>
      {open ? (
        <span
          role="group"
          aria-label="Issue details"
          data-testid="brand-alert-card"
          className="animate-pop-in border-border bg-popover text-popover-foreground shadow-popover absolute top-full left-0 z-30 mt-2 block w-80 max-w-[80vw] origin-top-left space-y-3 rounded-lg border p-3 font-sans text-sm leading-5 whitespace-normal"
        >
          {mark.alerts.map(({ alert, index }) => (
            <span key={index} className="block space-y-1.5">
              <span className="flex items-center gap-2">
                <Badge tone={LEVEL_TONES[alert.level]}>{LEVEL_LABELS[alert.level]}</Badge>
                <code className="text-muted-foreground truncate font-mono text-xs">{alert.check}</code>
              </span>
              <span className="block">{alert.message}</span>
              {alert.fix !== null && !onApplyFix ? (
                <span className="text-muted-foreground block text-xs">Suggested fix: {fixLabel(alert)}</span>
              ) : alert.fix !== null && onApplyFix ? (
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={!canFix}
                  title={canFix ? undefined : "The copy changed since it was checked; check it again first."}
                  onClick={() => onApplyFix(alert)}
                  data-testid="brand-apply-fix"
                >
                  <Wand2 aria-hidden="true" />
                  Apply fix: {fixLabel(alert)}
                </Button>
              ) : null}
              {alert.link ? (
                <a
                  href={alert.link}
                  target="_blank"
                  rel="noreferrer"
                  className="text-primary block text-xs underline underline-offset-2"
                >
                  More about this rule
                </a>
              ) : null}
            </span>
          ))}
        </span>
      ) : null}
    </span>
  );
}
