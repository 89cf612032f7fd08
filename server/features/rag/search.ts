/**
 * Hybrid retrieval: lexical (BM25 on SQLite FTS5 / ts_rank_cd on PostgreSQL) and vector
 * (cosine, embedded index or Pinecone) candidate lists fused with Reciprocal Rank Fusion,
 * optionally reranked by the judge role. Every hit says why it ranked.
 */
import { performance } from "node:perf_hooks";
import { AppError } from "@/lib/errors";
import { SearchBody, type SearchFilters, type SearchHit, type SearchResult } from "@/lib/schemas/knowledge";
import type { CallContext } from "@/server/inference/gateway";
import { pineconeConfigOf, type KbDeps } from "./deps";
import { VectorIndexError } from "./index/errors";
import type { FieldFilter } from "./index/types";
import * as repo from "./repository";
import { isZeroVector } from "./vectors";

/** RRF constant from Cormack et al. (2009): damps the influence of the very top ranks. */
export const RRF_K = 60;

const STOP = new Set(
  "a an and are as at be but by for from has have how i in is it its of on or our so than that the their this to was we what when where which who why will with you your do does can".split(
    " ",
  ),
);

/** Query words for the lexical side: letters/digits only (no query syntax), stop words dropped unless nothing else is left. */
export function queryTerms(query: string): string[] {
  const words = [
    ...new Set(
      (
        query
          .normalize("NFKC")
          .toLowerCase()
          .match(/[\p{L}\p{N}]+/gu) ?? []
      ).slice(0, 64),
    ),
  ];
  const content = words.filter((w) => !STOP.has(w));
  return (content.length ? content : words).slice(0, 32);
}

/** A light English stemmer, only to say which query terms a hit matched. */
export function stem(word: string): string {
  const w = word.toLowerCase();
  for (const suffix of ["ingly", "edly", "ing", "ed", "ly", "es", "s"]) {
    if (w.length - suffix.length >= 3 && w.endsWith(suffix)) return w.slice(0, -suffix.length);
  }
  return w;
}

export function matchedTerms(terms: string[], text: string): string[] {
  const stems = new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(stem));
  return terms.filter((t) => stems.has(stem(t)));
}

export type Ranked = { key: string; score: number };

/** Reciprocal Rank Fusion of ranked lists (rank 1 = best). */
export function rrf(lists: Ranked[][], k = RRF_K): { key: string; score: number; ranks: (number | null)[] }[] {
  const acc = new Map<string, { score: number; ranks: (number | null)[] }>();
  lists.forEach((list, li) => {
    list.forEach((item, i) => {
      let e = acc.get(item.key);
      if (!e) acc.set(item.key, (e = { score: 0, ranks: lists.map(() => null) }));
      e.score += 1 / (k + i + 1);
      e.ranks[li] = i + 1;
    });
  });
  return [...acc.entries()]
    .map(([key, e]) => ({ key, ...e }))
    .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
}

export function vectorFilter(filters: SearchFilters, model: Record<string, string> | null): FieldFilter | undefined {
  const f: FieldFilter = {};
  if (filters.tags?.length) f.tags = { $in: filters.tags };
  if (filters.sources?.length) f.source = { $in: filters.sources };
  if (filters.documentIds?.length) f.documentId = { $in: filters.documentIds };
  const range: { $gte?: number; $lte?: number } = {};
  if (filters.effectiveFrom) range.$gte = day(filters.effectiveFrom);
  if (filters.effectiveTo) range.$lte = day(filters.effectiveTo);
  if (range.$gte !== undefined || range.$lte !== undefined) f.effective = range;
  if (model) Object.assign(f, model);
  return Object.keys(f).length ? f : undefined;
}

function day(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00.000Z`) / 86_400_000);
}

export async function search(deps: KbDeps, ctx: CallContext, input: SearchBody): Promise<SearchResult> {
  const started = performance.now();
  const body = SearchBody.parse(input);
  const ws = ctx.workspaceId;
  const warnings: string[] = [];
  const settings = await repo.getSettings(deps.db, ws);
  const pinecone = pineconeConfigOf(deps, settings);
  const vectorIndex = pinecone ? "pinecone" : "embedded";
  const candidates = Math.max(50, body.topK * 5);
  const terms = queryTerms(body.query);

  const lexicalP: Promise<Ranked[]> =
    body.mode === "vector" ? Promise.resolve([]) : repo.lexicalSearch(deps.db, ws, terms, body.filters, candidates);

  let embeddingModel: string | null = null;
  const vectorP: Promise<Ranked[]> =
    body.mode === "lexical"
      ? Promise.resolve([])
      : (async () => {
          const revision = await repo.getRevision(deps.db, ws);
          const { embeddings, model } = await deps.embedder.embed(ctx, [body.query]);
          const vector = embeddings[0];
          embeddingModel = model;
          if (!vector || isZeroVector(vector)) {
            warnings.push("The query has no words the embedding model can use; vector search was skipped.");
            return [];
          }
          if (settings?.embeddingModel && settings.embeddingModel !== model)
            warnings.push(
              `The query was embedded with ${model}, but the stored chunks use ${settings.embeddingModel}; only chunks already re-indexed with ${model} are searched by vector until the re-index finishes.`,
            );
          const target = deps.vectors.target(ws, model, pinecone);
          if (target.kind === "embedded") deps.vectors.sync(ws, revision);
          try {
            const matches = await target.index.query(target.namespace, {
              vector,
              topK: candidates,
              filter: vectorFilter(body.filters, target.modelFilter),
            });
            return matches.map((m) => ({ key: m.id, score: m.score }));
          } catch (e) {
            if (e instanceof VectorIndexError && body.mode === "hybrid") {
              warnings.push(`Vector search is unavailable (${e.message}); showing text matches only.`);
              return [];
            }
            if (e instanceof VectorIndexError) throw new AppError("unavailable:vector_index", e.message);
            throw e;
          }
        })();

  const [lexical, vector] = await Promise.all([lexicalP, vectorP]);
  const lists = body.mode === "hybrid" ? [lexical, vector] : body.mode === "lexical" ? [lexical] : [vector];
  let fused = rrf(lists).map((f) => ({
    key: f.key,
    score: body.mode === "hybrid" ? f.score : (lists[0]![(f.ranks[0] ?? 1) - 1]?.score ?? 0) /* the list's own score */,
    lexRank: body.mode === "vector" ? null : (f.ranks[0] ?? null),
    vecRank: body.mode === "vector" ? (f.ranks[0] ?? null) : body.mode === "hybrid" ? (f.ranks[1] ?? null) : null,
  }));

  // Drop vector ids the database no longer has (a remote index may lag behind a delete).
  const pool = fused.slice(0, body.rerank ? Math.max(body.topK, 20) : body.topK * 2);
  const rows = await repo.chunksByKeys(
    deps.db,
    ws,
    pool.map((f) => f.key),
  );
  const present = new Map(rows.map((r) => [r.key, r]));
  fused = pool.filter((f) => present.has(f.key));

  let rerankRanks: Map<string, { rank: number; score: number }> | null = null;
  if (body.rerank) {
    const judge = deps.judge;
    if (!judge?.rerank || !(await judge.available(ws))) {
      warnings.push(
        "Reranking needs a real model on the judge role (Settings → Models); showing the fused order instead.",
      );
    } else {
      const scored = await judge.rerank(
        ctx,
        body.query,
        fused.map((f) => ({ id: f.key, text: present.get(f.key)!.text })),
      );
      const order = [...scored].sort((a, b) => b.score - a.score);
      rerankRanks = new Map(order.map((s, i) => [s.id, { rank: i + 1, score: s.score }]));
      fused = [...fused].sort(
        (a, b) => (rerankRanks!.get(a.key)?.rank ?? 1e9) - (rerankRanks!.get(b.key)?.rank ?? 1e9),
      );
    }
  }

  const lexScore = new Map(lexical.map((l) => [l.key, l.score]));
  const vecScore = new Map(vector.map((v) => [v.key, v.score]));
  const results: SearchHit[] = fused.slice(0, body.topK).map((f) => {
    const r = present.get(f.key)!;
    return {
      chunkId: r.key,
      documentId: r.documentId,
      documentTitle: r.document.title,
      source: r.document.source,
      headingPath: r.heading ? r.heading.split(" › ") : [],
      start: r.start,
      end: r.end,
      text: r.text,
      score: f.score,
      lexical: f.lexRank ? { rank: f.lexRank, score: lexScore.get(f.key) ?? 0 } : null,
      vector: f.vecRank ? { rank: f.vecRank, score: vecScore.get(f.key) ?? 0 } : null,
      rerank: rerankRanks?.get(f.key) ?? null,
      matchedTerms: matchedTerms(terms, r.text),
    };
  });
  if (!settings) warnings.push("The knowledge base is empty: add documents on the Knowledge page.");
  return {
    query: body.query,
    mode: body.mode,
    results,
    embeddingModel,
    vectorIndex,
    warnings,
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
