-- CreateTable
CREATE TABLE "knowledge_settings" (
    "workspaceId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "embeddingModel" TEXT,
    "chunkTarget" INTEGER NOT NULL DEFAULT 1200,
    "chunkOverlap" INTEGER NOT NULL DEFAULT 150,
    "vectorIndex" TEXT NOT NULL DEFAULT 'embedded',
    "pineconeHost" TEXT,
    "pineconeKeyEnc" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "knowledge_settings_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateTable
CREATE TABLE "knowledge_documents" (
    "id" TEXT NOT NULL,
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
    "effectiveDate" TIMESTAMP(3),
    "byteSize" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "chunkCount" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "knowledge_documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "knowledge_chunks" (
    "id" SERIAL NOT NULL,
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
    "embedding" BYTEA,
    "embeddingModel" TEXT,

    CONSTRAINT "knowledge_chunks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "jobs" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "payload" JSONB NOT NULL,
    "blob" BYTEA,
    "progressDone" INTEGER NOT NULL DEFAULT 0,
    "progressTotal" INTEGER NOT NULL DEFAULT 0,
    "stage" TEXT,
    "result" JSONB,
    "errorCode" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 3,
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "lockedBy" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "knowledge_settings" ADD CONSTRAINT "knowledge_settings_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "knowledge_documents" ADD CONSTRAINT "knowledge_documents_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "knowledge_chunks" ADD CONSTRAINT "knowledge_chunks_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "knowledge_documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: full-text search over chunks. A generated tsvector column (heading weighted
-- above body text) with a GIN index; it is maintained by PostgreSQL in the same statement that
-- writes the row. Prisma does not know this column and never selects it.
ALTER TABLE "knowledge_chunks" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', "heading"), 'B') || setweight(to_tsvector('english', "text"), 'D')
) STORED;
CREATE INDEX "knowledge_chunks_search_idx" ON "knowledge_chunks" USING GIN ("search");
