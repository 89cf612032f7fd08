-- AlterTable
ALTER TABLE "golden_candidates" ADD COLUMN     "caseId" TEXT;

-- CreateTable
CREATE TABLE "golden_sets" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "promptKey" TEXT NOT NULL DEFAULT 'draft.channel',
    "passThreshold" DOUBLE PRECISION NOT NULL DEFAULT 0.8,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "golden_sets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "golden_cases" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "brief" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "expectations" JSONB NOT NULL,
    "sourceDraftId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "golden_cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "eval_runs" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "jobId" TEXT,
    "promptKey" TEXT NOT NULL,
    "promptVersionId" TEXT NOT NULL,
    "promptVersion" INTEGER NOT NULL,
    "promptLabel" TEXT,
    "route" JSONB,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "casesTotal" INTEGER NOT NULL DEFAULT 0,
    "casesDone" INTEGER NOT NULL DEFAULT 0,
    "passed" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "errored" INTEGER NOT NULL DEFAULT 0,
    "passRate" DOUBLE PRECISION,
    "costMicros" INTEGER NOT NULL DEFAULT 0,
    "latencyMs" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "eval_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "eval_case_results" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "caseName" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "result" JSONB,
    "content" JSONB,
    "error" TEXT,
    "costMicros" INTEGER NOT NULL DEFAULT 0,
    "latencyMs" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "eval_case_results_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "golden_sets_workspaceId_name_key" ON "golden_sets"("workspaceId", "name");

-- CreateIndex
CREATE INDEX "golden_cases_setId_createdAt_idx" ON "golden_cases"("setId", "createdAt");

-- CreateIndex
CREATE INDEX "eval_runs_workspaceId_createdAt_idx" ON "eval_runs"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "eval_runs_setId_promptVersionId_status_idx" ON "eval_runs"("setId", "promptVersionId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "eval_case_results_runId_caseId_key" ON "eval_case_results"("runId", "caseId");

-- CreateIndex
CREATE INDEX "golden_candidates_draftId_idx" ON "golden_candidates"("draftId");

-- AddForeignKey
ALTER TABLE "golden_sets" ADD CONSTRAINT "golden_sets_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "golden_cases" ADD CONSTRAINT "golden_cases_setId_fkey" FOREIGN KEY ("setId") REFERENCES "golden_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "eval_runs" ADD CONSTRAINT "eval_runs_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "eval_runs" ADD CONSTRAINT "eval_runs_setId_fkey" FOREIGN KEY ("setId") REFERENCES "golden_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "eval_case_results" ADD CONSTRAINT "eval_case_results_runId_fkey" FOREIGN KEY ("runId") REFERENCES "eval_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

