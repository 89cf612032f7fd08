/** `lectern audit verify`: checks the audit trail's hash chains from a terminal, cron or CI. */
import { Option, type Command } from "commander";
import { isAppError } from "@/lib/errors";
import type { AuditVerifyResult, ChainReport } from "@/lib/schemas/audit";
import { createDb } from "@/server/db/client";
import { describeConnectionError } from "@/server/db/migrator";
import { env } from "@/server/env";
import { NO_WORKSPACE_CHAIN } from "@/server/features/audit/chain-hash";
import { verifyAuditChain } from "@/server/features/audit/verify";

/** A usage or database problem: exit code 2, distinct from "tampering found" (1). */
class AuditCliError extends Error {}

function label(c: ChainReport, slugs: Map<string, string>): string {
  if (c.key === NO_WORKSPACE_CHAIN) return "(outside any workspace)";
  const slug = slugs.get(c.key);
  return slug ? `${slug} (${c.key})` : `${c.key} (workspace deleted)`;
}

export function formatVerifyText(r: AuditVerifyResult, slugs: Map<string, string>): string {
  const lines: string[] = [];
  for (const c of r.chains) {
    const n = `${c.events} event${c.events === 1 ? "" : "s"}`;
    lines.push(
      c.ok
        ? `✓ ${label(c, slugs)}: ${n}, chain intact`
        : `✗ ${label(c, slugs)}: ${n}, TAMPERING FOUND from seq ${c.firstBadSeq ?? "?"} (${c.problemCount} problem${c.problemCount === 1 ? "" : "s"})`,
    );
    for (const p of c.problems)
      lines.push(`    seq ${p.seq ?? "-"}${p.eventId ? ` (event ${p.eventId})` : ""}: ${p.kind}: ${p.message}`);
    if (c.problemCount > c.problems.length) lines.push(`    … and ${c.problemCount - c.problems.length} more`);
    if (c.unchainedAfterStart > 0)
      lines.push(
        `    warning: ${c.unchainedAfterStart} event${c.unchainedAfterStart === 1 ? " has" : "s have"} no hash but ${c.unchainedAfterStart === 1 ? "was" : "were"} recorded after this chain started (an older Lectern during an upgrade, or rows inserted outside Lectern); the chain does not cover ${c.unchainedAfterStart === 1 ? "it" : "them"}.`,
      );
  }
  if (r.chains.length === 0) lines.push("No audit events with a hash yet.");
  if (r.unchained > 0)
    lines.push(
      `${r.unchained} event${r.unchained === 1 ? " was" : "s were"} recorded before the hash chain existed (not verifiable).`,
    );
  const bad = r.chains.filter((c) => !c.ok).length;
  lines.push(r.ok ? "Audit trail intact." : `Tampering found in ${bad} of ${r.chains.length} chains.`);
  return lines.join("\n");
}

/** One line: the migrator's wording for an unreachable database, else the driver's first line. */
function readError(databaseUrl: string, e: unknown): string {
  const text = (e as Error).message ?? String(e);
  if (/no such table|relation .* does not exist|table .* does not exist/i.test(text))
    return "the database is not migrated; run `lectern db migrate` first.";
  if (
    /ECONNREFUSED|ENOTFOUND|database .* does not exist|authentication failed|unable to open|SQLITE_CANTOPEN/i.test(text)
  )
    return describeConnectionError(databaseUrl, e);
  return text.trim().split("\n").pop()!.trim();
}

export function registerAuditCommands(program: Command): void {
  program
    .command("audit")
    .description("Audit trail")
    .command("verify")
    .description(
      "Recompute the audit trail's hash chains (edits, deletions, reordering); exit 0 intact, 1 tampering found, 2 usage or database error",
    )
    // Like the root program: a usage error is thrown to main() (exit 2) instead of exiting with 1,
    // which would read as "tampering found".
    .exitOverride()
    .option("--workspace <slug>", "verify one workspace's chain (default: every chain)")
    .addOption(new Option("--output <format>", "output format").choices(["text", "json"]).default("text"))
    .action(async (o: { workspace?: string; output: "text" | "json" }) => {
      const { databaseUrl } = env();
      const db = createDb(databaseUrl);
      let result: AuditVerifyResult;
      const slugs = new Map<string, string>();
      try {
        let workspaceId: string | undefined;
        if (o.workspace) {
          const ws = await db.workspace.findUnique({ where: { slug: o.workspace }, select: { id: true } });
          if (!ws) throw new AuditCliError(`No workspace with the slug “${o.workspace}”.`);
          workspaceId = ws.id;
        }
        result = await verifyAuditChain(db, { workspaceId });
        const ids = result.chains.map((c) => c.key).filter((k) => k !== NO_WORKSPACE_CHAIN);
        for (const w of await db.workspace.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } }))
          slugs.set(w.id, w.slug);
      } catch (e) {
        console.error(
          e instanceof AuditCliError || isAppError(e)
            ? `error: ${e.message}`
            : `error: cannot read the audit trail: ${readError(databaseUrl, e)}`,
        );
        process.exitCode = 2;
        return;
      } finally {
        await db.$disconnect();
      }
      if (o.output === "json")
        console.log(
          JSON.stringify(
            { ...result, chains: result.chains.map((c) => ({ ...c, workspace: slugs.get(c.key) ?? null })) },
            null,
            2,
          ),
        );
      else console.log(formatVerifyText(result, slugs));
      process.exitCode = result.ok ? 0 : 1;
    });
}
