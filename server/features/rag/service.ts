/**
 * Knowledge-base use cases behind the routes, the CLI and the demo seed. Writes that take time
 * (extract, chunk, embed) run as jobs; these functions validate, enqueue and read.
 */
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import {
  DocumentMeta,
  KnowledgeSettingsBody,
  PasteBody,
  type DocumentDetail,
  type DocumentPage,
  type DocumentSummary,
  type JobOut,
  type KnowledgeSettingsOut,
} from "@/lib/schemas/knowledge";
import type { WorkspaceCtx } from "@/server/context";
import { requireRole } from "@/server/auth/authorize";
import { audit, decodeCursor, encodeCursor } from "@/server/features/audit/service";
import { insertJob, findJob, listJobs, jobViewSelect } from "@/server/jobs/repository";
import { encryptSecret } from "@/server/secrets";
import { defaultVectorIndex, pineconeConfigOf, pineconeKeyContext, type KbDeps } from "./deps";
import { detectFormat } from "./extract";
import { INGEST_JOB, REMOTE_DELETE_JOB, applyToEmbedded, type IngestPayload } from "./ingest";
import { REINDEX_JOB } from "./reindex";
import * as repo from "./repository";

export const KNOWLEDGE_JOB_KINDS = [INGEST_JOB, REINDEX_JOB];

type Source = { source: string; sourceKind: IngestPayload["sourceKind"]; label: string };

function actorPayload(ctx: WorkspaceCtx): IngestPayload["actor"] {
  return { type: ctx.actor.type, id: ctx.actor.id ?? null, label: ctx.actor.label };
}

function toSummary(d: Awaited<ReturnType<typeof repo.listDocuments>>[number]): DocumentSummary {
  return {
    id: d.id,
    title: d.title,
    source: d.source,
    sourceKind: d.sourceKind as DocumentSummary["sourceKind"],
    sourceFormat: d.sourceFormat as DocumentSummary["sourceFormat"],
    version: d.version,
    contentHash: d.contentHash,
    tags: repo.parseTags(d.tags),
    effectiveDate: d.effectiveDate ? d.effectiveDate.toISOString().slice(0, 10) : null,
    byteSize: d.byteSize,
    chunkCount: d.chunkCount,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

type JobView = NonNullable<Awaited<ReturnType<typeof findJob>>>;

export function toJobOut(j: JobView): JobOut {
  const payload = (j.payload ?? {}) as { label?: string };
  return {
    id: j.id,
    kind: j.kind,
    status: j.status as JobOut["status"],
    label: payload.label ?? (j.kind === REINDEX_JOB ? "Re-index" : j.kind),
    progress: { done: j.progressDone, total: j.progressTotal, stage: j.stage },
    // A queued job with an error is waiting to retry; a succeeded one may carry an earlier attempt's error.
    error:
      j.status === "failed" || (j.status === "queued" && j.errorCode)
        ? { code: j.errorCode ?? "failed", message: j.error ?? "Failed" }
        : null,
    result: j.result ?? null,
    attempts: j.attempts,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}

async function enqueueIngest(
  deps: KbDeps,
  ctx: WorkspaceCtx,
  src: Source,
  bytes: Uint8Array,
  meta: { title?: string; tags: string[]; effectiveDate?: string },
  extra: { mimeType: string | null; pasteFormat: IngestPayload["pasteFormat"] },
): Promise<JobOut> {
  await repo.ensureSettings(deps.db, ctx.workspaceId, defaultVectorIndex(deps));
  const payload: IngestPayload = {
    ...src,
    mimeType: extra.mimeType,
    pasteFormat: extra.pasteFormat,
    title: meta.title || null,
    tags: meta.tags,
    effectiveDate: meta.effectiveDate ?? null,
    newDocumentId: `doc_${randomUUID().replace(/-/g, "").slice(0, 20)}`,
    actor: actorPayload(ctx),
  };
  const { id } = await insertJob(deps.db, {
    workspaceId: ctx.workspaceId,
    kind: INGEST_JOB,
    payload,
    blob: bytes,
    createdById: ctx.actor.type === "user" ? ctx.actor.id : null,
    stage: "Queued",
  });
  deps.kick();
  return toJobOut((await findJob(deps.db, ctx.workspaceId, id))!);
}

/** A file from the upload form, the API or the CLI. Size and type are checked before anything is stored. */
export async function ingestFile(
  deps: KbDeps,
  ctx: WorkspaceCtx,
  file: { name: string; type: string | null; bytes: Uint8Array },
  rawMeta: unknown,
  sourceKind: "upload" | "cli" | "api" | "seed" = "upload",
  source?: string,
): Promise<JobOut> {
  requireRole(ctx, "editor", "add documents to the knowledge base");
  const meta = DocumentMeta.parse(rawMeta);
  if (file.bytes.byteLength > deps.maxUploadBytes)
    throw new AppError(
      "payload_too_large:upload",
      `“${file.name}” is ${mb(file.bytes.byteLength)}; the limit is ${mb(deps.maxUploadBytes)} (KNOWLEDGE_MAX_UPLOAD_MB).`,
    );
  if (!detectFormat(file.name, file.type))
    throw new AppError(
      "unsupported_media_type:knowledge",
      `“${file.name}” is not a supported type. Upload Markdown (.md), plain text (.txt), HTML (.html) or PDF (.pdf).`,
    );
  if (file.bytes.byteLength === 0) throw new AppError("validation:empty", `“${file.name}” is empty.`);
  return enqueueIngest(
    deps,
    ctx,
    { source: source ?? `${sourceKind}:${file.name}`, sourceKind, label: file.name },
    file.bytes,
    meta,
    { mimeType: file.type || null, pasteFormat: null },
  );
}

export async function ingestPaste(deps: KbDeps, ctx: WorkspaceCtx, raw: unknown): Promise<JobOut> {
  requireRole(ctx, "editor", "add documents to the knowledge base");
  const body = PasteBody.parse(raw);
  return enqueueIngest(
    deps,
    ctx,
    { source: body.source ?? `paste:${body.title}`, sourceKind: "paste", label: body.title },
    new TextEncoder().encode(body.text),
    body,
    { mimeType: null, pasteFormat: body.format },
  );
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// Same opaque cursor as the audit trail, keyed on the document's updatedAt.
const encodeDocCursor = (d: { updatedAt: Date; id: string }) => encodeCursor({ createdAt: d.updatedAt, id: d.id });
function decodeDocCursor(c: string): { updatedAt: Date; id: string } {
  const k = decodeCursor(c);
  return { updatedAt: k.createdAt, id: k.id };
}

export async function listDocuments(
  deps: KbDeps,
  ctx: WorkspaceCtx,
  q: { limit: number; cursor?: string; q?: string; tag?: string },
): Promise<DocumentPage> {
  const rows = await repo.listDocuments(deps.db, ctx.workspaceId, {
    take: q.limit + 1,
    after: q.cursor ? decodeDocCursor(q.cursor) : undefined,
    q: q.q || undefined,
    tag: q.tag || undefined,
  });
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return { items: items.map(toSummary), nextCursor: rows.length > q.limit && last ? encodeDocCursor(last) : null };
}

export async function getDocument(deps: KbDeps, ctx: WorkspaceCtx, id: string): Promise<DocumentDetail> {
  const d = await repo.getDocument(deps.db, ctx.workspaceId, id);
  if (!d) throw new AppError("not_found:document", "No such document in this workspace.");
  return {
    ...toSummary(d),
    textFormat: d.textFormat as DocumentDetail["textFormat"],
    text: d.text,
    chunks: d.chunks.map((c) => ({
      id: c.key,
      ordinal: c.ordinal,
      headingPath: c.heading ? c.heading.split(" › ") : [],
      start: c.start,
      end: c.end,
      tokenCount: c.tokenCount,
      embeddingModel: c.embeddingModel,
      text: c.text,
      injectionScore: c.injectionScore,
      quarantined: c.quarantined,
    })),
  };
}

/** Removes the document and its chunks from the database and every index. */
export async function deleteDocument(deps: KbDeps, ctx: WorkspaceCtx, id: string): Promise<void> {
  requireRole(ctx, "editor", "delete knowledge documents");
  const settings = await repo.getSettings(deps.db, ctx.workspaceId);
  const pinecone = settings?.vectorIndex === "pinecone";
  const r = await repo.deleteDocument(deps.db, ctx.workspaceId, id, async (tx, doc) => {
    await audit(tx, ctx, {
      action: "knowledge.document.deleted",
      entityType: "knowledge_document",
      entityId: doc.id,
      before: { title: doc.title, source: doc.source, version: doc.version },
      after: null,
    });
  });
  if (!r) throw new AppError("not_found:document", "No such document in this workspace.");
  if (pinecone && r.removed.length) {
    await insertJob(deps.db, {
      workspaceId: ctx.workspaceId,
      kind: REMOTE_DELETE_JOB,
      payload: { keys: r.removed.map((x) => x.key) },
      maxAttempts: 8,
    });
    deps.kick();
  } else {
    await deps.vectors.committed(ctx.workspaceId, r.revision, () =>
      applyToEmbedded(deps, ctx.workspaceId, [], r.removed),
    );
  }
}

export async function getJob(deps: KbDeps, ctx: WorkspaceCtx, id: string): Promise<JobOut> {
  const j = await findJob(deps.db, ctx.workspaceId, id);
  if (!j || !KNOWLEDGE_JOB_KINDS.includes(j.kind))
    throw new AppError("not_found:job", "No such job in this workspace.");
  return toJobOut(j);
}

export async function listKnowledgeJobs(deps: KbDeps, ctx: WorkspaceCtx, opts: { active: boolean }) {
  const rows = await listJobs(deps.db, ctx.workspaceId, {
    kinds: KNOWLEDGE_JOB_KINDS,
    statuses: opts.active ? ["queued", "running"] : undefined,
    take: 50,
  });
  return { items: rows.map(toJobOut) };
}

export async function getKnowledgeSettings(deps: KbDeps, ctx: WorkspaceCtx): Promise<KnowledgeSettingsOut> {
  const s = await repo.ensureSettings(deps.db, ctx.workspaceId, defaultVectorIndex(deps));
  const [counts, current] = await Promise.all([
    repo.countKnowledge(deps.db, ctx.workspaceId),
    deps.embedder.currentModel(ctx.workspaceId),
  ]);
  const stale = current ? await repo.countChunksToEmbed(deps.db, ctx.workspaceId, current) : 0;
  return {
    chunkTarget: s.chunkTarget,
    chunkOverlap: s.chunkOverlap,
    vectorIndex: s.vectorIndex === "pinecone" ? "pinecone" : "embedded",
    pineconeHost: s.pineconeHost ?? deps.envPinecone?.indexHost ?? null,
    pineconeKeySet: Boolean(s.pineconeKeyEnc || deps.envPinecone?.apiKey),
    embeddingModel: s.embeddingModel,
    currentEmbeddingModel: current ?? "none",
    reindexNeeded: counts.chunks > 0 && stale > 0,
    documentCount: counts.documents,
    chunkCount: counts.chunks,
    maxUploadBytes: deps.maxUploadBytes,
  };
}

export async function updateKnowledgeSettings(
  deps: KbDeps,
  ctx: WorkspaceCtx,
  raw: unknown,
): Promise<KnowledgeSettingsOut> {
  requireRole(ctx, "admin", "change knowledge-base settings");
  const b = KnowledgeSettingsBody.parse(raw);
  const before = await repo.ensureSettings(deps.db, ctx.workspaceId, defaultVectorIndex(deps));
  const data = {
    chunkTarget: b.chunkTarget,
    chunkOverlap: b.chunkOverlap,
    vectorIndex: b.vectorIndex,
    pineconeHost: b.pineconeHost ?? before.pineconeHost,
    pineconeKeyEnc: b.pineconeApiKey
      ? encryptSecret(deps.secretKey, b.pineconeApiKey, pineconeKeyContext(ctx.workspaceId))
      : before.pineconeKeyEnc,
  };
  // Refuse a Pinecone selection that cannot work, before saving it.
  if (b.vectorIndex === "pinecone") pineconeConfigOf(deps, { ...before, ...data });
  await deps.db.$transaction(async (tx) => {
    await tx.knowledgeSettings.update({ where: { workspaceId: ctx.workspaceId }, data });
    await audit(tx, ctx, {
      action: "knowledge.settings.updated",
      entityType: "knowledge_settings",
      entityId: ctx.workspaceId,
      before: { chunkTarget: before.chunkTarget, chunkOverlap: before.chunkOverlap, vectorIndex: before.vectorIndex },
      after: {
        chunkTarget: data.chunkTarget,
        chunkOverlap: data.chunkOverlap,
        vectorIndex: data.vectorIndex,
        pineconeKeyChanged: Boolean(b.pineconeApiKey),
      },
    });
  });
  return getKnowledgeSettings(deps, ctx);
}

/** Starts a re-index unless one is already queued or running; returns that job either way. */
export async function requestReindex(deps: KbDeps, ctx: WorkspaceCtx): Promise<JobOut> {
  requireRole(ctx, "editor", "re-index the knowledge base");
  const active = await deps.db.job.findFirst({
    where: { workspaceId: ctx.workspaceId, kind: REINDEX_JOB, status: { in: ["queued", "running"] } },
    select: jobViewSelect,
  });
  if (active) return toJobOut(active);
  await repo.ensureSettings(deps.db, ctx.workspaceId, defaultVectorIndex(deps));
  const { id } = await insertJob(deps.db, {
    workspaceId: ctx.workspaceId,
    kind: REINDEX_JOB,
    payload: { label: "Re-index with the current embedding model" },
    createdById: ctx.actor.type === "user" ? ctx.actor.id : null,
    maxAttempts: 5,
  });
  deps.kick();
  return toJobOut((await findJob(deps.db, ctx.workspaceId, id))!);
}

/**
 * Starts a re-index when stored vectors were made by another model than the embed route's
 * current one (after a route or provider change, or a new provider key in the environment).
 * Returns the job, or null when the vectors are current.
 */
export async function reindexIfStale(deps: KbDeps, workspaceId: string): Promise<JobOut | null> {
  const current = await deps.embedder.currentModel(workspaceId);
  if (!current || (await repo.countChunksToEmbed(deps.db, workspaceId, current)) === 0) return null;
  return requestReindex(deps, {
    db: deps.db,
    actor: { type: "system", label: "embedding model changed" },
    workspaceId,
    role: "admin",
    requestId: "reindex-check",
  });
}

/** At start-up: every workspace with a knowledge base, in case the environment changed the model. */
export async function reindexStaleWorkspaces(deps: KbDeps): Promise<number> {
  const rows = await deps.db.knowledgeSettings.findMany({ select: { workspaceId: true } });
  let started = 0;
  for (const r of rows) if (await reindexIfStale(deps, r.workspaceId)) started++;
  return started;
}
