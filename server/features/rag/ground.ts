/**
 * Citations and a grounding score for any text: find the knowledge chunks each factual sentence
 * could rest on (hybrid search per sentence, or the chunks the caller names), then check every
 * fact against them (`grounding/`: exact numbers and names, the judge role for entailment when
 * a real model is configured).
 */
import { GroundBody, type GroundResult } from "@/lib/schemas/knowledge";
import type { CallContext } from "@/server/inference/gateway";
import type { KbDeps } from "./deps";
import { groundText, groundTextLexical, type GroundingChunk } from "./grounding";
import * as repo from "./repository";
import { search } from "./search";

/** Candidate chunks per factual sentence. */
const PER_SENTENCE = 5;

export async function groundWithKnowledge(deps: KbDeps, ctx: CallContext, input: GroundBody): Promise<GroundResult> {
  const body = GroundBody.parse(input);
  const warnings: string[] = [];
  let keys: string[];
  if (body.chunkIds?.length) {
    keys = body.chunkIds;
  } else {
    const factual = groundTextLexical(body.text, []).sentences.filter((s) => s.factual);
    const found = new Set<string>();
    for (const s of factual) {
      const r = await search(deps, ctx, {
        query: s.text.slice(0, 1000),
        mode: "hybrid",
        topK: PER_SENTENCE,
        filters: body.filters,
      });
      for (const w of r.warnings) if (!warnings.includes(w)) warnings.push(w);
      for (const h of r.results) found.add(h.chunkId);
    }
    keys = [...found];
  }
  const rows = await repo.chunksByKeys(deps.db, ctx.workspaceId, keys);
  if (body.chunkIds && rows.length < body.chunkIds.length)
    warnings.push(
      `${body.chunkIds.length - rows.length} of the given chunk ids are not in this workspace; they were ignored.`,
    );
  const chunks: GroundingChunk[] = rows.map((r) => ({
    id: r.key,
    text: r.text,
    documentId: r.documentId,
    documentTitle: r.document.title,
    headingPath: r.heading ? r.heading.split(" › ") : [],
  }));
  const judge = deps.judge;
  const useJudge = Boolean(judge?.entail && (await judge.available(ctx.workspaceId)));
  const report = await groundText(body.text, chunks, {
    entail: useJudge ? (claim, passages) => judge!.entail!(ctx, claim, passages) : undefined,
  });
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return {
    score: report.score,
    factualCount: report.factualCount,
    supportedCount: report.supportedCount,
    chunksConsidered: chunks.length,
    method: useJudge ? "lexical+judge" : "lexical",
    warnings,
    sentences: report.sentences.map((s) => ({
      index: s.index,
      text: s.text,
      start: s.start,
      end: s.end,
      factual: s.factual,
      supported: s.supported,
      facts: s.facts,
      method: s.method,
      reason: s.reason,
      support: s.support.flatMap((sup) => {
        const r = byKey.get(sup.chunkId);
        return r
          ? [
              {
                ...sup,
                documentId: r.documentId,
                documentTitle: r.document.title,
                start: r.start,
                end: r.end,
              },
            ]
          : [];
      }),
    })),
  };
}
