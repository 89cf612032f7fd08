import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatUsd } from "@/components/inference/format";
import type { DraftDetail } from "@/lib/schemas/drafts";
import { StepList } from "./step-list";

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="space-y-0.5">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="text-sm leading-5 break-words" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** How the draft was made: engine, prompt, cost, scores, the variants tried, and notes from the pipeline. */
export function RecordFacts({ draft }: { draft: DraftDetail }) {
  const r = draft.record;
  return (
    <Card>
      <CardHeader>
        <CardTitle>How it was made</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        {r.notes.map((n) => (
          <Alert key={n} tone="info">
            {n}
          </Alert>
        ))}
        <dl className="space-y-3">
          <Fact label="Engine" testId="draft-engine">
            {!r.route
              ? "Not recorded"
              : r.route.offline
                ? "The offline engine, a deterministic composer, not an LLM: it assembles the copy from the brief and the retrieved facts with fixed rules."
                : `${r.route.model} via ${r.route.provider}`}
          </Fact>
          <Fact label="Prompt">
            {r.prompt ? (
              <>
                <span className="font-mono text-xs">{r.prompt.key}</span> v{r.prompt.version}
                {r.prompt.label ? ` · ${r.prompt.label}` : ""}
              </>
            ) : (
              "Not recorded"
            )}
          </Fact>
          <Fact label="Cost">{formatUsd(r.costMicros)}</Fact>
          <Fact label="Governance">
            {r.governance.score.total}/100 against brand voice v{r.governance.voiceVersion}
            {r.governance.autoApprove ? " · auto-approved by policy" : ""}
          </Fact>
          <Fact label="Grounding">
            {!r.grounding
              ? "Not checked"
              : r.grounding.factualCount
                ? `${r.grounding.supportedCount} of ${r.grounding.factualCount} factual sentences supported (${r.grounding.method})`
                : "No checkable facts stated"}
          </Fact>
          {r.variants.length > 1 ? (
            <Fact label="Variants">
              <ul className="mt-1 space-y-1">
                {r.variants.map((v) => (
                  <li key={v.index} className="flex items-center gap-2 tabular-nums">
                    Variant {v.index + 1}: score {v.score}, {v.errors} {v.errors === 1 ? "error" : "errors"}
                    {v.kept ? <Badge tone="success">Kept</Badge> : null}
                  </li>
                ))}
              </ul>
            </Fact>
          ) : null}
          <Fact label="Brief">
            <span className="whitespace-pre-wrap">{draft.brief}</span>
          </Fact>
        </dl>
      </CardContent>
    </Card>
  );
}

export function StepTrace({ steps }: { steps: DraftDetail["record"]["steps"] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Pipeline trace</CardTitle>
        <CardDescription>Each step the draft went through, with what it found.</CardDescription>
      </CardHeader>
      <CardContent>
        <StepList steps={steps} aria-label="Pipeline trace" data-testid="draft-trace" />
      </CardContent>
    </Card>
  );
}
