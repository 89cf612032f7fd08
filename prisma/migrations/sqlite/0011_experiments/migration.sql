-- CreateTable
CREATE TABLE "experiments" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "metric" TEXT NOT NULL,
    "minSamples" INTEGER NOT NULL DEFAULT 100,
    "floor" REAL NOT NULL DEFAULT 0.05,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stoppedAt" DATETIME,
    CONSTRAINT "experiments_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "experiments_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "drafts" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "experiment_arms" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "experimentId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "impressions" INTEGER NOT NULL DEFAULT 0,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "conversions" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "experiment_arms_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "experiments" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "experiment_assignments" (
    "experimentId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "armKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("experimentId", "unitId")
);

-- CreateTable
CREATE TABLE "experiment_outcomes" (
    "experimentId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "armKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("experimentId", "eventId")
);

-- CreateIndex
CREATE INDEX "experiments_workspaceId_createdAt_idx" ON "experiments"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "experiments_draftId_idx" ON "experiments"("draftId");

-- CreateIndex
CREATE UNIQUE INDEX "experiment_arms_experimentId_key_key" ON "experiment_arms"("experimentId", "key");

