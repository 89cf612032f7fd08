/**
 * Real databases for integration tests: a fresh SQLite file and a fresh
 * PostgreSQL database per test file, both migrated with Lectern's own
 * migrator, so every suite runs against both providers.
 *
 * PostgreSQL comes from TEST_POSTGRES_URL (default: the local server with
 * trust auth). When it is unreachable the PostgreSQL half is skipped with a
 * loud note, except under CI=true or REQUIRE_POSTGRES=1, where that fails.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type Db } from "@/server/db/client";
import { loadMigrations, migrate } from "@/server/db/migrator";

export const ROOT = path.resolve(__dirname, "..", "..");
export const ADMIN_PG_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export type TestDb = { provider: "sqlite" | "postgres"; url: string; db: Db; drop: () => Promise<void> };

export async function createSqliteTestDb(): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  await migrate(url, loadMigrations(ROOT, "sqlite"));
  const db = createDb(url);
  return {
    provider: "sqlite",
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function postgresUrlFor(dbName: string): string {
  const u = new URL(ADMIN_PG_URL);
  u.pathname = `/${dbName}`;
  return u.toString();
}

export async function createPostgresTestDb(): Promise<TestDb> {
  const name = `lectern_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = postgresUrlFor(name);
  await migrate(url, loadMigrations(ROOT, "postgres"));
  const db = createDb(url);
  return {
    provider: "postgres",
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      const c = new pg.Client({ connectionString: ADMIN_PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

let pgAvailable: Promise<boolean> | undefined;

export function postgresAvailable(): Promise<boolean> {
  pgAvailable ??= (async () => {
    const c = new pg.Client({ connectionString: ADMIN_PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await c.connect();
      await c.end();
      return true;
    } catch (e) {
      if (process.env.CI === "true" || process.env.REQUIRE_POSTGRES === "1") {
        throw new Error(`PostgreSQL is required here but unreachable at ${ADMIN_PG_URL}: ${(e as Error).message}`);
      }
      console.warn(
        `\n!! PostgreSQL unreachable at ${ADMIN_PG_URL}: PostgreSQL integration tests are SKIPPED on this machine.\n`,
      );
      return false;
    }
  })();
  return pgAvailable;
}

export const PROVIDERS = ["sqlite", "postgres"] as const;

export async function createTestDb(provider: (typeof PROVIDERS)[number]): Promise<TestDb | null> {
  if (provider === "sqlite") return createSqliteTestDb();
  return (await postgresAvailable()) ? createPostgresTestDb() : null;
}
