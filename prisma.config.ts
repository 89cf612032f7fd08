// Prisma CLI configuration. The CLI runs on its WASM engines through the
// better-sqlite3 adapter, so it never downloads a schema-engine binary.
// Migrations are applied by Lectern's own migrator (scripts/migrate.ts), which
// serves SQLite and PostgreSQL alike; this file serves `generate`/`diff`.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    return new PrismaBetterSQLite3({ url: "file:" + path.join(process.cwd(), "data", "prisma-cli.db") });
  },
});
