-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "chainKey" TEXT,
ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT,
ADD COLUMN     "seq" INTEGER;

-- AlterTable
ALTER TABLE "drafts" ADD COLUMN     "assigneeId" TEXT,
ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "decidedById" TEXT,
ADD COLUMN     "decision" TEXT,
ADD COLUMN     "decisionReason" TEXT,
ADD COLUMN     "dueAt" TIMESTAMP(3) NOT NULL DEFAULT '9999-12-31T00:00:00.000Z',
ADD COLUMN     "flagKinds" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "reviewSince" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "audit_chains" (
    "key" TEXT NOT NULL,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "lastHash" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "audit_chains_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "draft_flag_kinds" (
    "draftId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "draft_flag_kinds_pkey" PRIMARY KEY ("draftId","kind")
);

-- CreateTable
CREATE TABLE "draft_revisions" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "text" TEXT NOT NULL,
    "checks" JSONB,
    "authorId" TEXT,
    "authorLabel" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "draft_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "draft_comments" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorLabel" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "mentions" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "draft_comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "draftId" TEXT,
    "message" TEXT NOT NULL,
    "dedupeKey" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "golden_candidates" (
    "id" TEXT NOT NULL,
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
    "promotedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "golden_candidates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_settings" (
    "workspaceId" TEXT NOT NULL,
    "slaHours" INTEGER NOT NULL DEFAULT 24,
    "emailNotifications" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "review_settings_pkey" PRIMARY KEY ("workspaceId")
);

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

-- CreateIndex
CREATE INDEX "drafts_workspaceId_status_flagLevel_dueAt_reviewSince_id_idx" ON "drafts"("workspaceId", "status", "flagLevel" DESC, "dueAt", "reviewSince", "id");

-- CreateIndex
CREATE INDEX "drafts_workspaceId_status_assigneeId_idx" ON "drafts"("workspaceId", "status", "assigneeId");

-- AddForeignKey
ALTER TABLE "draft_flag_kinds" ADD CONSTRAINT "draft_flag_kinds_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "drafts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft_revisions" ADD CONSTRAINT "draft_revisions_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "drafts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft_comments" ADD CONSTRAINT "draft_comments_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "drafts"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill (hand-written): drafts already waiting for review entered the queue when they were
-- created; flag kinds come from the flags the pipeline recorded.
UPDATE "drafts" SET "reviewSince" = "createdAt" WHERE "status" = 'in_review' AND "reviewSince" IS NULL;
INSERT INTO "draft_flag_kinds" ("draftId", "workspaceId", "kind", "level", "count")
SELECT d."id", d."workspaceId", f->>'kind',
       MAX(CASE f->>'level' WHEN 'error' THEN 3 WHEN 'warning' THEN 2 ELSE 1 END),
       COUNT(*)
FROM "drafts" d, jsonb_array_elements(d."record"->'flags') f
GROUP BY d."id", d."workspaceId", f->>'kind';
UPDATE "drafts" SET "flagKinds" = COALESCE(
  (SELECT ',' || string_agg(k."kind", ',' ORDER BY k."kind") || ',' FROM "draft_flag_kinds" k WHERE k."draftId" = "drafts"."id"), '');
