/**
 * Runs the labelled Northwind query set against a freshly ingested copy of the demo knowledge
 * base and scores lexical, vector and hybrid retrieval (Recall@10, MRR, nDCG@10).
 */
import { createSqliteTestDb } from "@/server/testing/databases";
import { makeWorkspace } from "@/server/testing/workspaces";
import type { SearchMode } from "@/lib/schemas/knowledge";
import { seedDemoKnowledge } from "@/server/features/demo/knowledge-seed";
import type { Embedder } from "../deps";
import { search } from "../search";
import { makeKbDeps } from "../testing";
import { loadEvalSet } from "./dataset";
import { judgeRun, type RunJudgement } from "./metrics";

export type RetrievalReport = Record<SearchMode, RunJudgement>;

export async function evaluateRetrieval(opts: {
  root: string;
  embedder?: Embedder;
  k?: number;
}): Promise<RetrievalReport> {
  const t = await createSqliteTestDb();
  try {
    const deps = makeKbDeps(t.db, { embedder: opts.embedder });
    const { ws } = await makeWorkspace(t.db, ["admin"]);
    const jobs = await seedDemoKnowledge(deps, ws.id, opts.root);
    const failed = jobs.filter((j) => j.status !== "succeeded");
    if (failed.length)
      throw new Error(`ingest failed: ${failed.map((j) => `${j.label}: ${j.error?.message}`).join("; ")}`);
    const set = loadEvalSet();
    const k = opts.k ?? 10;
    const report = {} as RetrievalReport;
    for (const mode of ["lexical", "vector", "hybrid"] as const) {
      const ranked = [];
      for (const q of set.queries) {
        const r = await search(deps, { workspaceId: ws.id }, { query: q.query, mode, topK: k });
        ranked.push(r.results.map((h) => ({ source: h.source, text: h.text })));
      }
      report[mode] = judgeRun(set.queries, ranked, k);
    }
    return report;
  } finally {
    await t.drop();
  }
}
