/**
 * The knowledge-base benchmark behind `npm run bench:rag` (scripts/bench-rag.ts): ingest a
 * synthetic corpus through the real path (ingestFile → job → extract → chunk → offline embedder →
 * transactional commit with the FTS5 triggers) into a fresh SQLite database, then time the same
 * queries through `search()` (hybrid, lexical, vector) and through Orama 3 built over the same
 * chunks and vectors. Prints nothing itself; returns the figures.
 */
import fs from "node:fs";
import os from "node:os";
import { create, insertMultiple, search as oramaSearch, type AnyOrama } from "@orama/orama";
import type { SearchMode } from "@/lib/schemas/knowledge";
import type { Db } from "@/server/db/client";
import { embedText } from "@/server/inference/offline/embedding-model";
import { createSqliteTestDb } from "@/server/testing/databases";
import { makeWorkspace } from "@/server/testing/workspaces";
import type { Embedder } from "../deps";
import { INGEST_JOB } from "../ingest";
import { search } from "../search";
import { ingestFile } from "../service";
import { makeKbDeps, offlineEmbedder } from "../testing";
import { buildQueries, DEFAULT_SEED, generateCorpus, type BenchQuery, type CorpusChunk } from "./corpus";
import { mb, recallAt, summarize, timeEach, type Latency } from "./stats";

export type RagBenchOptions = {
  chunks: number;
  queries: number;
  warmup: number;
  seed: number;
  /** Documents enqueued before each drain of the job queue. */
  batch: number;
  topK: number;
  orama: boolean;
  /** Orama's vector similarity thresholds to run hybrid search with (its default is 0.8). */
  oramaSimilarities: number[];
  /**
   * Diagnostic: after the normal measurements, run SQLite's ANALYZE on the database and measure
   * the embedded modes again (the product never runs ANALYZE; this shows what query plans cost).
   */
  analyze: boolean;
  log: (line: string) => void;
};

export const DEFAULT_OPTIONS: RagBenchOptions = {
  chunks: 100_000,
  queries: 200,
  warmup: 50,
  seed: DEFAULT_SEED,
  batch: 25,
  topK: 10,
  orama: true,
  oramaSimilarities: [0.8, 0.1],
  analyze: false,
  log: () => {},
};

/** Latency (wall clock), CPU time of this process per query, and recall@k. */
export type ModeFigures = { latency: Latency; cpu: Latency; recall: number };

export type RagBenchReport = {
  machine: {
    node: string;
    platform: string;
    cpus: number;
    cpuModel: string;
    /** 1-minute load average at the start and at the end (other processes compete for the CPUs). */
    loadAvg1m: number[];
  };
  options: Omit<RagBenchOptions, "log">;
  corpus: { documents: number; chunks: number; avgChunkChars: number; generateMs: number; dbBytes: number };
  ingest: {
    totalMs: number;
    chunksPerSec: number;
    docsPerSec: number;
    enqueueMs: number;
    drainMs: number;
    embedMs: number;
    /** Wall time of each tenth of the documents, to show whether ingest slows down as the base grows. */
    tenthsMs: number[];
    jobs: Record<string, number>;
  };
  queries: { count: number; warmup: number; swapped: number; withNumber: number };
  embedded: {
    /** First hybrid query: loads the workspace's vectors from the database into the index. */
    coldFirstQueryMs: number;
    hybrid: ModeFigures;
    lexical: ModeFigures;
    vector: ModeFigures;
    /** Before the corpus was generated, and after ingest and the queries (index loaded). */
    rssStartMb: number;
    rssMb: number;
    heapUsedMb: number;
  };
  /** The same queries on the same database after ANALYZE (only with `analyze`). */
  embeddedAfterAnalyze: null | { analyzeMs: number; hybrid: ModeFigures; lexical: ModeFigures; vector: ModeFigures };
  orama: null | {
    version: string;
    insertMs: number;
    docsPerSec: number;
    rssMb: number;
    /** JS heap held after the build, minus before (documents with their vectors, index). */
    heapDeltaMb: number;
    hybrid: (ModeFigures & { similarity: number })[];
    fulltext: ModeFigures;
    vector: ModeFigures & { similarity: number };
    /** Orama hybrid p95 / embedded hybrid p95, per similarity setting. */
    ratioP95: number[];
    ratioP50: number[];
  };
};

function docIndexOf(source: string): number {
  const m = /kb-(\d+)\.md$/.exec(source);
  if (!m) throw new Error(`unexpected source ${source}`);
  return Number(m[1]);
}

function decode(bytes: Uint8Array): number[] {
  const copy = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  return Array.from(new Float32Array(copy.buffer, copy.byteOffset, copy.byteLength / 4));
}

function memory() {
  const m = process.memoryUsage();
  return { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed) };
}

/** Collects garbage when node runs with --expose-gc (bench:rag does), so memory figures are steadier. */
function gc() {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Every chunk of the workspace in id order, a page at a time. */
async function* chunkPages(db: Db, workspaceId: string, withVectors: boolean) {
  for (let cursor = 0; ;) {
    const page = await db.knowledgeChunk.findMany({
      where: { workspaceId, id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: 5000,
      select: {
        id: true,
        key: true,
        ordinal: true,
        text: true,
        heading: true,
        embedding: withVectors,
        document: { select: { source: true } },
      },
    });
    yield page;
    if (page.length < 5000) return;
    cursor = page.at(-1)!.id;
  }
}

export async function runRagBench(input: Partial<RagBenchOptions> = {}): Promise<RagBenchReport> {
  const opts: RagBenchOptions = { ...DEFAULT_OPTIONS, ...input };
  const log = (line: string) => opts.log(`+${(performance.now() / 1000).toFixed(1)}s ${line}`);
  const loadBefore = os.loadavg()[0] ?? 0;
  const t = await createSqliteTestDb();
  try {
    gc();
    const rssStartMb = memory().rssMb;
    // ---------------------------------------------------------------- corpus
    const g0 = performance.now();
    let docs = generateCorpus({ chunks: opts.chunks, seed: opts.seed });
    const documents = docs.length;
    const generateMs = performance.now() - g0;
    log(`generated ${documents} documents in ${(generateMs / 1000).toFixed(1)} s`);

    // ---------------------------------------------------------------- ingest (the real path)
    let embedMs = 0;
    const inner = offlineEmbedder();
    const embedder: Embedder = {
      async embed(ctx, values, signal) {
        const e0 = performance.now();
        const r = await inner.embed(ctx, values, signal);
        embedMs += performance.now() - e0;
        return r;
      },
      currentModel: (ws) => inner.currentModel(ws),
    };
    const deps = makeKbDeps(t.db, { embedder });
    const w = await makeWorkspace(t.db, ["admin"]);
    const ctx = w.ctxFor("admin");
    const callCtx = { workspaceId: w.ws.id };
    const encoder = new TextEncoder();

    let enqueueMs = 0;
    let drainMs = 0;
    const tenthsMs: number[] = [];
    const i0 = performance.now();
    let tenthStart = i0;
    for (let i = 0; i < documents; i += opts.batch) {
      const q0 = performance.now();
      for (const d of docs.slice(i, i + opts.batch)) {
        await ingestFile(
          deps,
          ctx,
          { name: d.name, type: "text/markdown", bytes: encoder.encode(d.markdown) },
          { tags: d.tags },
        );
      }
      const q1 = performance.now();
      await deps.runJobs();
      enqueueMs += q1 - q0;
      drainMs += performance.now() - q1;
      const done = Math.min(documents, i + opts.batch);
      if (done >= ((tenthsMs.length + 1) / 10) * documents) {
        const now = performance.now();
        tenthsMs.push(now - tenthStart);
        tenthStart = now;
        log(
          `ingest ${Math.round((done / documents) * 100)}%: ${done} documents in ${((now - i0) / 1000).toFixed(1)} s`,
        );
      }
    }
    const totalMs = performance.now() - i0;
    docs = [];
    const jobRows = await t.db.job.groupBy({ by: ["status"], where: { kind: INGEST_JOB }, _count: { _all: true } });
    const jobs = Object.fromEntries(jobRows.map((r) => [r.status, r._count._all]));
    const chunkCount = await t.db.knowledgeChunk.count({ where: { workspaceId: w.ws.id } });
    if ((jobs.succeeded ?? 0) !== documents)
      throw new Error(`ingest jobs did not all succeed: ${JSON.stringify(jobs)}`);

    // ---------------------------------------------------------------- queries, built from the stored chunks
    let all: BenchQuery[];
    let targets: string[];
    let avgChunkChars: number;
    {
      const rows: (CorpusChunk & { key: string })[] = [];
      for await (const page of chunkPages(t.db, w.ws.id, false))
        for (const r of page)
          rows.push({ doc: docIndexOf(r.document.source), ordinal: r.ordinal, text: r.text, key: r.key });
      const keyOf = new Map(rows.map((r) => [`${r.doc}:${r.ordinal}`, r.key]));
      avgChunkChars = Math.round(rows.reduce((n, r) => n + r.text.length, 0) / Math.max(1, rows.length));
      all = buildQueries(rows, { count: opts.warmup + opts.queries, seed: opts.seed });
      targets = all.slice(opts.warmup).map((q) => keyOf.get(`${q.target.doc}:${q.target.ordinal}`)!);
    }
    const warm = all.slice(0, opts.warmup);
    const measured = all.slice(opts.warmup);
    const dbBytes = ["", "-wal"].reduce((n, suffix) => {
      try {
        return n + fs.statSync(t.url.slice("file:".length) + suffix).size;
      } catch {
        return n;
      }
    }, 0);

    const measure = async (fn: (q: BenchQuery) => Promise<string[]>): Promise<ModeFigures> => {
      for (const q of warm) await fn(q);
      const { ms, cpuMs, out } = await timeEach(measured, fn);
      return { latency: summarize(ms), cpu: summarize(cpuMs), recall: recallAt(opts.topK, out, targets) };
    };

    // ---------------------------------------------------------------- embedded path: search()
    const run = (mode: SearchMode) => (q: BenchQuery) =>
      search(deps, callCtx, { query: q.text, mode, topK: opts.topK }).then((r) => r.results.map((h) => h.chunkId));
    gc();
    const c0 = performance.now();
    await run("hybrid")(warm[0] ?? measured[0]!);
    const coldFirstQueryMs = performance.now() - c0;
    log(`cold first query (loads the vector index) ${coldFirstQueryMs.toFixed(0)} ms`);
    const measureModes = async (label: string) => {
      const modes = {} as Record<SearchMode, ModeFigures>;
      for (const mode of ["hybrid", "lexical", "vector"] as const) {
        modes[mode] = await measure(run(mode));
        log(
          `${label} ${mode}: p50 ${modes[mode].latency.p50.toFixed(2)} ms, p95 ${modes[mode].latency.p95.toFixed(2)} ms`,
        );
      }
      return modes;
    };
    const modes = await measureModes("embedded");
    gc();
    const embeddedMem = memory();
    let embeddedAfterAnalyze: RagBenchReport["embeddedAfterAnalyze"] = null;
    if (opts.analyze) {
      const a0 = performance.now();
      await t.db.$executeRawUnsafe("ANALYZE");
      const analyzeMs = performance.now() - a0;
      embeddedAfterAnalyze = { analyzeMs, ...(await measureModes("after ANALYZE")) };
    }

    // ---------------------------------------------------------------- Orama over the same chunks and vectors
    let orama: RagBenchReport["orama"] = null;
    if (opts.orama) {
      const oramaDocs: { id: string; heading: string; text: string; embedding: number[] }[] = [];
      for await (const page of chunkPages(t.db, w.ws.id, true))
        for (const r of page)
          oramaDocs.push({
            id: r.key,
            heading: r.heading,
            text: r.text,
            embedding: r.embedding ? decode(new Uint8Array(r.embedding)) : embedText(r.text),
          });
      gc();
      const before = memory();
      // Orama's defaults (English tokenizer, no stemming, no field boost): on this corpus they gave
      // it a better full-text recall@10 than the English stemmer or a heading boost of 2 (which
      // would mirror our FTS5 setup), so the comparison uses Orama at its best measured setting.
      const db: AnyOrama = create({
        schema: { heading: "string", text: "string", embedding: "vector[512]" } as const,
      });
      const o0 = performance.now();
      await insertMultiple(db, oramaDocs, 1000);
      const insertMs = performance.now() - o0;
      oramaDocs.length = 0; // Orama keeps its own references to the documents
      gc();
      const after = memory();
      log(`orama: inserted ${chunkCount} documents in ${(insertMs / 1000).toFixed(1)} s`);

      const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id);
      const hybrid = (similarity: number) => async (q: BenchQuery) =>
        ids(
          await oramaSearch(db, {
            mode: "hybrid",
            term: q.text,
            vector: { value: embedText(q.text), property: "embedding" },
            similarity,
            limit: opts.topK,
          }),
        );
      const fulltext = async (q: BenchQuery) => ids(await oramaSearch(db, { term: q.text, limit: opts.topK }));
      const minSimilarity = Math.min(...opts.oramaSimilarities);
      const vector = async (q: BenchQuery) =>
        ids(
          await oramaSearch(db, {
            mode: "vector",
            vector: { value: embedText(q.text), property: "embedding" },
            similarity: minSimilarity,
            limit: opts.topK,
          }),
        );
      const hybrids: (ModeFigures & { similarity: number })[] = [];
      for (const s of opts.oramaSimilarities) {
        hybrids.push({ similarity: s, ...(await measure(hybrid(s))) });
        log(
          `orama hybrid (similarity ${s}): p50 ${hybrids.at(-1)!.latency.p50.toFixed(2)} ms, p95 ${hybrids.at(-1)!.latency.p95.toFixed(2)} ms`,
        );
      }
      const fulltextFigures = await measure(fulltext);
      const vectorFigures = { similarity: minSimilarity, ...(await measure(vector)) };
      orama = {
        version: oramaVersion(),
        insertMs,
        docsPerSec: chunkCount / (insertMs / 1000),
        rssMb: after.rssMb,
        heapDeltaMb: Math.round((after.heapUsedMb - before.heapUsedMb) * 10) / 10,
        hybrid: hybrids,
        fulltext: fulltextFigures,
        vector: vectorFigures,
        ratioP95: hybrids.map((h) => h.latency.p95 / modes.hybrid.latency.p95),
        ratioP50: hybrids.map((h) => h.latency.p50 / modes.hybrid.latency.p50),
      };
    }

    const cpus = os.cpus();
    const { log: _log, ...shown } = opts;
    return {
      machine: {
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        cpus: cpus.length,
        cpuModel: cpus[0]?.model ?? "unknown",
        loadAvg1m: [loadBefore, os.loadavg()[0] ?? 0].map((l) => Math.round(l * 100) / 100),
      },
      options: shown,
      corpus: { documents, chunks: chunkCount, avgChunkChars, generateMs, dbBytes },
      ingest: {
        totalMs,
        chunksPerSec: chunkCount / (totalMs / 1000),
        docsPerSec: documents / (totalMs / 1000),
        enqueueMs,
        drainMs,
        embedMs,
        tenthsMs,
        jobs,
      },
      queries: {
        count: measured.length,
        warmup: warm.length,
        swapped: measured.filter((q) => q.swapped).length,
        withNumber: measured.filter((q) => /\d/.test(q.text)).length,
      },
      embedded: { coldFirstQueryMs, ...modes, rssStartMb, ...embeddedMem },
      embeddedAfterAnalyze,
      orama,
    };
  } finally {
    await t.drop();
  }
}

function oramaVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(require.resolve("@orama/orama/package.json"), "utf8")) as {
      version: string;
    };
    return pkg.version;
  } catch {
    return "3";
  }
}
