/** Rows → the shapes `lib/schemas/golden-sets.ts` promises. */
import { z } from "zod";
import { DraftFormat } from "@/lib/schemas/drafts";
import { Assertion } from "@/lib/schemas/evals";
import type { GoldenCaseOut, GoldenSetOut, RunSummary } from "@/lib/schemas/golden-sets";
import { RouteChoice } from "@/lib/schemas/golden-sets";
import type { Tx } from "@/server/context";
import * as repo from "./repository";

const Expectations = z.array(Assertion);

type RunRow = {
  id: string;
  status: string;
  promptKey: string;
  promptVersion: number;
  promptVersionId: string;
  promptLabel: string | null;
  route: unknown;
  casesTotal: number;
  casesDone: number;
  passed: number;
  failed: number;
  errored: number;
  passRate: number | null;
  costMicros: number;
  latencyMs: number;
  error: string | null;
  createdById: string | null;
  createdAt: Date;
  finishedAt: Date | null;
};

export function routeLabel(route: unknown): string | null {
  const r = RouteChoice.safeParse(route);
  return r.success ? `${r.data.provider}/${r.data.model}` : null;
}

export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : Math.round((s[m - 1]! + s[m]!) / 2);
}

/** Who started each run and the median case latency, for a page of runs. */
export async function runFacts(tx: Tx, runs: RunRow[]) {
  const ids = [...new Set(runs.map((r) => r.createdById).filter((x): x is string => Boolean(x)))];
  const [users, lat] = await Promise.all([
    ids.length ? repo.userNames(tx, ids) : [],
    runs.length
      ? repo.resultLatencies(
          tx,
          runs.map((r) => r.id),
        )
      : [],
  ]);
  const names = new Map(users.map((u) => [u.id, u.name || u.email]));
  const byRun = new Map<string, number[]>();
  for (const l of lat) byRun.set(l.runId, [...(byRun.get(l.runId) ?? []), l.latencyMs]);
  return (r: RunRow, passThreshold: number) =>
    toRunSummary(
      r,
      passThreshold,
      r.createdById ? (names.get(r.createdById) ?? null) : null,
      median(byRun.get(r.id) ?? []),
    );
}

export function toRunSummary(
  r: RunRow,
  passThreshold: number,
  createdBy: string | null,
  caseLatencyP50Ms: number | null,
): RunSummary {
  return {
    id: r.id,
    status: r.status as RunSummary["status"],
    promptKey: r.promptKey,
    promptVersion: r.promptVersion,
    promptVersionId: r.promptVersionId,
    promptLabel: r.promptLabel,
    route: routeLabel(r.route),
    casesTotal: r.casesTotal,
    casesDone: r.casesDone,
    passed: r.passed,
    failed: r.failed,
    errored: r.errored,
    passRate: r.passRate,
    passing: r.status === "succeeded" && r.passRate !== null ? r.passRate >= passThreshold - 1e-9 : null,
    costMicros: r.costMicros,
    latencyMs: r.latencyMs,
    caseLatencyP50Ms,
    error: r.error,
    createdBy,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

export function parseExpectations(raw: unknown): Assertion[] {
  return Expectations.parse(raw);
}

export function toCaseOut(c: {
  id: string;
  setId: string;
  name: string;
  brief: string;
  format: string;
  expectations: unknown;
  sourceDraftId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}): GoldenCaseOut {
  return {
    id: c.id,
    setId: c.setId,
    name: c.name,
    brief: c.brief,
    format: DraftFormat.parse(c.format),
    expectations: parseExpectations(c.expectations),
    sourceDraftId: c.sourceDraftId,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

type SetRow = NonNullable<Awaited<ReturnType<typeof repo.findSet>>>;

export async function toSetOuts(tx: Tx, sets: SetRow[]): Promise<GoldenSetOut[]> {
  const summarize = await runFacts(
    tx,
    sets.flatMap((s) => s.runs),
  );
  return sets.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    promptKey: s.promptKey,
    passThreshold: s.passThreshold,
    version: s.version,
    caseCount: s._count.cases,
    lastRun: s.runs[0] ? summarize(s.runs[0], s.passThreshold) : null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  }));
}
