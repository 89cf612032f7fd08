import { CircleCheck } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/inference/fields";
import { ProgressBar } from "@/components/knowledge/progress-bar";
import type { PipelineStep } from "@/lib/schemas/drafts";
import { STEP_COUNT, STEP_LABELS } from "./labels";
import { StepList } from "./step-list";
import type { DraftRun } from "./use-draft-stream";

const ORDER = Object.keys(STEP_LABELS) as PipelineStep["name"][];

/** The pipeline's progress while a draft is generated: a bar over the nine steps and each step as it ends. */
export function DraftProgress({ id, run }: { id?: string; run: DraftRun }) {
  const steps = run.state === "idle" ? [] : run.steps;
  const next = ORDER[steps.length];
  return (
    <Card id={id} className="scroll-mt-20">
      <CardHeader>
        <CardTitle>Pipeline</CardTitle>
        <CardDescription>
          {run.state === "idle"
            ? `Each draft goes through ${STEP_COUNT} steps; you see each one here as it finishes.`
            : run.state === "error"
              ? `Stopped after ${steps.length} of ${STEP_COUNT} steps; the message is under the form.`
              : `${steps.length} of ${STEP_COUNT} steps done`}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {run.state === "idle" ? (
          <ol className="text-muted-foreground list-decimal space-y-1 pl-5 text-sm">
            {ORDER.map((n) => (
              <li key={n}>{STEP_LABELS[n]}</li>
            ))}
          </ol>
        ) : (
          <>
            <ProgressBar
              label="Pipeline progress"
              value={steps.length}
              max={STEP_COUNT}
              valueText={`${steps.length} of ${STEP_COUNT} steps`}
              tone={run.state === "error" ? "danger" : run.state === "done" ? "success" : "primary"}
            />
            <StepList steps={steps} aria-live="polite" aria-relevant="additions" aria-label="Pipeline steps" />
            {run.state === "running" ? (
              <p className="text-muted-foreground flex items-center gap-2 text-sm">
                <Spinner />
                {next ? `${STEP_LABELS[next]}…` : "Finishing…"}
              </p>
            ) : null}
            {run.state === "done" ? (
              <p role="status" className="text-success flex items-center gap-2 text-sm font-medium">
                <CircleCheck aria-hidden="true" className="size-4" />
                Saved. Opening the draft…
              </p>
            ) : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}
