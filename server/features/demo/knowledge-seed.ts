import fs from "node:fs";
import path from "node:path";
import type { KbDeps } from "@/server/features/rag/deps";
import { listDocumentFiles } from "@/server/features/rag/folder";
import { drainKnowledgeJobs } from "@/server/features/rag/handlers";
import { ingestFile, getJob } from "@/server/features/rag/service";
import type { JobOut } from "@/lib/schemas/knowledge";

/** The fictional Northwind documents (see knowledge/README.md, which is not ingested). */
export function demoKnowledgeDir(root: string): string {
  return path.join(root, "server", "features", "demo", "knowledge");
}

/**
 * Ingests the demo documents into the demo workspace. Idempotent: an unchanged file is a no-op,
 * a file changed by a new release replaces its previous version.
 */
export async function seedDemoKnowledge(deps: KbDeps, workspaceId: string, root: string): Promise<JobOut[]> {
  const ctx = {
    db: deps.db,
    actor: { type: "system" as const, label: "seed" },
    workspaceId,
    role: "admin" as const,
    requestId: "seed",
  };
  const files = listDocumentFiles(demoKnowledgeDir(root), { skip: (rel) => rel === "README.md" });
  const jobs: JobOut[] = [];
  for (const f of files) {
    jobs.push(
      await ingestFile(
        deps,
        ctx,
        { name: f.relative, type: null, bytes: new Uint8Array(fs.readFileSync(f.absolute)) },
        {},
        "seed",
        `seed:${f.relative}`,
      ),
    );
  }
  await drainKnowledgeJobs(deps);
  return Promise.all(jobs.map((j) => getJob(deps, ctx, j.id)));
}
