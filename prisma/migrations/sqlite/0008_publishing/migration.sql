-- CreateTable
CREATE TABLE "webhook_endpoints" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "eventTypes" TEXT NOT NULL,
    "secretEnc" TEXT NOT NULL,
    "secretLast4" TEXT NOT NULL,
    "previousSecretEnc" TEXT,
    "previousSecretUntil" DATETIME,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabledReason" TEXT,
    "allowPrivate" BOOLEAN NOT NULL DEFAULT false,
    "headers" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "webhook_endpoints_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "webhook_events" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "draftId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "webhook_events_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "totalAttempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" DATETIME,
    "lockedBy" TEXT,
    "claimToken" TEXT,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "deadReason" TEXT,
    "deliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "webhook_deliveries_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "webhook_events" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "webhook_deliveries_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "webhook_endpoints" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "webhook_attempts" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deliveryId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "statusCode" INTEGER,
    "outcome" TEXT NOT NULL,
    "error" TEXT,
    "responseSnippet" TEXT,
    "nextRetryAt" DATETIME,
    CONSTRAINT "webhook_attempts_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "webhook_deliveries" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "published_pages" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'live',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "publishedAt" DATETIME NOT NULL,
    "unpublishedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "published_pages_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "published_pages_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "drafts" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "webhook_endpoints_workspaceId_deletedAt_createdAt_idx" ON "webhook_endpoints"("workspaceId", "deletedAt", "createdAt");

-- CreateIndex
CREATE INDEX "webhook_events_workspaceId_createdAt_idx" ON "webhook_events"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "webhook_deliveries_status_nextAttemptAt_idx" ON "webhook_deliveries"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "webhook_deliveries_workspaceId_endpointId_createdAt_idx" ON "webhook_deliveries"("workspaceId", "endpointId", "createdAt");

-- CreateIndex
CREATE INDEX "webhook_deliveries_workspaceId_status_createdAt_idx" ON "webhook_deliveries"("workspaceId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_endpointId_eventId_key" ON "webhook_deliveries"("endpointId", "eventId");

-- CreateIndex
CREATE INDEX "webhook_attempts_deliveryId_attempt_idx" ON "webhook_attempts"("deliveryId", "attempt");

-- CreateIndex
CREATE INDEX "webhook_attempts_workspaceId_endpointId_startedAt_idx" ON "webhook_attempts"("workspaceId", "endpointId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "published_pages_draftId_key" ON "published_pages"("draftId");

-- CreateIndex
CREATE UNIQUE INDEX "published_pages_slug_key" ON "published_pages"("slug");

-- CreateIndex
CREATE INDEX "published_pages_status_slug_idx" ON "published_pages"("status", "slug");

-- CreateIndex
CREATE INDEX "published_pages_workspaceId_publishedAt_idx" ON "published_pages"("workspaceId", "publishedAt");

