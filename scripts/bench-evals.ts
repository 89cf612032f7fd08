/**
 * `npm run bench:evals [-- --cases 100]`: one eval run of N golden cases (the four formats in
 * turn, five expectations each, no judge) with the offline engine on SQLite (embedded index, demo
 * knowledge base and brand voice), executed by the job runner. Prints the run's wall time,
 * cases/s, the per-case latency p50/p95 and the time spent evaluating expectations, and checks
 * every case has exactly one result.
 */
import { performance } from "node:perf_hooks";
import { DRAFT_FORMATS } from "@/lib/schemas/drafts";
import { CONTENT_FIELD_PATTERNS, GoldenCase } from "@/lib/schemas/evals";
import { createSqliteTestDb, ROOT } from "@/server/testing/databases";
import { makeWorkspace } from "@/server/testing/workspaces";
import { NORTHWIND_BRAND_VOICE } from "@/server/features/demo/brand-voice";
import { seedDemoKnowledge } from "@/server/features/demo/knowledge-seed";
import { saveBrand } from "@/server/features/governor/service";
import { makePipelineDeps } from "@/server/features/generation/testing";
import { evaluateCase } from "@/server/features/evals/assertions";
import { composeDraft } from "@/server/features/generation/pipeline";
import { createRun, EVAL_JOB, getRun, runEvalJob } from "@/server/features/evals/runs";
import { addCase, createSet } from "@/server/features/evals/sets";
import { createJobRunner } from "@/server/jobs/runner";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

const PRODUCTS = ["Summit 45 backpack", "Ridgeline 2 tent", "Stormline jacket", "Trailhead boot"];

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

async function main() {
  const n = arg("--cases", 100);
  const t = await createSqliteTestDb();
  try {
    const w = await makeWorkspace(t.db, ["editor", "admin"]);
    const { deps, kb } = makePipelineDeps(t.db);
    await seedDemoKnowledge(kb, w.ws.id, ROOT);
    await saveBrand(w.ctxFor("admin"), { voice: NORTHWIND_BRAND_VOICE, baseVersion: 0 });
    const editor = w.ctxFor("editor");
    const set = await createSet(editor, { name: "Bench" });
    const cases = [];
    for (let i = 0; i < n; i++) {
      const format = DRAFT_FORMATS[i % DRAFT_FORMATS.length]!;
      const product = PRODUCTS[i % PRODUCTS.length]!;
      const c = {
        name: `Case ${i + 1}`,
        brief: `Write about the ${product} for hikers, variant ${i + 1}.`,
        format,
        expectations: [
          { kind: "contains", text: product.split(" ")[0]!, caseSensitive: false },
          { kind: "not_contains", text: "guaranteed for life" },
          { kind: "regex", pattern: "\\b(best|#1) in class\\b", flags: "i", mustMatch: false },
          { kind: "max_length", field: CONTENT_FIELD_PATTERNS[format][0]!, max: 5000 },
          { kind: "governor_pass" },
        ],
      };
      cases.push(GoldenCase.parse(c));
      await addCase(editor, set.id, c);
    }

    // The expectations alone, over drafts composed once (the engine's share of a case).
    const composed = await composeDraft(deps, editor, { format: "email", brief: cases[2]!.brief });
    const evalStarted = performance.now();
    const reps = 2000;
    for (let i = 0; i < reps; i++)
      await evaluateCase(cases[2]!, { content: composed.content, record: composed.record });
    const evalMs = (performance.now() - evalStarted) / reps;

    const run = await createRun(editor, { setId: set.id });
    const started = performance.now();
    await createJobRunner({
      db: t.db,
      handlers: { [EVAL_JOB]: (job, ctl, db) => runEvalJob(deps, job, ctl, db) },
    }).drain();
    const wall = (performance.now() - started) / 1000;
    const r = await getRun(editor, run.id);
    const lat = r.results.map((x) => x.latencyMs);
    const unique = new Set(r.results.map((x) => x.caseId)).size;

    console.log(`eval run: ${n} cases (4 formats, 5 expectations each), offline engine, SQLite`);
    console.log(`  wall ${wall.toFixed(1)} s, ${(n / wall).toFixed(1)} cases/s`);
    console.log(`  per case p50 ${pct(lat, 50)} ms, p95 ${pct(lat, 95)} ms (compose + evaluate + store)`);
    console.log(`  evaluating one case's 5 expectations: ${evalMs.toFixed(3)} ms`);
    console.log(
      `  pass rate ${((r.passRate ?? 0) * 100).toFixed(1)}% (${r.passed} pass, ${r.failed} fail, ${r.errored} error)`,
    );
    console.log(
      `  results ${r.results.length}, unique ${unique}: ${unique === n && r.results.length === n ? "ok" : "MISMATCH"}`,
    );
    if (unique !== n || r.results.length !== n) process.exitCode = 1;
  } finally {
    await t.drop();
  }
}

void main();
