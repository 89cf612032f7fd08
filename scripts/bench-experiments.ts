/**
 * `npm run bench:experiments [-- --assigns 5000 --concurrency 50]`: experiment post-backs on
 * SQLite, in process (service layer, no HTTP). A fresh database gets one approved email draft
 * (offline pipeline) and a two-arm experiment; then it measures sequential assigns, concurrent
 * assigns (batches of `--concurrency`), repeat (sticky) assigns, outcomes, and the read that
 * computes probability best (2,000 Monte Carlo draws). Prints ops/s and p50/p95 latency.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createDb } from "@/server/db/client";
import { loadMigrations, migrate } from "@/server/db/migrator";
import { NORTHWIND_BRAND_VOICE } from "@/server/features/demo/brand-voice";
import { seedDemoKnowledge } from "@/server/features/demo/knowledge-seed";
import { assignArm, createExperiment, getExperiment, recordOutcome } from "@/server/features/experiments/service";
import { createDraft } from "@/server/features/generation/service";
import { makePipelineDeps } from "@/server/features/generation/testing";
import { saveBrand } from "@/server/features/governor/service";
import { decide } from "@/server/features/review/service";
import { ROOT } from "@/server/testing/databases";
import { makeWorkspace } from "@/server/testing/workspaces";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ASSIGNS = arg("--assigns", 5000);
const CONCURRENCY = arg("--concurrency", 50);

const pctl = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

function report(name: string, lat: number[], wallMs: number) {
  console.log(
    `${name.padEnd(28)} ${String(lat.length).padStart(6)} ops  ${((lat.length / wallMs) * 1000).toFixed(0).padStart(6)} ops/s  p50 ${pctl(lat, 50).toFixed(2)} ms  p95 ${pctl(lat, 95).toFixed(2)} ms`,
  );
}

async function timed(n: number, batch: number, op: (i: number) => Promise<unknown>) {
  const lat: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, n - i) }, async (_, j) => {
        const t = performance.now();
        await op(i + j);
        lat.push(performance.now() - t);
      }),
    );
  }
  return { lat, wall: performance.now() - start };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-bench-exp-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  await migrate(url, loadMigrations(ROOT, "sqlite"));
  const db = createDb(url);
  try {
    const w = await makeWorkspace(db, ["admin", "editor", "marketer"]);
    const { deps, kb } = makePipelineDeps(db);
    await seedDemoKnowledge(kb, w.ws.id, ROOT);
    await saveBrand(w.ctxFor("admin"), { voice: NORTHWIND_BRAND_VOICE, baseVersion: 0 });
    const d = await createDraft(deps, w.ctxFor("marketer"), {
      format: "email",
      brief: "Write about the Stormline jacket for rainy autumn hikes.",
    });
    if (d.status !== "approved") await decide(w.ctxFor("editor"), d.id, { action: "approve", version: d.version });
    const exp = await createExperiment(w.ctxFor("editor"), {
      draftId: d.id,
      name: "Bench",
      minSamples: 100,
      arms: [{ text: "Stay dry on every trail" }, { text: "Rain, handled: meet Stormline" }],
    });
    const api = w.ctxFor("admin");
    console.log(`SQLite, in process; ${ASSIGNS} assigns, concurrency ${CONCURRENCY}`);

    let r = await timed(ASSIGNS, 1, (i) => assignArm(api, exp.id, { unitId: `seq-${i}` }));
    report("assign (sequential, new)", r.lat, r.wall);
    r = await timed(ASSIGNS, CONCURRENCY, (i) => assignArm(api, exp.id, { unitId: `par-${i}` }));
    report(`assign (x${CONCURRENCY}, new)`, r.lat, r.wall);
    r = await timed(ASSIGNS, CONCURRENCY, (i) => assignArm(api, exp.id, { unitId: `par-${i}` }));
    report(`assign (x${CONCURRENCY}, sticky)`, r.lat, r.wall);
    r = await timed(ASSIGNS, CONCURRENCY, (i) =>
      recordOutcome(api, exp.id, { eventId: `e-${i}`, arm: i % 3 === 0 ? "b" : "a", kind: "click" }),
    );
    report(`outcome (x${CONCURRENCY})`, r.lat, r.wall);
    r = await timed(200, 1, () => getExperiment(api, exp.id));
    report("read (P(best), 2k draws)", r.lat, r.wall);

    const final = await getExperiment(api, exp.id);
    const impressions = final.arms.reduce((s, a) => s + a.impressions, 0);
    console.log(
      `check: impressions ${impressions} (expected ${2 * ASSIGNS}), clicks ${final.arms.map((a) => a.clicks).join("/")}, phase ${final.phase}, shares ${final.arms.map((a) => a.trafficShare.toFixed(2)).join("/")}`,
    );
    if (impressions !== 2 * ASSIGNS) process.exitCode = 1;
  } finally {
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
