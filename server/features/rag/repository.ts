/**
 * The only database access of the knowledge base. Multi-row writes run in one transaction and
 * bump the workspace's index revision, so readers (and other instances' in-memory vector
 * indexes) see a document either entirely or not at all.
 */
import type { Db } from "@/server/db/client";
import { dialectOf } from "@/server/db/client";
import type { SearchFilters } from "@/lib/schemas/knowledge";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type SettingsRow = NonNullable<Awaited<ReturnType<typeof getSettings>>>;

export async function getSettings(db: Db | Tx, workspaceId: string) {
  return db.knowledgeSettings.findUnique({ where: { workspaceId } });
}

export async function ensureSettings(db: Db | Tx, workspaceId: string, vectorIndex: "embedded" | "pinecone") {
  return db.knowledgeSettings.upsert({
    where: { workspaceId },
    create: { workspaceId, vectorIndex },
    update: {},
  });
}

export async function updateSettings(
  db: Db,
  workspaceId: string,
  data: {
    chunkTarget?: number;
    chunkOverlap?: number;
    vectorIndex?: string;
    pineconeHost?: string | null;
    pineconeKeyEnc?: string | null;
    embeddingModel?: string | null;
  },
) {
  return db.knowledgeSettings.update({ where: { workspaceId }, data });
}

/** Cheap read on every search: has any instance changed this workspace's chunks? */
export async function getRevision(db: Db, workspaceId: string): Promise<number> {
  const row = await db.knowledgeSettings.findUnique({ where: { workspaceId }, select: { revision: true } });
  return row?.revision ?? 0;
}

export const documentSummarySelect = {
  id: true,
  title: true,
  source: true,
  sourceKind: true,
  sourceFormat: true,
  version: true,
  contentHash: true,
  tags: true,
  effectiveDate: true,
  byteSize: true,
  chunkCount: true,
  createdAt: true,
  updatedAt: true,
} as const;

export async function findDocumentBySource(db: Db | Tx, workspaceId: string, source: string) {
  return db.knowledgeDocument.findUnique({
    where: { workspaceId_source: { workspaceId, source } },
    select: { ...documentSummarySelect, textFormat: true },
  });
}

export async function findDocumentByHash(db: Db, workspaceId: string, contentHash: string) {
  return db.knowledgeDocument.findFirst({
    where: { workspaceId, contentHash },
    select: { id: true, title: true, source: true },
  });
}

export async function getDocument(db: Db, workspaceId: string, id: string) {
  return db.knowledgeDocument.findFirst({
    where: { id, workspaceId },
    select: {
      ...documentSummarySelect,
      textFormat: true,
      text: true,
      chunks: {
        orderBy: { ordinal: "asc" },
        select: {
          key: true,
          ordinal: true,
          heading: true,
          start: true,
          end: true,
          tokenCount: true,
          embeddingModel: true,
          text: true,
          injectionScore: true,
          quarantined: true,
        },
      },
    },
  });
}

export function tagNeedle(tag: string): string {
  return JSON.stringify(tag);
}

export async function listDocuments(
  db: Db,
  workspaceId: string,
  opts: { take: number; after?: { updatedAt: Date; id: string }; q?: string; tag?: string },
) {
  return db.knowledgeDocument.findMany({
    where: {
      workspaceId,
      ...(opts.q ? { OR: [{ title: { contains: opts.q } }, { source: { contains: opts.q } }] } : {}),
      ...(opts.tag ? { tags: { contains: tagNeedle(opts.tag.toLowerCase()) } } : {}),
      ...(opts.after
        ? {
            AND: [
              {
                OR: [
                  { updatedAt: { lt: opts.after.updatedAt } },
                  { updatedAt: opts.after.updatedAt, id: { lt: opts.after.id } },
                ],
              },
            ],
          }
        : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: opts.take,
    select: documentSummarySelect,
  });
}

export async function countKnowledge(db: Db, workspaceId: string) {
  const [documents, chunks] = await Promise.all([
    db.knowledgeDocument.count({ where: { workspaceId } }),
    db.knowledgeChunk.count({ where: { workspaceId } }),
  ]);
  return { documents, chunks };
}

export type NewChunk = {
  key: string;
  ordinal: number;
  text: string;
  heading: string;
  start: number;
  end: number;
  overlapStart: number | null;
  tokenCount: number;
  embedding: Uint8Array | null;
  embeddingModel: string | null;
  injectionScore: number;
  quarantined: boolean;
};

export type DocumentWrite = {
  workspaceId: string;
  documentId: string;
  source: string;
  sourceKind: string;
  title: string;
  sourceFormat: string;
  textFormat: string;
  mimeType: string | null;
  contentHash: string;
  tags: string[];
  effectiveDate: Date | null;
  byteSize: number;
  text: string;
  createdById: string | null;
  /** The version these chunks belong to (their keys embed it). */
  version: number;
  chunks: NewChunk[];
};

/**
 * Creates the document or replaces its content and chunks, in one transaction. `expect` is the
 * version read before the (slow) chunk/embed work: if another ingest replaced the document in
 * the meantime, nothing is written and `conflict` is returned.
 */
export async function commitDocument(
  db: Db,
  w: DocumentWrite,
  expect: { version: number } | null,
  onCommit?: (tx: Tx) => Promise<void>,
): Promise<
  { ok: true; revision: number; removed: { key: string; model: string | null }[] } | { ok: false; conflict: true }
> {
  return db.$transaction(async (tx) => {
    const current = await tx.knowledgeDocument.findUnique({
      where: { workspaceId_source: { workspaceId: w.workspaceId, source: w.source } },
      select: { id: true, version: true },
    });
    if ((current?.version ?? null) !== (expect?.version ?? null))
      return { ok: false as const, conflict: true as const };
    const data = {
      title: w.title,
      sourceKind: w.sourceKind,
      sourceFormat: w.sourceFormat,
      textFormat: w.textFormat,
      mimeType: w.mimeType,
      contentHash: w.contentHash,
      tags: JSON.stringify(w.tags),
      effectiveDate: w.effectiveDate,
      byteSize: w.byteSize,
      text: w.text,
      chunkCount: w.chunks.length,
      version: w.version,
    };
    let removed: { key: string; model: string | null }[] = [];
    if (current) {
      const old = await tx.knowledgeChunk.findMany({
        where: { documentId: current.id },
        select: { key: true, embeddingModel: true },
      });
      removed = old.map((c) => ({ key: c.key, model: c.embeddingModel }));
      await tx.knowledgeChunk.deleteMany({ where: { documentId: current.id } });
      await tx.knowledgeDocument.update({ where: { id: current.id }, data });
    } else {
      await tx.knowledgeDocument.create({
        data: { ...data, id: w.documentId, workspaceId: w.workspaceId, source: w.source, createdById: w.createdById },
      });
    }
    const documentId = current?.id ?? w.documentId;
    // createMany in slices keeps each statement under SQLite's bound-parameter limit.
    for (let i = 0; i < w.chunks.length; i += 200) {
      await tx.knowledgeChunk.createMany({
        data: w.chunks.slice(i, i + 200).map((c) => ({
          ...c,
          embedding: c.embedding ? Buffer.from(c.embedding) : null,
          workspaceId: w.workspaceId,
          documentId,
        })),
      });
    }
    const revision = await bumpRevision(tx, w.workspaceId, removed.length > 0 || w.chunks.length > 0);
    await onCommit?.(tx);
    return { ok: true as const, revision, removed };
  });
}

async function bumpRevision(tx: Tx, workspaceId: string, changed: boolean): Promise<number> {
  const s = await tx.knowledgeSettings.update({
    where: { workspaceId },
    data: changed ? { revision: { increment: 1 } } : {},
    select: { revision: true },
  });
  return s.revision;
}

export async function deleteDocument(
  db: Db,
  workspaceId: string,
  id: string,
  onCommit?: (tx: Tx, doc: { id: string; title: string; source: string; version: number }) => Promise<void>,
): Promise<{
  removed: { key: string; model: string | null }[];
  revision: number;
  title: string;
  source: string;
} | null> {
  return db.$transaction(async (tx) => {
    const doc = await tx.knowledgeDocument.findFirst({
      where: { id, workspaceId },
      select: { id: true, title: true, source: true, version: true },
    });
    if (!doc) return null;
    const removed = (
      await tx.knowledgeChunk.findMany({ where: { documentId: id }, select: { key: true, embeddingModel: true } })
    ).map((c) => ({ key: c.key, model: c.embeddingModel }));
    await tx.knowledgeChunk.deleteMany({ where: { documentId: id } });
    await tx.knowledgeDocument.delete({ where: { id } });
    const revision = await bumpRevision(tx, workspaceId, true);
    await onCommit?.(tx, doc);
    return { removed, revision, title: doc.title, source: doc.source };
  });
}

/** Metadata every vector carries, so both indexes can filter the way the lexical side does. */
export type ChunkVectorMeta = {
  documentId: string;
  source: string;
  tags: string[];
  /** Days since 1970-01-01 (UTC); absent when the document has no effective date. */
  effective?: number;
};

export function effectiveDay(d: Date | null): number | undefined {
  return d ? Math.floor(d.getTime() / 86_400_000) : undefined;
}

/**
 * Every stored vector of one workspace made with `model` (the embedded index loads these).
 * Raw SQL reading the blob as hex: the driver adapter turns a BLOB into an array of numbers,
 * which made a 100k-vector load several times slower than decoding hex text here.
 */
export async function loadVectors(
  db: Db,
  workspaceId: string,
  model: string,
): Promise<{ key: string; embedding: Uint8Array; meta: ChunkVectorMeta }[]> {
  const docs = await db.knowledgeDocument.findMany({
    where: { workspaceId },
    select: { id: true, source: true, tags: true, effectiveDate: true },
  });
  const metaOf = new Map(docs.map((d) => [d.id, vectorMeta(d)]));
  const pg = dialectOf(db) === "postgres";
  const sql = `SELECT "id", "key", "documentId", ${pg ? `encode("embedding", 'hex')` : `hex("embedding")`} AS "hex"
    FROM "knowledge_chunks"
    WHERE "workspaceId" = ${pg ? "$1" : "?"} AND "embeddingModel" = ${pg ? "$2" : "?"} AND "embedding" IS NOT NULL AND "quarantined" = false AND "id" > ${pg ? "$3" : "?"}
    ORDER BY "id" LIMIT ${PAGE}`;
  const out: { key: string; embedding: Uint8Array; meta: ChunkVectorMeta }[] = [];
  let after = 0;
  for (;;) {
    const rows = await db.$queryRawUnsafe<{ id: number | bigint; key: string; documentId: string; hex: string }[]>(
      sql,
      workspaceId,
      model,
      after,
    );
    for (const r of rows) {
      const meta = metaOf.get(r.documentId);
      if (meta) out.push({ key: r.key, embedding: new Uint8Array(Buffer.from(r.hex, "hex")), meta });
    }
    if (rows.length < PAGE) return out;
    after = Number(rows.at(-1)!.id);
  }
}

const PAGE = 5000;

export function vectorMeta(d: {
  id: string;
  source: string;
  tags: string;
  effectiveDate: Date | null;
}): ChunkVectorMeta {
  const effective = effectiveDay(d.effectiveDate);
  return {
    documentId: d.id,
    source: d.source,
    tags: parseTags(d.tags),
    ...(effective === undefined ? {} : { effective }),
  };
}

export function parseTags(raw: string): string[] {
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}

/** Chunks by public key with their document, in the order given (unknown and quarantined keys are dropped). */
export async function chunksByKeys(db: Db, workspaceId: string, keys: string[]) {
  if (keys.length === 0) return [];
  // By key alone (the unique index), then the workspace check here: with the workspace in the
  // query, SQLite without statistics picked the workspace index and scanned every chunk.
  const found = await db.knowledgeChunk.findMany({
    where: { key: { in: keys } },
    select: {
      key: true,
      workspaceId: true,
      documentId: true,
      heading: true,
      start: true,
      end: true,
      text: true,
      quarantined: true,
      document: { select: { title: true, source: true, contentHash: true, version: true } },
    },
  });
  const rows = found.filter((r) => r.workspaceId === workspaceId && !r.quarantined);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return keys.flatMap((k) => {
    const r = byKey.get(k);
    return r ? [r] : [];
  });
}

/**
 * BM25 on SQLite (FTS5), ts_rank_cd on PostgreSQL (full-text search with a GIN index).
 * `terms` are plain words (letters and digits only); they are ORed, so a chunk matching more
 * of them ranks higher. Higher score = better on both databases.
 */
export async function lexicalSearch(
  db: Db,
  workspaceId: string,
  terms: string[],
  filters: SearchFilters,
  limit: number,
): Promise<{ key: string; score: number }[]> {
  if (terms.length === 0) return [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return dialectOf(db) === "postgres" ? `$${params.length}` : "?";
  };
  // Quarantined chunks (possible prompt injection) are never retrieved.
  const where: string[] = [`c."quarantined" = false`];
  const filterSql = () => {
    if (filters.documentIds?.length) where.push(`c."documentId" IN (${filters.documentIds.map(p).join(", ")})`);
    if (filters.sources?.length) where.push(`d."source" IN (${filters.sources.map(p).join(", ")})`);
    if (filters.tags?.length)
      where.push(
        `(${filters.tags.map((t) => `d."tags" LIKE ${p(`%${escapeLike(tagNeedle(t))}%`)} ESCAPE '\\'`).join(" OR ")})`,
      );
    if (filters.effectiveFrom) where.push(`d."effectiveDate" >= ${p(dayStart(filters.effectiveFrom))}`);
    if (filters.effectiveTo) where.push(`d."effectiveDate" <= ${p(dayStart(filters.effectiveTo))}`);
  };
  let sql: string;
  if (dialectOf(db) === "sqlite") {
    const match = p(terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(" OR "));
    const windowAt = params.length;
    const window = p(limit * 4);
    const ws = p(workspaceId);
    filterSql();
    // CROSS JOIN fixes the join order (full-text matches first, then their rows): without
    // statistics SQLite otherwise drove the query from the workspace index, scoring every chunk.
    // `window` caps the matches joined to their rows (see below); -1 means no cap.
    sql = `SELECT c."key" AS key, -m.s AS score
      FROM (SELECT rowid AS id, bm25("knowledge_chunks_fts", 2.0, 1.0) AS s
            FROM "knowledge_chunks_fts" WHERE "knowledge_chunks_fts" MATCH ${match}
            ORDER BY s LIMIT ${window}) m
      CROSS JOIN "knowledge_chunks" c ON c."id" = m.id
      CROSS JOIN "knowledge_documents" d ON d."id" = c."documentId"
      WHERE c."workspaceId" = ${ws}${where.map((w) => ` AND ${w}`).join("")}
      ORDER BY m.s LIMIT ${p(limit)}`;
    // Joining every match to its rows dominated large corpora (tens of thousands of matches for
    // a common word). So first join only the index's best `window` matches: if at least `limit`
    // of them belong to this workspace and pass the filters, they are exactly its best `limit`
    // (any better match of this workspace ranks higher in the whole index, so it is inside the
    // window too). Otherwise run again over every match.
    const first = await db.$queryRawUnsafe<{ key: string; score: number }[]>(sql, ...params);
    if (first.length >= limit) return first.map((r) => ({ key: r.key, score: Number(r.score) }));
    params[windowAt] = -1;
  } else {
    const q = p(terms.join(" | "));
    const ws = p(workspaceId);
    filterSql();
    sql = `SELECT c."key" AS key, ts_rank_cd(c."search", q, 32) AS score
      FROM "knowledge_chunks" c
      JOIN "knowledge_documents" d ON d."id" = c."documentId",
      to_tsquery('english', ${q}) q
      WHERE c."search" @@ q AND c."workspaceId" = ${ws}${where.map((w) => ` AND ${w}`).join("")}
      ORDER BY score DESC, c."id" LIMIT ${p(limit)}`;
  }
  const rows = await db.$queryRawUnsafe<{ key: string; score: number }[]>(sql, ...params);
  return rows.map((r) => ({ key: r.key, score: Number(r.score) }));
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Chunks whose vector is missing or was made by another model (the re-index job's work list). */
export async function chunksToEmbed(db: Db, workspaceId: string, model: string, take: number) {
  return db.knowledgeChunk.findMany({
    where: { workspaceId, OR: [{ embeddingModel: null }, { embeddingModel: { not: model } }] },
    orderBy: { id: "asc" },
    take,
    select: { id: true, key: true, text: true, documentId: true },
  });
}

export async function countChunksToEmbed(db: Db, workspaceId: string, model: string): Promise<number> {
  return db.knowledgeChunk.count({
    where: { workspaceId, OR: [{ embeddingModel: null }, { embeddingModel: { not: model } }] },
  });
}

export async function storeEmbeddings(
  db: Db,
  workspaceId: string,
  rows: { id: number; embedding: Uint8Array | null; model: string }[],
): Promise<number> {
  return db.$transaction(async (tx) => {
    for (const r of rows) {
      await tx.knowledgeChunk.update({
        where: { id: r.id },
        data: { embedding: r.embedding ? Buffer.from(r.embedding) : null, embeddingModel: r.model },
      });
    }
    return bumpRevision(tx, workspaceId, rows.length > 0);
  });
}

export async function documentsMeta(db: Db, workspaceId: string, ids: string[]) {
  const docs = await db.knowledgeDocument.findMany({
    where: { workspaceId, id: { in: ids } },
    select: { id: true, source: true, tags: true, effectiveDate: true },
  });
  return new Map(docs.map((d) => [d.id, vectorMeta(d)]));
}
