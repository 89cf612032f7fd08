-- CreateTable
CREATE TABLE "provider_configs" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "baseUrl" TEXT,
    "apiKeyCipher" TEXT,
    "apiKeyLast4" TEXT,
    "models" JSONB NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "provider_configs_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "model_routes" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "chain" JSONB NOT NULL,
    "timeoutMs" INTEGER NOT NULL DEFAULT 30000,
    "deadlineMs" INTEGER NOT NULL DEFAULT 90000,
    "maxRetries" INTEGER NOT NULL DEFAULT 2,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "model_routes_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "model_prices" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "inputMicrosPer1M" INTEGER NOT NULL,
    "outputMicrosPer1M" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "model_prices_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "budgets" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT,
    "metric" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "softCap" INTEGER,
    "hardCap" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "budgets_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "inference_settings" (
    "workspaceId" TEXT NOT NULL PRIMARY KEY,
    "requestsPerMin" INTEGER,
    "tokensPerMin" INTEGER,
    "userRequestsPerMin" INTEGER,
    "userTokensPerMin" INTEGER,
    "cacheTtlSeconds" INTEGER NOT NULL DEFAULT 86400,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "inference_settings_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "usage_events" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT,
    "role" TEXT NOT NULL,
    "providerKind" TEXT NOT NULL,
    "providerId" TEXT,
    "model" TEXT NOT NULL,
    "promptKey" TEXT,
    "promptVersionId" TEXT,
    "inputTokens" INTEGER NOT NULL,
    "outputTokens" INTEGER NOT NULL,
    "costMicros" INTEGER NOT NULL,
    "latencyMs" INTEGER NOT NULL,
    "cacheHit" BOOLEAN NOT NULL,
    "retries" INTEGER NOT NULL,
    "fallbackUsed" BOOLEAN NOT NULL,
    "outcome" TEXT NOT NULL,
    "errorClass" TEXT,
    "attempts" JSONB,
    "requestId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "prompt_versions" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "system" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "variables" JSONB NOT NULL,
    "params" JSONB NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "prompt_versions_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "prompt_labels" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "prompt_labels_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "prompt_labels_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "prompt_versions" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "provider_configs_workspaceId_name_key" ON "provider_configs"("workspaceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "model_routes_workspaceId_role_key" ON "model_routes"("workspaceId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "model_prices_workspaceId_model_key" ON "model_prices"("workspaceId", "model");

-- CreateIndex
CREATE UNIQUE INDEX "budgets_workspaceId_scope_key" ON "budgets"("workspaceId", "scope");

-- CreateIndex
CREATE INDEX "usage_events_workspaceId_createdAt_idx" ON "usage_events"("workspaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "prompt_versions_workspaceId_key_version_key" ON "prompt_versions"("workspaceId", "key", "version");

-- CreateIndex
CREATE UNIQUE INDEX "prompt_labels_workspaceId_key_label_key" ON "prompt_labels"("workspaceId", "key", "label");

