-- AlterTable
ALTER TABLE "usage_events" ADD COLUMN "injectionScore" REAL;
ALTER TABLE "usage_events" ADD COLUMN "redactions" JSONB;

-- CreateTable
CREATE TABLE "governor_styles" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "files" JSONB NOT NULL,
    "ruleCount" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "contentHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdByLabel" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "governor_styles_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "guardrail_policy_versions" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "policy" JSONB NOT NULL,
    "createdById" TEXT,
    "createdByLabel" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "guardrail_policy_versions_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (hand-written: the generated table redefinition would drop the FTS5 triggers of 0003)
ALTER TABLE "knowledge_chunks" ADD COLUMN "injectionScore" REAL NOT NULL DEFAULT 0;
ALTER TABLE "knowledge_chunks" ADD COLUMN "quarantined" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "governor_styles_workspaceId_name_key" ON "governor_styles"("workspaceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "guardrail_policy_versions_workspaceId_version_key" ON "guardrail_policy_versions"("workspaceId", "version");

