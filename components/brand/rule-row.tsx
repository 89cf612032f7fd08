import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { Level } from "@/lib/schemas/brand";
import { LEVEL_LABELS, LEVEL_TONES } from "./labels";

/** One rule in a list: level and check id, what it checks, and a note on the right (channels, rule type). */
export function RuleRow({
  check,
  level,
  description,
  aside,
}: {
  check: string;
  level: Level;
  description: string;
  aside: ReactNode;
}) {
  return (
    <li className="flex flex-col gap-1 py-2.5 sm:flex-row sm:items-start sm:gap-4">
      <div className="flex shrink-0 items-center gap-2 sm:w-64">
        <Badge tone={LEVEL_TONES[level]}>{LEVEL_LABELS[level]}</Badge>
        <code className="truncate font-mono text-xs" title={check}>
          {check}
        </code>
      </div>
      <p className="min-w-0 flex-1 text-sm leading-5">{description}</p>
      <p className="text-muted-foreground shrink-0 text-xs sm:text-right">{aside}</p>
    </li>
  );
}
