-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN "chainKey" TEXT;
ALTER TABLE "audit_events" ADD COLUMN "hash" TEXT;
ALTER TABLE "audit_events" ADD COLUMN "prevHash" TEXT;
ALTER TABLE "audit_events" ADD COLUMN "seq" INTEGER;

-- CreateTable
CREATE TABLE "audit_chains" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "lastHash" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "draft_flag_kinds" (
    "draftId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("draftId", "kind"),
    CONSTRAINT "draft_flag_kinds_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "drafts" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "draft_revisions" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "text" TEXT NOT NULL,
    "checks" JSONB,
    "authorId" TEXT,
    "authorLabel" TEXT,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "draft_revisions_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "drafts" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "draft_comments" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorLabel" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "mentions" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "draft_comments_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "drafts" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "draftId" TEXT,
    "message" TEXT NOT NULL,
    "dedupeKey" TEXT,
    "readAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "golden_candidates" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "brief" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "flags" JSONB NOT NULL,
    "decidedById" TEXT,
    "promotedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "review_settings" (
    "workspaceId" TEXT NOT NULL PRIMARY KEY,
    "slaHours" INTEGER NOT NULL DEFAULT 24,
    "emailNotifications" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_drafts" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "campaignId" TEXT,
    "segmentId" TEXT,
    "channel" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "brief" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "text" TEXT NOT NULL,
    "record" JSONB NOT NULL,
    "governanceScore" INTEGER NOT NULL,
    "groundingScore" REAL,
    "flagLevel" INTEGER NOT NULL DEFAULT 0,
    "flagCount" INTEGER NOT NULL DEFAULT 0,
    "costMicros" INTEGER NOT NULL DEFAULT 0,
    "slug" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "assigneeId" TEXT,
    "reviewSince" DATETIME,
    "dueAt" DATETIME NOT NULL DEFAULT '9999-12-31T00:00:00.000Z',
    "decision" TEXT,
    "decidedAt" DATETIME,
    "decidedById" TEXT,
    "decisionReason" TEXT,
    "flagKinds" TEXT NOT NULL DEFAULT '',
    "batchId" TEXT,
    "rowIndex" INTEGER,
    "createdById" TEXT,
    "createdByLabel" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "drafts_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "drafts_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "campaigns" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "drafts_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "audience_segments" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "drafts_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "batches" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_drafts" ("batchId", "brief", "campaignId", "channel", "content", "costMicros", "createdAt", "createdById", "createdByLabel", "flagCount", "flagLevel", "format", "governanceScore", "groundingScore", "id", "record", "rowIndex", "segmentId", "slug", "status", "text", "title", "updatedAt", "verdict", "version", "workspaceId") SELECT "batchId", "brief", "campaignId", "channel", "content", "costMicros", "createdAt", "createdById", "createdByLabel", "flagCount", "flagLevel", "format", "governanceScore", "groundingScore", "id", "record", "rowIndex", "segmentId", "slug", "status", "text", "title", "updatedAt", "verdict", "version", "workspaceId" FROM "drafts";
DROP TABLE "drafts";
ALTER TABLE "new_drafts" RENAME TO "drafts";
CREATE INDEX "drafts_workspaceId_updatedAt_idx" ON "drafts"("workspaceId", "updatedAt");
CREATE INDEX "drafts_workspaceId_status_flagLevel_createdAt_idx" ON "drafts"("workspaceId", "status", "flagLevel", "createdAt");
CREATE INDEX "drafts_workspaceId_status_flagLevel_dueAt_reviewSince_id_idx" ON "drafts"("workspaceId", "status", "flagLevel" DESC, "dueAt", "reviewSince", "id");
CREATE INDEX "drafts_workspaceId_status_assigneeId_idx" ON "drafts"("workspaceId", "status", "assigneeId");
CREATE INDEX "drafts_workspaceId_channel_updatedAt_idx" ON "drafts"("workspaceId", "channel", "updatedAt");
CREATE INDEX "drafts_campaignId_idx" ON "drafts"("campaignId");
CREATE UNIQUE INDEX "drafts_workspaceId_slug_key" ON "drafts"("workspaceId", "slug");
CREATE UNIQUE INDEX "drafts_batchId_rowIndex_key" ON "drafts"("batchId", "rowIndex");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "draft_flag_kinds_workspaceId_kind_idx" ON "draft_flag_kinds"("workspaceId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "draft_revisions_draftId_version_key" ON "draft_revisions"("draftId", "version");

-- CreateIndex
CREATE INDEX "draft_comments_draftId_createdAt_idx" ON "draft_comments"("draftId", "createdAt");

-- CreateIndex
CREATE INDEX "notifications_userId_workspaceId_createdAt_idx" ON "notifications"("userId", "workspaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_userId_dedupeKey_key" ON "notifications"("userId", "dedupeKey");

-- CreateIndex
CREATE INDEX "golden_candidates_workspaceId_createdAt_idx" ON "golden_candidates"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "audit_events_workspaceId_action_createdAt_idx" ON "audit_events"("workspaceId", "action", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_chainKey_seq_key" ON "audit_events"("chainKey", "seq");


-- Backfill (hand-written): drafts already waiting for review entered the queue when they were
-- created; flag kinds come from the flags the pipeline recorded.
UPDATE "drafts" SET "reviewSince" = "createdAt" WHERE "status" = 'in_review' AND "reviewSince" IS NULL;
INSERT INTO "draft_flag_kinds" ("draftId", "workspaceId", "kind", "level", "count")
SELECT d."id", d."workspaceId", json_extract(f.value, '$.kind'),
       MAX(CASE json_extract(f.value, '$.level') WHEN 'error' THEN 3 WHEN 'warning' THEN 2 ELSE 1 END),
       COUNT(*)
FROM "drafts" d, json_each(d."record", '$.flags') f
GROUP BY d."id", json_extract(f.value, '$.kind');
UPDATE "drafts" SET "flagKinds" = COALESCE(
  (SELECT ',' || group_concat(k."kind", ',') || ',' FROM "draft_flag_kinds" k WHERE k."draftId" = "drafts"."id"), '');
