import "server-only";
import { z } from "zod";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { inference, primaryModelFor } from "@/server/inference";
import { escapeBlockText } from "@/server/inference/prompts/render";
import type { Judge, KbDeps } from "./deps";
import { createVectorRuntime } from "./vectors";

const g = globalThis as unknown as { __lecternKnowledge?: KbDeps };

function passages(items: { id: string; text: string }[]): string {
  return items.map((p) => `<passage id="${escapeBlockText(p.id)}">${escapeBlockText(p.text)}</passage>`).join("\n");
}

const RerankOut = z.object({ scores: z.array(z.object({ id: z.string(), score: z.number().min(0).max(1) })) });
const EntailOut = z.object({
  verdicts: z.array(z.object({ id: z.string(), entailed: z.boolean(), confidence: z.number().min(0).max(1) })),
});

/** The judge role, used only when it is a real model: the offline composer cannot judge meaning. */
export const gatewayJudge: Judge = {
  async available(workspaceId) {
    const m = await primaryModelFor(workspaceId, "judge");
    return Boolean(m && !m.offline);
  },
  async rerank(ctx, query, items) {
    const r = await inference().gateway.generate({
      ctx,
      role: "judge",
      prompt: { key: "judge.rerank", variables: { query, passages: passages(items) } },
      schema: RerankOut,
    });
    return r.output.scores;
  },
  async entail(ctx, claim, items) {
    const r = await inference().gateway.generate({
      ctx,
      role: "judge",
      prompt: {
        key: "judge.entail",
        variables: { claim, passages: passages(items.map((p) => ({ id: p.chunkId, text: p.text }))) },
      },
      schema: EntailOut,
    });
    return r.output.verdicts.map((v) => ({ chunkId: v.id, entailed: v.entailed, confidence: v.confidence }));
  },
};

/** The process-wide knowledge-base dependencies. */
export function knowledgeDeps(): KbDeps {
  if (g.__lecternKnowledge) return g.__lecternKnowledge;
  const e = env();
  g.__lecternKnowledge = {
    db: db(),
    embedder: {
      async embed(ctx, values, signal) {
        const r = await inference().gateway.embed({ ctx, values, signal });
        return { embeddings: r.embeddings, model: r.model };
      },
      async currentModel(workspaceId) {
        return (await primaryModelFor(workspaceId, "embed"))?.key ?? null;
      },
    },
    vectors: createVectorRuntime({ db: db() }),
    secretKey: e.secretKey,
    envPinecone: e.pinecone,
    maxUploadBytes: e.maxUploadBytes,
    judge: gatewayJudge,
    kick: () => {
      void import("@/server/jobs").then((m) => m.jobRunner().kick());
    },
  };
  return g.__lecternKnowledge;
}
