-- AlterTable
ALTER TABLE "usage_events" ADD COLUMN     "injectionScore" DOUBLE PRECISION,
ADD COLUMN     "redactions" JSONB;

-- AlterTable
ALTER TABLE "knowledge_chunks" ADD COLUMN     "injectionScore" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "quarantined" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "governor_styles" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "files" JSONB NOT NULL,
    "ruleCount" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "contentHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdByLabel" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "governor_styles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guardrail_policy_versions" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "policy" JSONB NOT NULL,
    "createdById" TEXT,
    "createdByLabel" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "guardrail_policy_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "governor_styles_workspaceId_name_key" ON "governor_styles"("workspaceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "guardrail_policy_versions_workspaceId_version_key" ON "guardrail_policy_versions"("workspaceId", "version");

-- AddForeignKey
ALTER TABLE "governor_styles" ADD CONSTRAINT "governor_styles_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guardrail_policy_versions" ADD CONSTRAINT "guardrail_policy_versions_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

