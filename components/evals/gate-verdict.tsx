"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Loading } from "@/components/inference/fields";
import { api, queryKeys } from "@/lib/query/client";
import type { GateVerdict, RunSummary } from "@/lib/schemas/golden-sets";

/** Query key of one gate verdict; under `["evals"]` so anything that changes runs refreshes it. */
export const gateKey = (promptKey: string, versionId: string) =>
  [...queryKeys.evals, "gate", promptKey, versionId] as const;

/** `GET /api/evals/gate/:key/:versionId`: whether moving `production` to the version would pass. */
export function useGateVerdict(promptKey: string, versionId: string, enabled: boolean) {
  return useQuery({
    queryKey: gateKey(promptKey, versionId),
    queryFn: () =>
      api<GateVerdict>(`/api/evals/gate/${encodeURIComponent(promptKey)}/${encodeURIComponent(versionId)}`),
    enabled,
    // The verdict is read at the moment of confirming: a run may have finished a minute ago.
    staleTime: 0,
  });
}

/** "90% (9 of 10 cases)", or why there is no rate yet. */
export function passRateText(run: Pick<RunSummary, "passRate" | "passed" | "casesTotal" | "status">): string {
  if (run.passRate === null) return run.status === "queued" || run.status === "running" ? "still running" : "no rate";
  const pct = Math.round(run.passRate * 1000) / 10;
  return `${pct}% (${run.passed} of ${run.casesTotal} ${run.casesTotal === 1 ? "case" : "cases"})`;
}

/** Whether the confirmation may go ahead: the gate allows it, or an admin overrides it with a reason. */
export function gateAllowsConfirm(
  verdict: Pick<GateVerdict, "allowed"> | undefined,
  override: { on: boolean; reason: string },
): boolean {
  if (!verdict || verdict.allowed) return true;
  return override.on && overrideReasonError(override.reason) === null;
}

export const OVERRIDE_REASON_MIN = 10;
export const OVERRIDE_REASON_MAX = 500;

/** The override reason's problem in words, or null (the same bounds as `MoveLabelBody`). */
export function overrideReasonError(reason: string): string | null {
  const n = reason.trim().length;
  if (n < OVERRIDE_REASON_MIN) return `Give a reason of at least ${OVERRIDE_REASON_MIN} characters`;
  if (n > OVERRIDE_REASON_MAX) return `At most ${OVERRIDE_REASON_MAX} characters`;
  return null;
}

function RunLink({ label, run }: { label: string; run: RunSummary }) {
  return (
    <li>
      {label}:{" "}
      <Link href={`/evals/runs/${encodeURIComponent(run.id)}`} className="font-medium underline underline-offset-2">
        v{run.promptVersion} run, {passRateText(run)}
      </Link>
    </li>
  );
}

/** The gate's verdict as the move-label confirmation shows it: the message, then the runs it compared. */
export function GateVerdictNote({ verdict }: { verdict: GateVerdict }) {
  const runs =
    verdict.candidate || verdict.baseline ? (
      <ul className="mt-1 space-y-0.5 text-xs">
        {verdict.candidate ? <RunLink label="Candidate" run={verdict.candidate} /> : null}
        {verdict.baseline ? <RunLink label="Baseline (production now)" run={verdict.baseline} /> : null}
      </ul>
    ) : null;
  return (
    <Alert
      tone={verdict.allowed ? "success" : "warning"}
      // Part of the confirmation the person is reading, not a separate announcement.
      role="note"
      data-testid="gate-verdict"
      // Inside the warning-toned confirmation, whose icon colour would otherwise win.
      className={verdict.allowed ? "[&_[data-alert-icon]]:text-success!" : undefined}
      title={verdict.allowed ? "The eval gate passes" : "The eval gate refuses this move"}
    >
      <p>
        {verdict.message}
        {verdict.setName ? <span className="text-muted-foreground"> (golden set: {verdict.setName})</span> : null}
      </p>
      {runs}
    </Alert>
  );
}

/** The gate, fetched and shown, with loading and failure states. */
export function GateVerdictPanel({
  query,
}: {
  query: { isPending: boolean; isError: boolean; error: Error | null; data: GateVerdict | undefined };
}) {
  if (query.isPending) return <Loading>Checking the eval gate…</Loading>;
  if (query.isError || !query.data)
    return (
      <Alert tone="warning" role="note" title="The eval gate could not be checked">
        {query.error?.message ?? "No verdict."} The server still checks it when you confirm.
      </Alert>
    );
  return <GateVerdictNote verdict={query.data} />;
}
