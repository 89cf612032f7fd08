import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../generated/postgres/client";

/**
 * Both generated clients come from the same models (the PostgreSQL schema is
 * derived from the SQLite one), so they share one shape; the application is
 * typed against the SQLite client and the adapter is picked from the URL.
 */
export type Db = SqliteClient;

export type Dialect = "sqlite" | "postgres";

// A registry-wide symbol, not a module-level WeakMap: Next.js may bundle this
// module into several chunks, and the client made by one must be readable by all.
const DIALECT = Symbol.for("lectern.db.dialect");

/** Which SQL dialect a client speaks, for the few hot paths written in raw SQL. */
export function dialectOf(db: Db): Dialect {
  const d = (db as unknown as Record<symbol, Dialect | undefined>)[DIALECT];
  if (!d) throw new Error("dialectOf: not a client made by createDb");
  return d;
}

function tag<T extends object>(client: T, d: Dialect): T {
  Object.defineProperty(client, DIALECT, { value: d, enumerable: false });
  return client;
}

export function createDb(databaseUrl: string): Db {
  if (databaseUrl.startsWith("file:")) {
    const file = databaseUrl.slice("file:".length);
    if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const client = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl, timeout: 10_000 }) });
    // WAL (set by the migrator) with synchronous=NORMAL: a commit survives a crash of
    // Lectern; only a power cut can lose the last moments. It is SQLite's recommended
    // pairing and cuts each write from an fsync to a memory copy. The adapter keeps one
    // connection, and this is its first statement.
    void client.$queryRawUnsafe("PRAGMA synchronous = NORMAL").catch(() => {});
    return tag(client, "sqlite");
  }
  const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) }) as unknown as Db;
  return tag(client, "postgres");
}
