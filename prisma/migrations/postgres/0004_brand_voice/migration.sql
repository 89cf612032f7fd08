-- CreateTable
CREATE TABLE "brand_voice_versions" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "voice" JSONB NOT NULL,
    "policy" JSONB NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdByLabel" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "brand_voice_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "brand_voice_versions_workspaceId_version_key" ON "brand_voice_versions"("workspaceId", "version");

-- AddForeignKey
ALTER TABLE "brand_voice_versions" ADD CONSTRAINT "brand_voice_versions_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

