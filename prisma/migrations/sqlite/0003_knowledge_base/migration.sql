-- CreateTable
CREATE TABLE "knowledge_settings" (
    "workspaceId" TEXT NOT NULL PRIMARY KEY,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "embeddingModel" TEXT,
    "chunkTarget" INTEGER NOT NULL DEFAULT 1200,
    "chunkOverlap" INTEGER NOT NULL DEFAULT 150,
    "vectorIndex" TEXT NOT NULL DEFAULT 'embedded',
    "pineconeHost" TEXT,
    "pineconeKeyEnc" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "knowledge_settings_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "knowledge_documents" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceKind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sourceFormat" TEXT NOT NULL,
    "textFormat" TEXT NOT NULL,
    "mimeType" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "tags" TEXT NOT NULL,
    "effectiveDate" DATETIME,
    "byteSize" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "chunkCount" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "knowledge_documents_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "knowledge_chunks" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "heading" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "overlapStart" INTEGER,
    "tokenCount" INTEGER NOT NULL,
    "embedding" BLOB,
    "embeddingModel" TEXT,
    CONSTRAINT "knowledge_chunks_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "knowledge_documents" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "jobs" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "payload" JSONB NOT NULL,
    "blob" BLOB,
    "progressDone" INTEGER NOT NULL DEFAULT 0,
    "progressTotal" INTEGER NOT NULL DEFAULT 0,
    "stage" TEXT,
    "result" JSONB,
    "errorCode" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 3,
    "runAfter" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" DATETIME,
    "lockedBy" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "jobs_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "knowledge_documents_workspaceId_updatedAt_idx" ON "knowledge_documents"("workspaceId", "updatedAt");

-- CreateIndex
CREATE INDEX "knowledge_documents_workspaceId_contentHash_idx" ON "knowledge_documents"("workspaceId", "contentHash");

-- CreateIndex
CREATE UNIQUE INDEX "knowledge_documents_workspaceId_source_key" ON "knowledge_documents"("workspaceId", "source");

-- CreateIndex
CREATE UNIQUE INDEX "knowledge_chunks_key_key" ON "knowledge_chunks"("key");

-- CreateIndex
CREATE INDEX "knowledge_chunks_documentId_ordinal_idx" ON "knowledge_chunks"("documentId", "ordinal");

-- CreateIndex
CREATE INDEX "knowledge_chunks_workspaceId_embeddingModel_idx" ON "knowledge_chunks"("workspaceId", "embeddingModel");

-- CreateIndex
CREATE INDEX "jobs_status_runAfter_idx" ON "jobs"("status", "runAfter");

-- CreateIndex
CREATE INDEX "jobs_workspaceId_kind_createdAt_idx" ON "jobs"("workspaceId", "kind", "createdAt");


-- Hand-written: full-text index of chunks (FTS5, BM25 ranking) kept in step by triggers, so a
-- chunk is searchable exactly when its row is committed. External content: the text lives once,
-- in knowledge_chunks; "id" is an INTEGER PRIMARY KEY, so rowids survive VACUUM.
CREATE VIRTUAL TABLE "knowledge_chunks_fts" USING fts5(
    "heading", "text",
    content = 'knowledge_chunks', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER "knowledge_chunks_fts_ai" AFTER INSERT ON "knowledge_chunks" BEGIN
    INSERT INTO "knowledge_chunks_fts"(rowid, "heading", "text") VALUES (new."id", new."heading", new."text");
END;
CREATE TRIGGER "knowledge_chunks_fts_ad" AFTER DELETE ON "knowledge_chunks" BEGIN
    INSERT INTO "knowledge_chunks_fts"("knowledge_chunks_fts", rowid, "heading", "text")
    VALUES ('delete', old."id", old."heading", old."text");
END;
CREATE TRIGGER "knowledge_chunks_fts_au" AFTER UPDATE OF "heading", "text" ON "knowledge_chunks" BEGIN
    INSERT INTO "knowledge_chunks_fts"("knowledge_chunks_fts", rowid, "heading", "text")
    VALUES ('delete', old."id", old."heading", old."text");
    INSERT INTO "knowledge_chunks_fts"(rowid, "heading", "text") VALUES (new."id", new."heading", new."text");
END;
