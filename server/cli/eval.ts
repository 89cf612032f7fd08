/**
 * `lectern eval`: runs a golden set in this process (no job runner needed) and gates CI on its
 * pass rate. Exit 0 when the pass rate reaches the threshold, 1 when it does not, 2 for usage
 * errors (unknown suite or workspace, a bad threshold, a label and a version together, an empty
 * set, a model the workspace cannot call). `--junit` writes the run as JUnit XML for CI reports.
 */
import fs from "node:fs";
import path from "node:path";
import { isAppError } from "@/lib/errors";
import { RouteChoice, type CaseResultOut, type EvalRunDetail } from "@/lib/schemas/golden-sets";
import type { WorkspaceCtx } from "@/server/context";
import type { Db } from "@/server/db/client";
import { db } from "@/server/db";
import { evalDeps } from "@/server/features/evals/jobs";
import { toJUnitXml } from "@/server/features/evals/junit";
import {
  createRun,
  executeRun,
  cancelRun,
  findSetByName,
  promptVersionIdByNumber,
  type EvalDeps,
} from "@/server/features/evals/runs";
import { getSet } from "@/server/features/evals/sets";
import { inference } from "@/server/inference";
import { ensureBuiltinPrompts } from "@/server/inference/prompts/service";
import { offersModel, type CallableProvider } from "@/server/inference/registry";

/** Exit code 2: the command cannot run as asked (nothing was evaluated). */
export class EvalUsageError extends Error {}

export type EvalOptions = {
  suite: string;
  workspace?: string;
  promptLabel?: string;
  promptVersion?: string;
  model?: string;
  failUnder?: string;
  junit?: string;
};

type Parsed = {
  threshold: number | undefined;
  promptLabel: string | undefined;
  promptVersion: number | undefined;
  route: RouteChoice | undefined;
};

/** Checks what needs no database; throws `EvalUsageError`. */
export function parseEvalOptions(o: EvalOptions): Parsed {
  if (o.promptLabel !== undefined && o.promptVersion !== undefined)
    throw new EvalUsageError("Choose --prompt-label or --prompt-version, not both.");
  let threshold: number | undefined;
  if (o.failUnder !== undefined) {
    threshold = Number(o.failUnder);
    if (o.failUnder.trim() === "" || !Number.isFinite(threshold) || threshold < 0 || threshold > 1)
      throw new EvalUsageError(`--fail-under takes a pass rate from 0 to 1 (e.g. 0.9); got “${o.failUnder}”.`);
  }
  let promptVersion: number | undefined;
  if (o.promptVersion !== undefined) {
    promptVersion = Number(o.promptVersion);
    if (!/^\d+$/.test(o.promptVersion.trim()) || promptVersion < 1)
      throw new EvalUsageError(`--prompt-version takes a version number (1, 2, …); got “${o.promptVersion}”.`);
  }
  if (o.promptLabel !== undefined && !/^[a-z][a-z0-9_-]{0,39}$/.test(o.promptLabel))
    throw new EvalUsageError(
      `--prompt-label takes a label such as production or staging (lower-case letters, digits, - and _); got “${o.promptLabel}”.`,
    );
  let route: RouteChoice | undefined;
  if (o.model !== undefined) {
    // The model id may itself contain "/" (OpenAI-compatible servers): split at the first one.
    const i = o.model.indexOf("/");
    const r = RouteChoice.safeParse(i > 0 ? { provider: o.model.slice(0, i), model: o.model.slice(i + 1) } : {});
    if (!r.success)
      throw new EvalUsageError(`--model takes provider/model (e.g. offline/offline-composer-v1); got “${o.model}”.`);
    route = r.data;
  }
  return { threshold, promptLabel: o.promptLabel, promptVersion, route };
}

/** The workspace by slug; without one, the instance's only workspace. */
export async function evalContext(database: Db, slug: string | undefined): Promise<WorkspaceCtx> {
  let ws: { id: string } | null;
  if (slug) {
    ws = await database.workspace.findUnique({ where: { slug }, select: { id: true } });
    if (!ws) throw new EvalUsageError(`No workspace with the slug “${slug}”.`);
  } else {
    const all = await database.workspace.findMany({
      select: { id: true, slug: true },
      orderBy: { slug: "asc" },
      take: 6,
    });
    if (all.length !== 1)
      throw new EvalUsageError(
        all.length
          ? `Pass --workspace <slug>: this instance has several workspaces (${all
              .slice(0, 5)
              .map((w) => w.slug)
              .join(", ")}${all.length > 5 ? ", …" : ""}).`
          : "This instance has no workspace yet; create one with `lectern workspace create` (or `lectern db seed` for the demo).",
      );
    ws = all[0]!;
  }
  return { db: database, actor: { type: "system", label: "cli" }, workspaceId: ws.id, role: "admin", requestId: "cli" };
}

/** The model providers a workspace can call (the inference config's; tests pass their own). */
export type ProvidersFor = (workspaceId: string) => Promise<ReadonlyMap<string, CallableProvider>>;

const instanceProviders: ProvidersFor = async (workspaceId) => (await inference().config.get(workspaceId)).providers;

/**
 * `--model` names a provider by its route ref (`offline`, `env:openai`, a workspace provider's id)
 * or, for convenience, by the instance provider's kind (`openai` for `env:openai`) or its name.
 * Refused up front when the workspace cannot call it, rather than as an error in every case.
 */
async function resolveRoute(providers: ProvidersFor, workspaceId: string, route: RouteChoice): Promise<RouteChoice> {
  const byId = await providers(workspaceId);
  const all = [...byId.values()];
  const want = route.provider.toLowerCase();
  const p =
    byId.get(route.provider) ?? byId.get(`env:${route.provider}`) ?? all.find((x) => x.name.toLowerCase() === want);
  if (!p || !p.enabled)
    throw new EvalUsageError(
      `No enabled model provider “${route.provider}” in this workspace; use one of ${all
        .filter((x) => x.enabled)
        .map((x) => x.id)
        .join(", ")}.`,
    );
  if (!offersModel(p, route.model))
    throw new EvalUsageError(
      `${p.name} does not offer the model “${route.model}”${p.models.length ? `; it offers ${p.models.join(", ")}` : ""}.`,
    );
  return { provider: p.id, model: route.model };
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pct = (r: number) => `${(Math.round(r * 1000) / 10).toString()}%`;
const usd = (micros: number) => `$${(micros / 1_000_000).toFixed(micros > 0 && micros < 1_000_000 ? 4 : 2)}`;

/** One line per finished case: ✓ passed, ✗ failed (with the failed assertions), ! could not be evaluated. */
export function caseLine(c: CaseResultOut): string {
  const results = c.result?.results ?? [];
  const listed = (status: "fail" | "error") =>
    results
      .filter((r) => r.status === status)
      .map((r) => `${oneLine(r.label)}: ${oneLine(r.message)}`)
      .join("; ");
  const skipped = results.filter((r) => r.status === "skipped").length;
  const time = ` (${secs(c.latencyMs)})`;
  switch (c.status) {
    case "pass":
      return `✓ ${c.caseName}${time}${skipped ? ` — ${skipped} skipped` : ""}`;
    case "fail": {
      const errors = listed("error");
      return `✗ ${c.caseName}${time} — ${listed("fail")}${errors ? `; errors: ${errors}` : ""}`;
    }
    case "error":
      return `! ${c.caseName}${time} — ${oneLine(c.error ?? listed("error")) || "could not be evaluated"}`;
    default: {
      const _exhaustive: never = c.status;
      return _exhaustive;
    }
  }
}

export function summaryLines(r: EvalRunDetail, threshold: number): string[] {
  const total = r.results.length;
  const rate = r.passRate ?? 0;
  const ok = total > 0 && rate >= threshold;
  return [
    `${r.setName}: ${r.passed} of ${total} passed (${pct(rate)}), ${r.failed} failed, ${r.errored} error${r.errored === 1 ? "" : "s"} — ` +
      `${ok ? "PASS" : "FAIL"} (threshold ${pct(threshold)})`,
    `prompt ${r.promptKey} v${r.promptVersion}${r.promptLabel ? ` (${r.promptLabel})` : ""} · ` +
      `model ${r.route ?? "the workspace's draft route"} · cost ${usd(r.costMicros)} · ` +
      `latency ${secs(r.latencyMs)} total${r.caseLatencyP50Ms === null ? "" : `, p50 ${secs(r.caseLatencyP50Ms)} per case`}`,
  ];
}

export type EvalIo = { out: (line: string) => void; err: (line: string) => void };

/**
 * The whole command against a workspace: resolve the set and prompt, create the run, execute it
 * here, print, write the report. Returns the exit code; usage problems throw `EvalUsageError`.
 */
export async function runEval(
  {
    deps,
    ctx,
    io,
    providers = instanceProviders,
  }: { deps: EvalDeps; ctx: WorkspaceCtx; io: EvalIo; providers?: ProvidersFor },
  o: EvalOptions,
): Promise<number> {
  const p = parseEvalOptions(o);
  let runId: string;
  let threshold: number;
  try {
    const found = await findSetByName(ctx, o.suite);
    threshold = p.threshold ?? found.passThreshold;
    let promptVersionId: string | undefined;
    if (p.promptVersion !== undefined) {
      // A fresh workspace gets its built-in prompts (version 1) on first use; numbers count from them.
      await ensureBuiltinPrompts(ctx.db, ctx.workspaceId);
      promptVersionId = await promptVersionIdByNumber(ctx, (await getSet(ctx, found.id)).promptKey, p.promptVersion);
    }
    const route = p.route && (await resolveRoute(providers, ctx.workspaceId, p.route));
    const run = await createRun(
      ctx,
      { setId: found.id, promptLabel: p.promptLabel, promptVersionId, route },
      { enqueue: false },
    );
    runId = run.id;
    io.err(
      `running ${found.name}: ${run.casesTotal} case(s) on ${run.promptKey} v${run.promptVersion}` +
        `${run.promptLabel ? ` (${run.promptLabel})` : ""}, ${run.route ?? "the workspace's draft route"}…`,
    );
  } catch (e) {
    // Nothing has run yet: a missing set, version or label, or an empty set, is a usage error.
    if (isAppError(e) && (e.kind === "not_found" || e.kind === "validation" || e.kind === "bad_request"))
      throw new EvalUsageError(e.message);
    throw e;
  }

  // Ctrl-C: the run is marked cancelled (the finished cases stay) instead of staying "running".
  const stop = new AbortController();
  const onSigint = () => stop.abort(new Error("interrupted"));
  process.once("SIGINT", onSigint);
  let detail;
  try {
    detail = await executeRun(deps, ctx.db, runId, {
      actor: ctx.actor,
      role: ctx.role,
      signal: stop.signal,
      onCase: (c) => io.out(caseLine(c)),
    });
  } catch (e) {
    if (!stop.signal.aborted) throw e;
    await cancelRun(ctx.db, runId, "Interrupted from the command line.");
    io.err("interrupted: the run is marked cancelled");
    return 130;
  } finally {
    process.removeListener("SIGINT", onSigint);
  }
  for (const l of summaryLines(detail, threshold)) io.out(l);
  if (o.junit) {
    fs.mkdirSync(path.dirname(path.resolve(o.junit)), { recursive: true });
    fs.writeFileSync(o.junit, toJUnitXml(detail, { threshold }), "utf8");
    io.err(`JUnit report written to ${o.junit}`);
  }
  return detail.results.length > 0 && (detail.passRate ?? 0) >= threshold ? 0 : 1;
}

/** The command's action (loaded only when `lectern eval` runs: see eval-command.ts). */
export async function evalAction(o: EvalOptions): Promise<void> {
  const io: EvalIo = { out: (l) => console.log(l), err: (l) => console.error(l) };
  try {
    parseEvalOptions(o);
    process.exitCode = await runEval({ deps: evalDeps(), ctx: await evalContext(db(), o.workspace), io }, o);
  } catch (e) {
    if (!(e instanceof EvalUsageError)) throw e;
    console.error(`error: ${e.message}`);
    process.exitCode = 2;
  }
}
