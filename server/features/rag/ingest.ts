/**
 * Ingest of one document, run as a durable job: read → extract → chunk → embed → write.
 *
 * Crash safety: nothing is visible until the final transaction, which writes the document and
 * all its chunks (with their vectors) at once; a job interrupted before it is claimed again and
 * starts over (chunk keys are deterministic, so a Pinecone upsert repeated by the rerun
 * overwrites the same vectors). Pinecone is written before the database: if it is unreachable
 * the job fails with a clear message and the database — and so the embedded index — is untouched.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { IngestOutcome } from "@/lib/schemas/knowledge";
import { chunkDocument } from "./chunking";
import { detectFormat, ExtractError, extractDocument, extractText, type Extracted } from "./extract";
import { readSourceMeta } from "./source-meta";
import { VectorIndexError } from "./index/errors";
import type { VectorRecord } from "./index/types";
import { EMBED_BATCH, pineconeConfigOf, type KbDeps } from "./deps";
import * as repo from "./repository";
import { encodeVector, isZeroVector, toMetadata } from "./vectors";
import { JobError, type JobControl, type JobRow } from "@/server/jobs/types";
import { insertJob } from "@/server/jobs/repository";
import { audit } from "@/server/features/audit/service";
import { AppError } from "@/lib/errors";
import { LimitError, RateLimitedError } from "@/server/inference/limits/errors";
import { scanInjection } from "@/server/features/guardrails/injection";
import { activePolicy } from "@/server/features/guardrails/policy";

export const INGEST_JOB = "knowledge.ingest";
export const REMOTE_DELETE_JOB = "knowledge.remote_delete";

export const IngestPayload = z.object({
  source: z.string(),
  sourceKind: z.enum(["upload", "paste", "cli", "api", "seed"]),
  /** File name (uploads) or title (pastes), shown on the job row. */
  label: z.string(),
  mimeType: z.string().nullable(),
  /** Pasted text: its format; files are detected by name. */
  pasteFormat: z.enum(["markdown", "text", "html"]).nullable(),
  title: z.string().nullable(),
  tags: z.array(z.string()),
  effectiveDate: z.string().nullable(),
  /** Id for the document when this ingest creates it. */
  newDocumentId: z.string(),
  actor: z.object({ type: z.enum(["user", "api_key", "system"]), id: z.string().nullable(), label: z.string() }),
});
export type IngestPayload = z.infer<typeof IngestPayload>;

export function chunkKey(documentId: string, version: number, ordinal: number): string {
  return `${documentId}_v${version}_${ordinal}`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Gateway, limit and index failures as job errors: transient ones are retried, the rest end the job. */
export function toJobError(e: unknown): unknown {
  if (e instanceof JobError) return e;
  if (e instanceof ExtractError) return new JobError(e.code, e.message);
  if (e instanceof RateLimitedError) return new JobError("rate_limited", e.message, { retryable: true });
  if (e instanceof LimitError) return new JobError("budget", e.message);
  if (e instanceof VectorIndexError)
    return new JobError(`vector_index_${e.code}`, `Vector index: ${e.message}`, {
      retryable: e.code === "unreachable" || e.code === "unavailable",
    });
  if (e instanceof AppError)
    return new JobError(e.code, e.message, { retryable: e.kind === "unavailable" || e.kind === "rate_limited" });
  return e;
}

export async function runIngest(deps: KbDeps, job: JobRow, ctl: JobControl): Promise<IngestOutcome> {
  try {
    return await ingest(deps, job, ctl);
  } catch (e) {
    throw toJobError(e);
  }
}

async function ingest(deps: KbDeps, job: JobRow, ctl: JobControl): Promise<IngestOutcome> {
  const p = IngestPayload.parse(job.payload);
  const ws = job.workspaceId;
  const steps = (stage: string, done: number, total: number) => ctl.progress(done, total, stage);

  await steps("Reading", 0, 1);
  const bytes = await ctl.blob();
  if (!bytes) throw new JobError("missing_input", "The uploaded content is gone; upload the file again.");
  const contentHash = sha256Hex(bytes);
  const settings = await repo.getSettings(deps.db, ws);
  if (!settings) throw new JobError("internal", "Knowledge settings are missing for this workspace.");
  const existing = await repo.findDocumentBySource(deps.db, ws, p.source);

  // Tags and date the file carries itself (front matter, <meta>) apply when the uploader gave none.
  const format = p.pasteFormat ?? detectFormat(p.label, p.mimeType);
  const hints =
    format === "markdown" || format === "html"
      ? readSourceMeta(new TextDecoder().decode(bytes.subarray(0, 8192)), format)
      : { tags: [], effectiveDate: null };
  const tags = p.tags.length ? p.tags : hints.tags;
  const effectiveDay = p.effectiveDate ?? hints.effectiveDate;
  const effectiveDate = effectiveDay ? new Date(`${effectiveDay}T00:00:00.000Z`) : null;
  if (existing && existing.contentHash === contentHash && sameMeta(existing, p.title, tags, effectiveDate)) {
    return {
      documentId: existing.id,
      title: existing.title,
      outcome: "unchanged",
      version: existing.version,
      chunkCount: existing.chunkCount,
      warnings: [],
    };
  }
  const twin = await repo.findDocumentByHash(deps.db, ws, contentHash);
  if (twin && twin.source !== p.source)
    throw new JobError(
      "duplicate",
      `This content is already in the knowledge base as “${twin.title}” (${twin.source}). Re-ingest that source instead, or delete it first.`,
    );

  await steps("Extracting text", 0, 1);
  const extracted: Extracted = p.pasteFormat
    ? extractText(new TextDecoder().decode(bytes), p.pasteFormat)
    : await extractDocument({ bytes, filename: p.label, mimeType: p.mimeType, maxBytes: deps.maxUploadBytes });

  const chunks = chunkDocument(extracted.text, {
    format: extracted.textFormat,
    targetChars: settings.chunkTarget,
    overlapChars: settings.chunkOverlap,
  });
  if (chunks.length === 0) throw new JobError("empty", "The document has no text to index.");

  const documentId = existing?.id ?? p.newDocumentId;
  const version = (existing?.version ?? 0) + 1;
  const title = p.title || extracted.title || firstLineTitle(extracted) || existing?.title || p.label;
  const ctx = { workspaceId: ws, userId: p.actor.type === "user" ? p.actor.id : null, userLabel: p.actor.label };

  // Embed in batches; chunks without a word get no vector (they stay findable by text search).
  const vectors: (number[] | null)[] = [];
  const models: string[] = [];
  for (let i = 0; i < chunks.length; i += EMBED_BATCH) {
    await steps(
      `Embedding chunks ${i + 1}–${Math.min(i + EMBED_BATCH, chunks.length)} of ${chunks.length}`,
      i,
      chunks.length,
    );
    const batch = chunks.slice(i, i + EMBED_BATCH);
    const r = await deps.embedder.embed(
      ctx,
      batch.map((c) => c.text),
      ctl.signal,
    );
    for (const v of r.embeddings) {
      vectors.push(isZeroVector(v) ? null : v);
      models.push(r.model);
    }
  }

  const pinecone = pineconeConfigOf(deps, settings);
  const meta = repo.vectorMeta({
    id: documentId,
    source: p.source,
    tags: JSON.stringify(tags),
    effectiveDate,
  });
  const records = chunks.flatMap((c, i): (VectorRecord & { model: string })[] => {
    const v = vectors[i];
    const model = models[i] as string;
    return v
      ? [{ id: chunkKey(documentId, version, c.index), values: v, metadata: toMetadata(meta, model), model }]
      : [];
  });
  if (pinecone) {
    await steps("Writing vectors to Pinecone", chunks.length, chunks.length);
    for (const [model, recs] of groupBy(records, (r) => r.model)) {
      const t = deps.vectors.target(ws, model, pinecone);
      await t.index.upsert(
        t.namespace,
        recs.map((r) => ({ id: r.id, values: r.values, metadata: r.metadata })),
      );
    }
  }

  // Knowledge is data, never instructions: a chunk that reads like a prompt injection is kept
  // (an editor can see it on the document page) but quarantined, so it is never retrieved.
  const { policy } = await activePolicy(deps.db, ws);
  const injection = chunks.map((c) => scanInjection(c.text).score);
  const quarantinedCount = injection.filter((s) => s >= policy.injectionThreshold).length;

  await steps("Saving", chunks.length, chunks.length);
  const committed = await repo.commitDocument(
    deps.db,
    {
      workspaceId: ws,
      documentId,
      source: p.source,
      sourceKind: p.sourceKind,
      title,
      sourceFormat: extracted.sourceFormat,
      textFormat: extracted.textFormat,
      mimeType: p.mimeType,
      contentHash,
      tags,
      effectiveDate,
      byteSize: bytes.byteLength,
      text: extracted.text,
      createdById: p.actor.type === "user" ? p.actor.id : null,
      version,
      chunks: chunks.map((c, i) => ({
        key: chunkKey(documentId, version, c.index),
        ordinal: c.index,
        text: c.text,
        heading: c.headingPath.join(" › "),
        start: c.start,
        end: c.end,
        overlapStart: c.overlapStart ?? null,
        tokenCount: c.tokenEstimate,
        embedding: vectors[i] ? encodeVector(vectors[i] as number[]) : null,
        embeddingModel: models[i] ?? null,
        injectionScore: injection[i]!,
        quarantined: injection[i]! >= policy.injectionThreshold,
      })),
    },
    existing ? { version: existing.version } : null,
    async (tx) => {
      if (!settings.embeddingModel && models[0])
        await tx.knowledgeSettings.update({ where: { workspaceId: ws }, data: { embeddingModel: models[0] } });
      await audit(
        tx,
        { workspaceId: ws, actor: actorOf(p), requestId: `job:${job.id}` },
        {
          action: existing ? "knowledge.document.replaced" : "knowledge.document.created",
          entityType: "knowledge_document",
          entityId: documentId,
          before: existing ? { version: existing.version, contentHash: existing.contentHash } : null,
          after: { title, source: p.source, version, contentHash, chunks: chunks.length },
        },
      );
    },
  );
  if (!committed.ok)
    throw new JobError(
      "conflict",
      "Another ingest of this source finished first; this one will run again on top of it.",
      {
        retryable: true,
      },
    );

  if (pinecone && committed.removed.length) {
    // The old version's vectors: removed by a durable job so a Pinecone hiccup cannot leave them behind.
    await insertJob(deps.db, {
      workspaceId: ws,
      kind: REMOTE_DELETE_JOB,
      payload: { keys: committed.removed.map((r) => r.key) },
      maxAttempts: 8,
    });
    deps.kick();
  }
  if (!pinecone) {
    await deps.vectors.committed(ws, committed.revision, () => applyToEmbedded(deps, ws, records, committed.removed));
  }
  return {
    documentId,
    title,
    outcome: existing ? "replaced" : "created",
    version,
    chunkCount: chunks.length,
    warnings: quarantinedCount
      ? [
          ...extracted.warnings,
          `${quarantinedCount} of ${chunks.length} chunks read like a prompt injection and were quarantined: they are kept but never retrieved.`,
        ]
      : extracted.warnings,
  };
}

/** Mirrors a committed change into the loaded embedded namespaces (one per model). */
export async function applyToEmbedded(
  deps: KbDeps,
  ws: string,
  upserts: (VectorRecord & { model: string })[],
  removed: { key: string; model: string | null }[],
): Promise<void> {
  const idx = deps.vectors.embedded;
  for (const [model, keys] of groupBy(removed, (r) => r.model ?? "")) {
    if (model)
      await idx.delete(
        deps.vectors.target(ws, model, null).namespace,
        keys.map((k) => k.key),
      );
  }
  for (const [model, recs] of groupBy(upserts, (r) => r.model)) {
    await idx.upsert(
      deps.vectors.target(ws, model, null).namespace,
      recs.map((r) => ({ id: r.id, values: r.values, metadata: r.metadata })),
    );
  }
}

/** A plain-text file whose first line is short and is not a sentence reads as its title. */
function firstLineTitle(e: Extracted): string | null {
  if (e.textFormat !== "text") return null;
  const line = /^\s*([^\n]{3,100})\n/.exec(e.text)?.[1]?.trim();
  return line && !/[.,;:]$/.test(line) ? line : null;
}

function actorOf(p: IngestPayload) {
  return p.actor.type === "system"
    ? { type: "system" as const, label: p.actor.label }
    : { type: p.actor.type, id: p.actor.id ?? "", label: p.actor.label };
}

function sameMeta(
  d: { title: string; tags: string; effectiveDate: Date | null },
  title: string | null,
  tags: string[],
  effectiveDate: Date | null,
): boolean {
  return (
    (title === null || title === d.title) &&
    JSON.stringify(repo.parseTags(d.tags)) === JSON.stringify(tags) &&
    (d.effectiveDate?.getTime() ?? null) === (effectiveDate?.getTime() ?? null)
  );
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}
