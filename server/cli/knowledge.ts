/** `lectern ingest`, `lectern search` and `lectern ground`: the knowledge base from a terminal or CI. */
import fs from "node:fs";
import type { Command } from "commander";
import { AppError } from "@/lib/errors";
import { SearchMode, splitTags, type JobOut, type IngestOutcome } from "@/lib/schemas/knowledge";
import type { WorkspaceCtx } from "@/server/context";
import { db } from "@/server/db";
import { listDocumentFiles } from "@/server/features/rag/folder";
import { drainKnowledgeJobs } from "@/server/features/rag/handlers";
import { knowledgeDeps } from "@/server/features/rag/runtime";
import { search } from "@/server/features/rag/search";
import { getJob, ingestFile } from "@/server/features/rag/service";
import { callContext } from "@/server/features/rag/context";
import { groundWithKnowledge } from "@/server/features/rag/ground";

export async function cliContext(slug: string): Promise<WorkspaceCtx> {
  const ws = await db().workspace.findUnique({ where: { slug }, select: { id: true } });
  if (!ws) throw new AppError("not_found:workspace", `No workspace with the slug “${slug}”.`);
  return { db: db(), actor: { type: "system", label: "cli" }, workspaceId: ws.id, role: "admin", requestId: "cli" };
}

function describeJob(j: JobOut): string {
  if (j.status !== "succeeded") return `✗ ${j.label}: ${j.error?.message ?? j.status}`;
  const r = j.result as IngestOutcome;
  const what = r.outcome === "unchanged" ? `unchanged (v${r.version})` : `${r.outcome} v${r.version}`;
  return `✓ ${j.label}: ${what}, ${r.chunkCount} chunks${r.warnings.length ? ` — ${r.warnings.join("; ")}` : ""}`;
}

export function registerKnowledgeCommands(program: Command): void {
  program
    .command("ingest")
    .description("Add files or folders (Markdown, text, HTML, PDF) to a workspace's knowledge base")
    .argument("<paths...>", "files or folders (folders are read recursively)")
    .requiredOption("--workspace <slug>", "workspace slug")
    .option("--tags <tags>", "comma-separated tags for every file (default: the file's own front matter / meta tags)")
    .option("--effective-date <YYYY-MM-DD>", "effective date for every file")
    .action(async (paths: string[], o: { workspace: string; tags?: string; effectiveDate?: string }) => {
      const ctx = await cliContext(o.workspace);
      const deps = knowledgeDeps();
      const jobs: JobOut[] = [];
      for (const p of paths) {
        const files = listDocumentFiles(p);
        if (files.length === 0) console.error(`${p}: no Markdown, text, HTML or PDF files`);
        for (const f of files) {
          try {
            jobs.push(
              await ingestFile(
                deps,
                ctx,
                { name: f.relative, type: null, bytes: new Uint8Array(fs.readFileSync(f.absolute)) },
                { tags: splitTags(o.tags), effectiveDate: o.effectiveDate },
                "cli",
                `cli:${f.relative}`,
              ),
            );
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            console.log(`✗ ${f.relative}: ${e.message}`);
            process.exitCode = 1;
          }
        }
      }
      console.error(`ingesting ${jobs.length} file(s)…`);
      await drainKnowledgeJobs(deps);
      for (const j of jobs) {
        const done = await getJob(deps, ctx, j.id);
        console.log(describeJob(done));
        if (done.status !== "succeeded") process.exitCode = 1;
      }
    });

  program
    .command("search")
    .description("Search a workspace's knowledge base (hybrid: BM25 + vectors fused with RRF)")
    .argument("<query>", "what to look for")
    .requiredOption("--workspace <slug>", "workspace slug")
    .option("--mode <mode>", "lexical | vector | hybrid", "hybrid")
    .option("--top-k <n>", "number of results (1–50)", "10")
    .option("--output <format>", "line | json", "line")
    .action(async (query: string, o: { workspace: string; mode: string; topK: string; output: string }) => {
      const ctx = await cliContext(o.workspace);
      const mode = SearchMode.parse(o.mode);
      const r = await search(knowledgeDeps(), callContext(ctx), { query, mode, topK: Number(o.topK) });
      if (o.output === "json") {
        console.log(JSON.stringify(r, null, 2));
        return;
      }
      for (const w of r.warnings) console.error(`note: ${w}`);
      if (r.results.length === 0) console.log("no results");
      r.results.forEach((h, i) => {
        const why = [
          h.lexical ? `bm25 #${h.lexical.rank} ${h.lexical.score.toFixed(3)}` : null,
          h.vector ? `vector #${h.vector.rank} ${h.vector.score.toFixed(3)}` : null,
        ]
          .filter(Boolean)
          .join(", ");
        console.log(
          `${String(i + 1).padStart(2)}. ${h.score.toFixed(4)}  ${h.documentTitle}  [${h.documentId}] chars ${h.start}–${h.end}  (${why})`,
        );
        if (h.headingPath.length) console.log(`    ${h.headingPath.join(" › ")}`);
      });
    });

  program
    .command("ground")
    .description("Check a text against the knowledge base: per factual sentence, supported or not, and by which chunks")
    .argument("<file>", "a text file (plain text or Markdown)")
    .requiredOption("--workspace <slug>", "workspace slug")
    .option("--output <format>", "line | json", "line")
    .option("--fail-under <score>", "exit code 1 when the grounding score is below this (0–1)")
    .action(async (file: string, o: { workspace: string; output: string; failUnder?: string }) => {
      const ctx = await cliContext(o.workspace);
      if (!fs.existsSync(file)) throw new AppError("not_found:file", `No such file: ${file}`);
      const text = fs.readFileSync(file, "utf8");
      const r = await groundWithKnowledge(knowledgeDeps(), callContext(ctx), { text });
      if (o.output === "json") {
        console.log(
          JSON.stringify(
            {
              file,
              score: r.score,
              method: r.method,
              sentences: r.sentences
                .filter((s) => s.factual)
                .map((s) => ({
                  text: s.text,
                  start: s.start,
                  end: s.end,
                  supported: s.supported,
                  chunkIds: s.support.map((c) => c.chunkId),
                  reason: s.reason,
                })),
              warnings: r.warnings,
            },
            null,
            2,
          ),
        );
      } else {
        for (const w of r.warnings) console.error(`note: ${w}`);
        for (const s of r.sentences.filter((x) => x.factual)) {
          const mark = s.supported ? "✓" : "✗";
          const cites = s.support.map((c) => `${c.documentTitle} [${c.chunkId}]`).join("; ");
          console.log(`${mark} ${s.text.replace(/\s+/g, " ").trim()}`);
          console.log(`    ${s.supported ? cites : s.reason}`);
        }
        console.log(
          `grounding score ${r.score.toFixed(2)}: ${r.supportedCount} of ${r.factualCount} factual sentences supported (${r.method})`,
        );
      }
      if (o.failUnder !== undefined && r.score < Number(o.failUnder)) process.exitCode = 1;
    });
}
