-- CreateTable
CREATE TABLE "brand_voice_versions" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "voice" JSONB NOT NULL,
    "policy" JSONB NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdByLabel" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "brand_voice_versions_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "brand_voice_versions_workspaceId_version_key" ON "brand_voice_versions"("workspaceId", "version");

