"use client";

import { Square } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Spinner } from "@/components/inference/fields";
import { Dialog } from "@/components/review/queue/dialog";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FIELD_LABELS, type ExperimentOut } from "@/lib/schemas/experiments";
import { useStopExperiment } from "./api";
import { curlLines, pct } from "./format";

function PhaseLine({ e }: { e: ExperimentOut }) {
  if (e.phase === "stopped")
    return <>Stopped {e.stoppedAt ? new Date(e.stoppedAt).toLocaleString() : ""}: no new assignments or outcomes.</>;
  if (e.phase === "guardrail") {
    const fewest = Math.min(...e.arms.map((a) => a.impressions));
    return (
      <>
        Learning: traffic is split evenly until every arm has {e.minSamples.toLocaleString()} impressions (the fewest so
        far: {fewest.toLocaleString()}).
      </>
    );
  }
  return (
    <>
      Optimising: each new visitor gets an arm with the probability that it is the best, and every arm keeps at least{" "}
      {pct(e.floor, 0)} of traffic.
    </>
  );
}

export function ExperimentCard({ e, canEdit, origin }: { e: ExperimentOut; canEdit: boolean; origin: string }) {
  const [confirming, setConfirming] = useState(false);
  const stop = useStopExperiment();
  const leader = e.arms.reduce((best, a) => (a.probabilityBest > best.probabilityBest ? a : best), e.arms[0]!);
  const curl = curlLines(origin, e.id);
  const metricLabel = e.metric === "click" ? "CTR" : "Conversion rate";

  return (
    <Card data-testid="experiment">
      <CardHeader>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0 flex-1 space-y-1">
            <CardTitle as="h2" className="flex flex-wrap items-center gap-2">
              {e.name}
              <Badge tone={e.phase === "stopped" ? "neutral" : e.phase === "bandit" ? "success" : "info"}>
                {e.phase === "stopped" ? "Stopped" : e.phase === "bandit" ? "Optimising" : "Learning"}
              </Badge>
            </CardTitle>
            <p className="text-muted-foreground text-sm">
              {FIELD_LABELS[e.field]} of{" "}
              <Link className="text-foreground underline underline-offset-2" href={`/drafts/${e.draft.id}`}>
                {e.draft.title}
              </Link>{" "}
              · optimises {e.metric === "click" ? "clicks" : "conversions"} per impression
            </p>
            <p className="text-muted-foreground text-sm" data-testid="phase">
              <PhaseLine e={e} />
            </p>
          </div>
          {canEdit && e.status === "running" ? (
            <Button variant="secondary" size="sm" className="shrink-0" onClick={() => setConfirming(true)}>
              <Square aria-hidden="true" /> Stop
            </Button>
          ) : null}
        </div>
      </CardHeader>
      <CardContent className="space-y-4">
        <DataTable
          caption={`Arms of ${e.name}`}
          columns={[
            "Arm",
            "Text",
            "Impressions",
            "Clicks",
            "Conversions",
            metricLabel,
            "Probability best",
            "Traffic now",
          ]}
        >
          {e.arms.map((a) => (
            <tr key={a.key} data-arm={a.key}>
              <td className="py-2 pr-4 font-mono">{a.key}</td>
              <td className="max-w-xs py-2 pr-4">
                <span className="text-muted-foreground block text-xs">{a.label}</span>
                {a.text}
              </td>
              <td className="py-2 pr-4 tabular-nums" data-col="impressions">
                {a.impressions.toLocaleString()}
              </td>
              <td className="py-2 pr-4 tabular-nums" data-col="clicks">
                {a.clicks.toLocaleString()}
              </td>
              <td className="py-2 pr-4 tabular-nums" data-col="conversions">
                {a.conversions.toLocaleString()}
              </td>
              <td className="py-2 pr-4 tabular-nums">{pct(a.rate)}</td>
              <td className="py-2 pr-4">
                <div className="flex items-center gap-2">
                  <div
                    className="bg-muted h-2 w-24 overflow-hidden rounded-full"
                    role="meter"
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={Math.round(a.probabilityBest * 100)}
                    aria-label={`Probability arm ${a.key} is best`}
                  >
                    <div
                      className={a.key === leader.key ? "bg-primary h-full" : "bg-muted-foreground/50 h-full"}
                      style={{ width: `${(a.probabilityBest * 100).toFixed(1)}%` }}
                    />
                  </div>
                  <span className="tabular-nums">{pct(a.probabilityBest, 0)}</span>
                </div>
              </td>
              <td className="py-2 tabular-nums">{e.status === "running" ? pct(a.trafficShare, 0) : "—"}</td>
            </tr>
          ))}
        </DataTable>
        <details className="text-sm">
          <summary className="text-muted-foreground cursor-pointer">
            Post-backs through API v1 (an API key with the write scope)
          </summary>
          <div className="mt-2 space-y-2">
            <p className="text-muted-foreground">
              Ask for a unit&apos;s arm (sticky: the same unitId always gets the same arm; the first ask counts an
              impression), then post clicks or conversions with your own eventId (a retry counts once).
            </p>
            {[curl.assign, curl.outcome, curl.read].map((line) => (
              <pre key={line} className="bg-muted overflow-x-auto rounded-md p-2 font-mono text-xs">
                {line}
              </pre>
            ))}
          </div>
        </details>
      </CardContent>
      <Dialog
        open={confirming}
        onClose={() => {
          stop.reset();
          setConfirming(false);
        }}
        alert
        title="Stop this experiment?"
        description="New units get no arm (409), and outcomes are no longer counted. Units already assigned keep their arm. The numbers stay here; this cannot be undone."
      >
        <div className="space-y-4">
          {stop.error ? <Alert tone="danger">{stop.error.message}</Alert> : null}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" data-autofocus="" onClick={() => setConfirming(false)} disabled={stop.isPending}>
              Cancel
            </Button>
            <Button
              variant="danger"
              disabled={stop.isPending}
              onClick={() => stop.mutate(e, { onSuccess: () => setConfirming(false) })}
            >
              {stop.isPending ? <Spinner /> : <Square aria-hidden="true" />}
              Stop experiment
            </Button>
          </div>
        </div>
      </Dialog>
    </Card>
  );
}
