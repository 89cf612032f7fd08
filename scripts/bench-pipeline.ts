/**
 * `npm run bench:pipeline [-- --rows 1000]`: N CSV rows → N SEO pages with the offline engine on
 * SQLite (embedded index, demo knowledge base), as one batch job. The first worker is killed
 * halfway (its lease is lost); a second one resumes. Prints total time, pages/s, per-step time,
 * and checks there are no duplicate and no missing rows.
 */
import { performance } from "node:perf_hooks";
import { createSqliteTestDb, ROOT } from "@/server/testing/databases";
import { makeWorkspace } from "@/server/testing/workspaces";
import { seedDemoKnowledge } from "@/server/features/demo/knowledge-seed";
import { BATCH_JOB, createBatch, getBatch, runBatchJob, type BatchDeps } from "@/server/features/generation/batch";
import { makePipelineDeps } from "@/server/features/generation/testing";
import { createJobRunner } from "@/server/jobs/runner";
import { DraftRecord } from "@/lib/schemas/drafts";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

const PRODUCTS = ["Summit 45 backpack", "Ridgeline 2 tent", "Stormline jacket", "Trailhead boot"];
const CITIES = Array.from(
  { length: 400 },
  (_, i) => `Town ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26) + 1}`,
);

async function main() {
  const n = arg("--rows", 1000);
  const t = await createSqliteTestDb();
  try {
    const w = await makeWorkspace(t.db, ["marketer"]);
    const { deps, kb } = makePipelineDeps(t.db);
    await seedDemoKnowledge(kb, w.ws.id, ROOT);
    const bdeps: BatchDeps = { ...deps, maxRows: 100_000, kick: () => {} };
    const rows = ["product,city"];
    for (let i = 0; i < n; i++)
      rows.push(`${PRODUCTS[i % PRODUCTS.length]},${CITIES[Math.floor(i / PRODUCTS.length) % CITIES.length]} ${i}`);
    const bytes = new TextEncoder().encode(rows.join("\n"));
    const started = performance.now();
    const batch = await createBatch(
      bdeps,
      w.ctxFor("marketer"),
      { name: "bench.csv", bytes },
      {
        template: {
          brief: "Landing page about the {{product}} for hikers near {{city}}.",
          slug: "{{product}}-{{city}}",
        },
        mapping: { product: "product", city: "city" },
      },
    );
    const job = await t.db.job.findFirstOrThrow({ where: { kind: BATCH_JOB } });

    // Worker 1 dies halfway: its progress report fails as a lost lease does.
    await runBatchJob(bdeps, { ...job, status: "running" } as never, {
      signal: new AbortController().signal,
      blob: async () => null,
      progress: async (done) => {
        if (done >= Math.floor(n / 2)) throw new Error("killed");
      },
    }).catch((e: Error) => {
      if (e.message !== "killed") throw e;
    });
    const killedAt = performance.now();
    const half = await t.db.draft.count({ where: { batchId: batch.id } });

    // Worker 2 resumes from the pending rows.
    await createJobRunner({ db: t.db, handlers: { [BATCH_JOB]: (j, c) => runBatchJob(bdeps, j, c) } }).drain();
    const total = (performance.now() - started) / 1000;

    const b = await getBatch(t.db, w.ws.id, batch.id);
    const drafts = await t.db.draft.findMany({
      where: { batchId: batch.id },
      select: { rowIndex: true, record: true },
    });
    const indexes = drafts.map((d) => d.rowIndex!);
    const unique = new Set(indexes).size;
    const missing = n - unique - b.failed;
    const steps = new Map<string, number>();
    for (const d of drafts)
      for (const s of DraftRecord.parse(d.record).steps) steps.set(s.name, (steps.get(s.name) ?? 0) + s.ms);

    console.log(`Pipeline bench: ${n} CSV rows → SEO pages, offline engine, SQLite, demo knowledge base\n`);
    console.log(`total            ${total.toFixed(1)} s (target ≤ 60 s)`);
    console.log(`pages/s          ${(drafts.length / total).toFixed(1)}`);
    console.log(
      `killed after     ${half} pages (${((killedAt - started) / 1000).toFixed(1)} s), resumed by a second worker`,
    );
    console.log(`status           ${b.status}: ${b.done} done, ${b.flagged} flagged, ${b.failed} failed`);
    console.log(`duplicates       ${drafts.length - unique}`);
    console.log(`missing rows     ${missing}`);
    console.log(`\nmean ms per page by step:`);
    for (const [name, ms] of steps) console.log(`  ${name.padEnd(14)} ${(ms / Math.max(1, drafts.length)).toFixed(1)}`);
    if (drafts.length - unique || missing) process.exitCode = 1;
  } finally {
    await t.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
