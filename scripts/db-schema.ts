/**
 * One schema, two providers.
 *
 * prisma/schema.prisma (SQLite) is the source. This script derives
 * prisma/postgres/schema.prisma from it and writes a new migration for both
 * providers when the schema changed:
 *
 *   npm run db:schema -- --name add_drafts   # derive + write migrations
 *   npm run db:schema -- --check             # CI: fail on any drift
 *
 * Each migration folder keeps a snapshot of the schema it leads to, so the
 * next migration is a diff from that snapshot (no database needed).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const SOURCE = path.join(root, "prisma", "schema.prisma");
const PG_SCHEMA = path.join(root, "prisma", "postgres", "schema.prisma");
const PROVIDERS = ["sqlite", "postgres"] as const;
type Provider = (typeof PROVIDERS)[number];

const HEADER = "// GENERATED from prisma/schema.prisma by `npm run db:schema`. Do not edit.\n";

export function derivePostgres(source: string): string {
  const out = source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/lectern"')
    .replace(/output\s*=\s*"\.\.\/server\/generated\/sqlite"/, 'output     = "../../server/generated/postgres"');
  if (out === source || !out.includes('"postgresql"') || !out.includes("generated/postgres")) {
    throw new Error(
      "Could not derive the PostgreSQL schema: the datasource or generator block of prisma/schema.prisma changed shape.",
    );
  }
  return HEADER + out;
}

function schemaFor(p: Provider): string {
  return p === "sqlite" ? SOURCE : PG_SCHEMA;
}

function migrationsDir(p: Provider): string {
  return path.join(root, "prisma", "migrations", p);
}

function lastMigration(p: Provider): string | undefined {
  const dir = migrationsDir(p);
  if (!fs.existsSync(dir)) return undefined;
  return fs
    .readdirSync(dir)
    .filter((n) => fs.statSync(path.join(dir, n)).isDirectory())
    .sort()
    .at(-1);
}

function diff(p: Provider): string {
  const last = lastMigration(p);
  const from = last
    ? ["--from-schema-datamodel", path.join(migrationsDir(p), last, "schema.prisma")]
    : ["--from-empty"];
  const r = spawnSync(
    path.join(root, "node_modules", ".bin", "prisma"),
    ["migrate", "diff", ...from, "--to-schema-datamodel", schemaFor(p), "--script"],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  if (r.status !== 0) throw new Error(`prisma migrate diff failed for ${p}:\n${r.stderr}`);
  return r.stdout;
}

function isEmpty(sql: string): boolean {
  return sql.split("\n").every((l) => !l.trim() || l.trim().startsWith("--"));
}

function main() {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const nameIdx = args.indexOf("--name");
  const name = nameIdx >= 0 ? args[nameIdx + 1] : undefined;
  fs.mkdirSync(path.join(root, "data"), { recursive: true });

  const derived = derivePostgres(fs.readFileSync(SOURCE, "utf8"));
  const current = fs.existsSync(PG_SCHEMA) ? fs.readFileSync(PG_SCHEMA, "utf8") : "";
  const problems: string[] = [];
  if (derived !== current) {
    if (check) problems.push("prisma/postgres/schema.prisma is out of date with prisma/schema.prisma.");
    else {
      fs.mkdirSync(path.dirname(PG_SCHEMA), { recursive: true });
      fs.writeFileSync(PG_SCHEMA, derived);
      console.log("wrote prisma/postgres/schema.prisma");
    }
  }

  const pending = PROVIDERS.map((p) => ({ p, sql: diff(p) })).filter((x) => !isEmpty(x.sql));
  if (pending.length && check)
    problems.push(`The schema has changes without a migration (${pending.map((x) => x.p).join(", ")}).`);
  if (pending.length && !check) {
    if (!name || !/^[a-z0-9_]+$/.test(name)) {
      console.error("The schema changed: pass --name <snake_case_name> to write the migration.");
      process.exit(1);
    }
    // Both providers share one sequence number so their histories stay aligned.
    const n = Math.max(0, ...PROVIDERS.map((p) => Number(lastMigration(p)?.slice(0, 4) ?? 0))) + 1;
    const folder = `${String(n).padStart(4, "0")}_${name}`;
    const sqlByProvider = new Map(PROVIDERS.map((p) => [p, diff(p)]));
    for (const p of PROVIDERS) {
      const dir = path.join(migrationsDir(p), folder);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "migration.sql"), sqlByProvider.get(p)!);
      fs.copyFileSync(schemaFor(p), path.join(dir, "schema.prisma"));
      console.log(`wrote prisma/migrations/${p}/${folder}`);
    }
  }
  if (problems.length) {
    console.error(
      "Schema drift:\n  " +
        problems.join("\n  ") +
        "\nRun `npm run db:schema -- --name <change>` and commit the result.",
    );
    process.exit(1);
  }
  if (!pending.length) console.log("schema and migrations are in sync for sqlite and postgres");
}

if (require.main === module) main();
