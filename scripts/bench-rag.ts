/**
 * npm run bench:rag [-- --chunks N] [--queries N] [--warmup N] [--batch N] [--seed N] [--json]
 *                      [--out report.json] [--no-orama] [--orama-similarity 0.8,0.1] [--analyze]
 *
 * Knowledge-base figures (not a test: numbers depend on the machine): a synthetic outdoor-retail
 * corpus ingested through the real job path into a fresh SQLite file, hybrid/lexical/vector top-k
 * latency and recall through search(), and the same queries through Orama 3 over the same chunks
 * and vectors. See server/features/rag/bench/.
 */
import fs from "node:fs";
import { DEFAULT_OPTIONS, runRagBench, type ModeFigures, type RagBenchReport } from "@/server/features/rag/bench/run";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  if (v === undefined || v.startsWith("--")) throw new Error(`--${name} needs a value`);
  return v;
}

function intArg(name: string, fallback: number): number {
  const v = arg(name);
  if (v === undefined) return fallback;
  const n = Number(v.replace(/_/g, ""));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, got ${v}`);
  return n;
}

const f = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : "—");
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const row = (cells: string[], widths: number[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 10)).join(" ");

function print(r: RagBenchReport) {
  const o = r.options;
  console.log(
    `Knowledge-base benchmark: ${r.corpus.chunks.toLocaleString("en")} chunks in ${r.corpus.documents.toLocaleString("en")} documents ` +
      `(avg ${r.corpus.avgChunkChars} chars), ${r.queries.count} queries top-${o.topK} after ${r.queries.warmup} warm-up ` +
      `(${r.queries.swapped} with a swapped word, ${r.queries.withNumber} with a number), seed ${o.seed}`,
  );
  console.log(
    `${r.machine.cpuModel} ×${r.machine.cpus}, Node ${r.machine.node}, ${r.machine.platform}; ` +
      `1-min load average ${r.machine.loadAvg1m.join(" → ")} (start → end)\n`,
  );

  const g = r.ingest;
  console.log("Ingest (ingestFile → job → extract → chunk → offline embedder → SQLite commit + FTS5 triggers)");
  console.log(
    `  ${g.chunksPerSec.toFixed(0)} chunks/s, ${g.docsPerSec.toFixed(1)} docs/s — ${sec(g.totalMs)} total ` +
      `(enqueue ${sec(g.enqueueMs)}, jobs ${sec(g.drainMs)}, of which embedding ${sec(g.embedMs)})`,
  );
  console.log(`  each tenth of the documents: ${g.tenthsMs.map((t) => (t / 1000).toFixed(1)).join(", ")} s`);
  console.log(`  database ${(r.corpus.dbBytes / 1024 / 1024).toFixed(0)} MB; jobs ${JSON.stringify(g.jobs)}\n`);

  const e = r.embedded;
  const W = [36, 8, 8, 8, 8, 10, 10, 9];
  console.log(
    row(["Query (ms), top-" + o.topK, "p50", "p95", "p99", "max", "cpu p50", "cpu p95", "recall@" + o.topK], W),
  );
  const line = (label: string, m: ModeFigures) =>
    console.log(
      row(
        [
          label,
          f(m.latency.p50),
          f(m.latency.p95),
          f(m.latency.p99),
          f(m.latency.max),
          f(m.cpu.p50),
          f(m.cpu.p95),
          pct(m.recall),
        ],
        W,
      ),
    );
  line("embedded hybrid (search())", e.hybrid);
  line("embedded lexical (FTS5 BM25)", e.lexical);
  line("embedded vector (in-process index)", e.vector);
  const a = r.embeddedAfterAnalyze;
  if (a) {
    line("  after ANALYZE: hybrid", a.hybrid);
    line("  after ANALYZE: lexical", a.lexical);
    line("  after ANALYZE: vector", a.vector);
  }
  if (r.orama) {
    for (const h of r.orama.hybrid) line(`Orama hybrid, similarity ${h.similarity}`, h);
    line("Orama full-text", r.orama.fulltext);
    line(`Orama vector, similarity ${r.orama.vector.similarity}`, r.orama.vector);
  }
  console.log("  (cpu = CPU time of this process during the call; wall ≫ cpu means the machine was busy)");
  console.log(`  cold first query (loads ${r.corpus.chunks} vectors from SQLite): ${f(e.coldFirstQueryMs, 0)} ms`);
  console.log(
    `  RSS ${e.rssStartMb} MB at start → ${e.rssMb} MB after ingest and queries (vector index loaded; heap ${e.heapUsedMb} MB)`,
  );
  if (a)
    console.log(
      `  "after ANALYZE" rows are a diagnostic: the same database after SQLite's ANALYZE (${f(a.analyzeMs, 0)} ms), which the\n` +
        "  product never runs; they show what the query plans cost.",
    );

  const target = e.hybrid.latency.p95 <= 30;
  console.log(
    `\nTarget p95 ≤ 30 ms on the embedded hybrid path: ${target ? "MET" : "NOT MET"} (p95 ${f(e.hybrid.latency.p95)} ms)`,
  );
  if (r.orama) {
    const z = r.orama;
    console.log(
      `Orama ${z.version}: insertMultiple ${sec(z.insertMs)} (${z.docsPerSec.toFixed(0)} docs/s), ` +
        `+${z.heapDeltaMb} MB JS heap for its documents and index, RSS ${z.rssMb} MB`,
    );
    z.hybrid.forEach((h, i) => {
      const ratio = z.ratioP95[i]!;
      // Within ±10 % the two p95 figures are not told apart on a shared machine.
      const speed = ratio > 1.1 ? "faster" : ratio < 0.9 ? "slower" : "about as fast (within 10 %)";
      const recall = e.hybrid.recall >= h.recall ? "equal or better recall" : "lower recall";
      console.log(
        `  vs Orama hybrid (similarity ${h.similarity}): Orama p95 / ours = ${f(ratio)}× ` +
          `(p50 ${f(z.ratioP50[i]!)}×); recall@${o.topK} ours ${pct(e.hybrid.recall)} vs ${pct(h.recall)} → ours ${speed}, ${recall}`,
      );
    });
    console.log(
      "  Read fairly: Orama is in-memory only — no persistence, no transactions, no durable jobs; its insert time\n" +
        "  is an index build from ready vectors, not an ingest. Our figures go through SQLite (FTS5 + chunk rows) and\n" +
        "  include reading the hits' text from the database. Both sides embed the query with the same offline\n" +
        "  embedder inside the timed call. Orama's vector side is a threshold scan (no top-k), so its hybrid results\n" +
        "  depend on `similarity` (default 0.8); its fusion is min-max weighted scores, ours is RRF.",
    );
  }
}

async function main() {
  const sims = arg("orama-similarity");
  const report = await runRagBench({
    chunks: intArg("chunks", DEFAULT_OPTIONS.chunks),
    queries: intArg("queries", DEFAULT_OPTIONS.queries),
    warmup: intArg("warmup", DEFAULT_OPTIONS.warmup),
    batch: intArg("batch", DEFAULT_OPTIONS.batch),
    seed: intArg("seed", DEFAULT_OPTIONS.seed),
    orama: !process.argv.includes("--no-orama"),
    analyze: process.argv.includes("--analyze"),
    oramaSimilarities: sims ? sims.split(",").map(Number) : DEFAULT_OPTIONS.oramaSimilarities,
    log: (l) => process.stderr.write(`[bench:rag] ${l}\n`),
  });
  const out = arg("out");
  if (out) fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  if (process.argv.includes("--json")) console.log(JSON.stringify(report, null, 2));
  else print(report);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
