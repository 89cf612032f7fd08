import "server-only";
import { env } from "./env";
import { createDb, type Db } from "./db/client";

export type { Db };

// One client per process; kept on globalThis so dev-server reloads reuse it.
const g = globalThis as unknown as { __lecternDb?: Db };

export function db(): Db {
  g.__lecternDb ??= createDb(env().databaseUrl);
  return g.__lecternDb;
}
