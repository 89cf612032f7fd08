import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const base = { NODE_ENV: "test", LECTERN_ROOT: "/srv/lectern" };

describe("parseEnv", () => {
  it("defaults to an embedded SQLite file under the data directory, demo mode on", () => {
    const e = parseEnv(base);
    expect(e.databaseProvider).toBe("sqlite");
    expect(e.databaseUrl).toBe(`file:${path.join("/srv/lectern", "data", "lectern.db")}`);
    expect(e.demoMode).toBe(true);
    expect(e.maxBodyBytes).toBe(1024 * 1024);
    expect(e.oauth).toEqual({ github: undefined, google: undefined, oidc: undefined });
  });

  it("picks PostgreSQL from a postgres:// URL and anchors relative SQLite paths at the project", () => {
    expect(parseEnv({ ...base, DATABASE_URL: "postgres://u@h:5432/db" }).databaseProvider).toBe("postgres");
    expect(parseEnv({ ...base, DATABASE_URL: "postgresql://u@h/db" }).databaseProvider).toBe("postgres");
    expect(parseEnv({ ...base, DATABASE_URL: "file:./x/y.db" }).databaseUrl).toBe("file:/srv/lectern/x/y.db");
  });

  it("treats empty strings as unset and parses booleans", () => {
    expect(parseEnv({ ...base, DATABASE_URL: "", LECTERN_DEMO: "false" })).toMatchObject({
      databaseProvider: "sqlite",
      demoMode: false,
    });
  });

  it("fails with one readable line per problem, naming the variable", () => {
    let err: unknown;
    try {
      parseEnv({
        ...base,
        DATABASE_URL: "mysql://x",
        AUTH_SECRET: "short",
        MAX_BODY_BYTES: "lots",
        AUTH_GITHUB_ID: "id",
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EnvError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/^Lectern cannot start: invalid configuration/);
    expect(msg).toContain("DATABASE_URL: must start with file: (SQLite) or postgres:// (PostgreSQL)");
    expect(msg).toContain("AUTH_SECRET: must be at least 32 characters");
    expect(msg).toContain("MAX_BODY_BYTES");
    expect(msg).toContain("AUTH_GITHUB_ID: set both AUTH_GITHUB_ID and AUTH_GITHUB_SECRET, or neither");
    expect(msg).not.toMatch(/at \w+ \(/); // no stack frames
  });

  it("enables an OIDC provider only with issuer, id and secret", () => {
    expect(() => parseEnv({ ...base, AUTH_OIDC_ID: "a", AUTH_OIDC_SECRET: "b" })).toThrow(
      /AUTH_OIDC_ISSUER: is required/,
    );
    const e = parseEnv({
      ...base,
      AUTH_OIDC_ID: "a",
      AUTH_OIDC_SECRET: "b",
      AUTH_OIDC_ISSUER: "https://id.example.com",
    });
    expect(e.oauth.oidc).toEqual({ issuer: "https://id.example.com", id: "a", secret: "b", name: "Single sign-on" });
  });
});
