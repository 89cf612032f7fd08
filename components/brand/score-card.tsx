import { CircleCheck, TriangleAlert } from "lucide-react";
import { cn } from "@/components/lib/cn";
import { Badge } from "@/components/ui/badge";
import type { CheckResult } from "@/lib/schemas/brand";
import { SCORE_CATEGORIES } from "./labels";

function tone(score: number): string {
  return score >= 85 ? "bg-success" : score >= 60 ? "bg-warning" : "bg-danger";
}

/** The governance score: total, four category bars, verdict and what the policy would do. */
export function ScoreCard({ result, previousTotal }: { result: CheckResult; previousTotal: number | null }) {
  const delta = previousTotal === null ? 0 : result.score.total - previousTotal;
  return (
    <div className="space-y-4" data-testid="brand-score">
      <div className="flex items-end justify-between gap-3">
        <div>
          <p className="text-muted-foreground text-xs">Score</p>
          <p className="text-4xl leading-none font-semibold tabular-nums" data-testid="brand-score-total">
            {result.score.total}
            <span className="text-muted-foreground text-base font-normal">/100</span>
          </p>
          {delta !== 0 ? (
            <p className={cn("mt-1 text-xs tabular-nums", delta > 0 ? "text-success" : "text-danger")}>
              {delta > 0 ? `+${delta}` : delta} since the last check
            </p>
          ) : null}
        </div>
        <div className="flex flex-col items-end gap-1.5">
          {result.verdict === "pass" ? (
            <Badge tone="success" data-testid="brand-verdict">
              <CircleCheck aria-hidden="true" />
              Pass
            </Badge>
          ) : (
            <Badge tone="warning" data-testid="brand-verdict">
              <TriangleAlert aria-hidden="true" />
              Needs review
            </Badge>
          )}
          <span className="text-muted-foreground text-right text-xs" data-testid="brand-auto-approve">
            {result.autoApprove ? "Policy would auto-approve" : "Policy would not auto-approve"}
          </span>
        </div>
      </div>
      <ul className="space-y-2.5">
        {SCORE_CATEGORIES.map(({ key, label }) => {
          const v = result.score.categories[key] ?? 100;
          return (
            <li key={key} className="space-y-1">
              <div className="flex justify-between text-xs">
                <span>{label}</span>
                <span className="tabular-nums">{v}</span>
              </div>
              <div
                role="meter"
                aria-label={`${label} score`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={v}
                className="bg-muted h-1.5 overflow-hidden rounded-full"
              >
                <div className={cn("h-full rounded-full transition-[width]", tone(v))} style={{ width: `${v}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
      <p className="text-muted-foreground text-xs">Checked against brand voice version {result.voiceVersion}.</p>
    </div>
  );
}
