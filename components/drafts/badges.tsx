import { Badge } from "@/components/ui/badge";
import type { DraftStatus, DraftSummary } from "@/lib/schemas/drafts";
import { FLAG_LEVEL, flagLevelOf, STATUS, VERDICT } from "./labels";

export function StatusBadge({ status }: { status: DraftStatus }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}

export function VerdictBadge({ verdict }: { verdict: DraftSummary["verdict"] }) {
  return (
    <Badge tone={VERDICT[verdict].tone}>
      <span className="sr-only">Verdict: </span>
      {VERDICT[verdict].label}
    </Badge>
  );
}

/** "3 flags · Error", or "No flags". */
export function FlagSummary({ count, level }: { count: number; level: number }) {
  const worst = flagLevelOf(level);
  if (count === 0 || !worst) return <span className="text-muted-foreground">No flags</span>;
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <span className="tabular-nums">
        {count} {count === 1 ? "flag" : "flags"}
      </span>
      <Badge tone={FLAG_LEVEL[worst].tone}>
        <span className="sr-only">worst: </span>
        {FLAG_LEVEL[worst].label}
      </Badge>
    </span>
  );
}
