import type { ComponentProps } from "react";
import { cn } from "@/components/lib/cn";
import { Badge } from "@/components/ui/badge";
import { formatMs } from "@/components/inference/format";
import type { PipelineStep } from "@/lib/schemas/drafts";
import { STEP_LABELS, STEP_STATUS } from "./labels";

/** Pipeline steps as they ran: name, status, time and what each found (the progress list and the trace). */
export function StepList({
  steps,
  className,
  ...props
}: { steps: PipelineStep[] } & Omit<ComponentProps<"ol">, "children">) {
  return (
    <ol className={cn("divide-border divide-y", className)} {...props}>
      {steps.map((s, i) => (
        <li key={`${s.name}-${i}`} className="py-2 first:pt-0 last:pb-0" data-testid="pipeline-step" data-step={s.name}>
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="text-muted-foreground w-4 text-xs tabular-nums">{i + 1}.</span>
            <span className="text-sm font-medium">{STEP_LABELS[s.name] ?? s.name}</span>
            <Badge tone={STEP_STATUS[s.status].tone}>{STEP_STATUS[s.status].label}</Badge>
            <span className="text-muted-foreground ml-auto text-xs tabular-nums">{formatMs(s.ms)}</span>
          </div>
          <p className="text-muted-foreground mt-0.5 pl-6 text-[13px] leading-5 break-words">{s.summary}</p>
        </li>
      ))}
    </ol>
  );
}
