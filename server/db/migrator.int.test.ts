import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMigrations, migrate, pendingMigrations, type Migration } from "./migrator";
import { PROVIDERS, ROOT } from "@/server/testing/databases";
import { useTestDb, uid } from "@/server/testing/fixtures";

describe.each(PROVIDERS)("migrator on %s", (provider) => {
  const getDb = useTestDb(provider);

  it("has applied every migration and a second run applies nothing", async (ctx) => {
    const t = getDb(ctx);
    const all = loadMigrations(ROOT, provider);
    expect(all.length).toBeGreaterThan(0);
    expect(await pendingMigrations(t.url, all)).toEqual([]);
    const again = await migrate(t.url, all);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(all.length);
  });

  it("refuses a migration that was edited after it was applied", async (ctx) => {
    const t = getDb(ctx);
    const all = loadMigrations(ROOT, provider);
    const tampered: Migration[] = all.map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(migrate(t.url, tampered)).rejects.toThrow(/changed after it was applied/);
  });

  it("refuses a database that has a migration this code does not know", async (ctx) => {
    const t = getDb(ctx);
    const all = loadMigrations(ROOT, provider);
    await expect(migrate(t.url, all.slice(0, 0))).rejects.toThrow(/does not know/);
  });

  it("rolls back a failing migration and records nothing for it", async (ctx) => {
    const t = getDb(ctx);
    const all = loadMigrations(ROOT, provider);
    const table = `broken_${uid()}`;
    const broken: Migration = {
      name: `9999_${table}`,
      sql: `CREATE TABLE ${table} (id INTEGER);\nSELECT * FROM no_such_table_${uid()};`,
      checksum: "x",
    };
    await expect(migrate(t.url, [...all, broken])).rejects.toThrow();
    expect(await pendingMigrations(t.url, [...all, broken])).toEqual([broken.name]);
    // The CREATE TABLE of the failed file was rolled back with it.
    const rows = await t.db.$queryRawUnsafe<unknown[]>(
      provider === "sqlite"
        ? `SELECT name FROM sqlite_master WHERE name = '${table}'`
        : `SELECT tablename::text FROM pg_tables WHERE tablename = '${table}'`,
    );
    expect(rows).toHaveLength(0);
  });

  it("keeps the audit trail append-only in the database itself", async (ctx) => {
    const t = getDb(ctx);
    const e = await t.db.auditEvent.create({ data: { actorType: "system", action: "test.event", entityType: "test" } });
    await expect(t.db.auditEvent.update({ where: { id: e.id }, data: { action: "tampered" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.auditEvent.delete({ where: { id: e.id } })).rejects.toThrow(/append-only/);
    expect((await t.db.auditEvent.findUnique({ where: { id: e.id } }))?.action).toBe("test.event");
  });
});

describe("migrator on a new SQLite file", () => {
  it("creates the data directory and the file on first start", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lectern-mig-")), "nested", "data");
    const url = `file:${path.join(dir, "lectern.db")}`;
    const r = await migrate(url, loadMigrations(ROOT, "sqlite"));
    expect(r.applied.length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(dir, "lectern.db"))).toBe(true);
    fs.rmSync(path.dirname(path.dirname(dir)), { recursive: true, force: true });
  });
});
