/**
 * `lectern` — the command line. A thin layer over the same server modules the
 * app uses; each subcommand parses its input, calls a service, prints.
 * Feature commands live in their own modules and register here (`lectern eval` in ./eval).
 */
import { Command, CommanderError } from "commander";
import { isAppError } from "@/lib/errors";
import { createDb } from "@/server/db/client";
import { db } from "@/server/db";
import { EnvError, env } from "@/server/env";
import {
  describeConnectionError,
  loadMigrations,
  migrate,
  MigrationError,
  pendingMigrations,
} from "@/server/db/migrator";
import { seedDemo } from "@/server/features/demo/seed";
import { seedDemoKnowledge } from "@/server/features/demo/knowledge-seed";
import { knowledgeDeps } from "@/server/features/rag/runtime";
import { queueDemoDrafts } from "@/server/features/demo/generation-seed";
import { registerAuditCommands } from "./audit";
import { registerEvalCommand } from "./eval-command";
import { registerGuardCommands } from "./guard";
import { registerJsonLdCommands } from "./jsonld";
import { registerKnowledgeCommands } from "./knowledge";
import { LintConfigError, registerLintCommand } from "./lint";
import { registerWebhookCommands } from "./webhooks";
import { createWorkspaceWithAdmin } from "@/server/features/workspaces/bootstrap";
import { z } from "zod";

class CliError extends Error {}

async function withDb<T>(fn: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  const db = createDb(env().databaseUrl);
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

export function buildProgram(): Command {
  const program = new Command("lectern")
    .description("Lectern: AI content-ops studio. Commands for operators and CI.")
    .version(env().version)
    .showHelpAfterError();

  const dbCmd = program.command("db").description("Database schema and demo data");
  dbCmd
    .command("migrate")
    .description("Apply pending migrations to DATABASE_URL (SQLite file by default)")
    .action(async () => {
      const { databaseUrl, databaseProvider, root } = env();
      let r;
      try {
        r = await migrate(databaseUrl, loadMigrations(root, databaseProvider));
      } catch (e) {
        if (e instanceof MigrationError) throw new CliError(e.message);
        throw new CliError(describeConnectionError(databaseUrl, e));
      }
      console.log(
        r.applied.length
          ? `${databaseProvider}: applied ${r.applied.join(", ")}`
          : `${databaseProvider}: up to date (${r.alreadyApplied} migrations)`,
      );
    });
  dbCmd
    .command("status")
    .description("List pending migrations; exit code 1 when any are pending")
    .action(async () => {
      const { databaseUrl, databaseProvider, root } = env();
      let pending: string[];
      try {
        pending = await pendingMigrations(databaseUrl, loadMigrations(root, databaseProvider));
      } catch (e) {
        if (e instanceof MigrationError) throw new CliError(e.message);
        throw new CliError(describeConnectionError(databaseUrl, e));
      }
      console.log(
        pending.length ? `${databaseProvider}: pending ${pending.join(", ")}` : `${databaseProvider}: up to date`,
      );
      if (pending.length) process.exitCode = 1;
    });
  dbCmd
    .command("seed")
    .description("Create the Northwind Outdoor demo workspace (only when LECTERN_DEMO is on; idempotent)")
    .action(async () => {
      if (!env().demoMode) {
        console.log(
          "demo mode is off (LECTERN_DEMO=false): nothing seeded. Use `lectern workspace create` for a real workspace.",
        );
        return;
      }
      const r = await withDb((db) => seedDemo(db));
      console.log(r.created ? "seeded the demo workspace Northwind Outdoor" : "demo workspace already present");
      const jobs = await seedDemoKnowledge(knowledgeDeps(), r.workspaceId, env().root);
      const failed = jobs.filter((j) => j.status !== "succeeded");
      const changed = jobs.filter((j) => (j.result as { outcome?: string } | null)?.outcome !== "unchanged").length;
      console.log(`demo knowledge base: ${jobs.length} documents, ${changed} added or updated`);
      for (const j of failed) console.error(`  ✗ ${j.label}: ${j.error?.message}`);
      if (failed.length) process.exitCode = 1;
      if (await queueDemoDrafts(db(), r.workspaceId))
        console.log("demo drafts: queued; the studio writes them with the pipeline when it starts");
    });

  program
    .command("workspace")
    .description("Workspaces")
    .command("create")
    .description("Create a workspace and its first admin (the password is read from LECTERN_ADMIN_PASSWORD)")
    .requiredOption("--name <name>", "workspace name")
    .requiredOption("--slug <slug>", "URL-safe identifier, e.g. acme-marketing")
    .requiredOption("--admin-email <email>", "the first admin's email")
    .requiredOption("--admin-name <name>", "the first admin's name")
    .action(async (o: { name: string; slug: string; adminEmail: string; adminName: string }) => {
      const password = process.env.LECTERN_ADMIN_PASSWORD;
      if (!password)
        throw new CliError("Set LECTERN_ADMIN_PASSWORD (at least 12 characters) to the first admin's password.");
      const r = await withDb((db) =>
        createWorkspaceWithAdmin(db, {
          name: o.name,
          slug: o.slug,
          adminEmail: o.adminEmail,
          adminName: o.adminName,
          adminPassword: password,
        }),
      );
      console.log(
        `created workspace ${o.slug} (${r.workspaceId}); admin ${r.email}${r.existingUser ? " (existing account, password unchanged)" : ""}`,
      );
    });

  registerKnowledgeCommands(program);
  registerLintCommand(program);
  registerGuardCommands(program);
  registerJsonLdCommands(program);
  registerAuditCommands(program);
  registerWebhookCommands(program);
  registerEvalCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const program = buildProgram().exitOverride();
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof LintConfigError) {
      console.error(`error: ${e.message}`);
      return 2;
    }
    if (e instanceof EnvError || e instanceof CliError) console.error(e.message);
    else if ((e as { code?: unknown }).code === "P2021") {
      // A command that reads the database before it was migrated: say what to run, not Prisma's trace.
      console.error(
        `error: the database at DATABASE_URL has no Lectern tables yet (or misses some). Run \`npx lectern db migrate\` first.`,
      );
      return 2;
    } else if (isAppError(e)) console.error(`error: ${e.message}`);
    else if (e instanceof z.ZodError)
      console.error(`error: ${e.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    else {
      console.error(`error: ${(e as Error).message}`);
      return 1;
    }
    return e instanceof EnvError ? 2 : 1;
  }
}

if (process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
