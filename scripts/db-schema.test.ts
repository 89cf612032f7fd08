import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { derivePostgres } from "./db-schema";

const source = fs.readFileSync(path.join(__dirname, "..", "prisma", "schema.prisma"), "utf8");

describe("derivePostgres", () => {
  it("changes only the provider, URL and client output, and marks the file generated", () => {
    const out = derivePostgres(source);
    expect(out.startsWith("// GENERATED from prisma/schema.prisma")).toBe(true);
    expect(out).toContain('provider = "postgresql"');
    expect(out).toContain('output     = "../../server/generated/postgres"');
    expect(out).not.toContain('provider = "sqlite"');
    const models = (s: string) => s.slice(s.indexOf("model "));
    expect(models(out)).toBe(models(source));
  });

  it("matches the committed PostgreSQL schema (drift check)", () => {
    const committed = fs.readFileSync(path.join(__dirname, "..", "prisma", "postgres", "schema.prisma"), "utf8");
    expect(committed).toBe(derivePostgres(source));
  });

  it("refuses a source whose datasource block it cannot recognise", () => {
    expect(() => derivePostgres(source.replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(
      /Could not derive/,
    );
  });
});
