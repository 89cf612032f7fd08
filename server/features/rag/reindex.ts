/**
 * Re-index after the embed route changed model: re-embed every chunk whose vector was made by
 * another model, batch by batch. Each batch is its own transaction, so an interrupted job
 * resumes where it stopped (the work list is "chunks not on the current model").
 */
import { JobError, type JobControl, type JobRow } from "@/server/jobs/types";
import { EMBED_BATCH, pineconeConfigOf, type KbDeps } from "./deps";
import { REMOTE_DELETE_JOB, toJobError } from "./ingest";
import * as repo from "./repository";
import { encodeVector, isZeroVector, toMetadata } from "./vectors";

export const REINDEX_JOB = "knowledge.reindex";

export async function runReindex(deps: KbDeps, job: JobRow, ctl: JobControl): Promise<unknown> {
  try {
    return await reindex(deps, job, ctl);
  } catch (e) {
    throw toJobError(e);
  }
}

async function reindex(deps: KbDeps, job: JobRow, ctl: JobControl) {
  const ws = job.workspaceId;
  const model = await deps.embedder.currentModel(ws);
  if (!model) throw new JobError("no_model", "The embed route has no usable model; fix it in Settings → Models.");
  const settings = await repo.getSettings(deps.db, ws);
  const pinecone = pineconeConfigOf(deps, settings);
  const total = await repo.countChunksToEmbed(deps.db, ws, model);
  let done = 0;
  const ctx = { workspaceId: ws, userLabel: "re-index job" };
  for (;;) {
    await ctl.progress(done, total, `Re-embedding chunks with ${model}: ${done} of ${total}`);
    const batch = await repo.chunksToEmbed(deps.db, ws, model, EMBED_BATCH);
    if (batch.length === 0) break;
    const r = await deps.embedder.embed(
      ctx,
      batch.map((c) => c.text),
      ctl.signal,
    );
    if (r.model !== model)
      throw new JobError(
        "model_changed",
        `The embed route answered with ${r.model} instead of ${model} (a fallback?); the re-index will try again.`,
        { retryable: true },
      );
    const metas = await repo.documentsMeta(
      deps.db,
      ws,
      batch.map((c) => c.documentId),
    );
    const records = batch.flatMap((c, i) => {
      const v = r.embeddings[i];
      const meta = metas.get(c.documentId);
      return v && meta && !isZeroVector(v) ? [{ id: c.key, values: v, metadata: toMetadata(meta, model) }] : [];
    });
    if (pinecone) {
      const t = deps.vectors.target(ws, model, pinecone);
      await t.index.upsert(t.namespace, records);
    }
    await repo.storeEmbeddings(
      deps.db,
      ws,
      batch.map((c, i) => {
        const v = r.embeddings[i];
        return { id: c.id, embedding: v && !isZeroVector(v) ? encodeVector(v) : null, model };
      }),
    );
    done += batch.length;
  }
  await repo.updateSettings(deps.db, ws, { embeddingModel: model });
  return { model, chunks: done };
}

/** Removes vectors of deleted or replaced chunks from a remote index (retried until it works). */
export async function runRemoteDelete(deps: KbDeps, job: JobRow, ctl: JobControl): Promise<unknown> {
  const keys = (job.payload as { keys?: unknown }).keys;
  if (!Array.isArray(keys)) throw new JobError("bad_payload", "Malformed remote delete job.");
  try {
    const settings = await repo.getSettings(deps.db, job.workspaceId);
    const pinecone = pineconeConfigOf(deps, settings);
    if (!pinecone) return { deleted: 0, note: "The workspace no longer uses a remote index." };
    await ctl.progress(0, keys.length, "Removing vectors from Pinecone");
    const t = deps.vectors.target(job.workspaceId, "any", pinecone);
    await t.index.delete(t.namespace, keys as string[]);
    return { deleted: keys.length };
  } catch (e) {
    throw toJobError(e);
  }
}

export { REMOTE_DELETE_JOB };
