import { describe, expect, it } from "vitest";
import { PROVIDERS } from "@/server/testing/databases";
import { makeWorkspace, useTestDb } from "@/server/testing/fixtures";
import { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from "./service";

describe.each(PROVIDERS)("API keys on %s", (provider) => {
  const getDb = useTestDb(provider);

  it("creates a key shown once, stores only its hash, authenticates it and records last use", async (ctx) => {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db);
    const created = await createApiKey(w.ctxFor("admin"), { name: "CMS", scopes: ["write", "read", "read"] });
    expect(created.key).toMatch(/^lk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(created.scopes).toEqual(["read", "write"]);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    const secret = created.key.slice("lk_".length + 12 + 1);
    expect(secret).toHaveLength(43);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.hash).not.toContain(secret);
    expect(JSON.stringify(await listApiKeys(w.ctxFor("admin")))).not.toContain(created.key);

    const p = await authenticateApiKey(db, created.key);
    expect(p).toEqual({ keyId: created.id, name: "CMS", workspaceId: w.ws.id, scopes: ["read", "write"] });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();
  });

  it("rejects malformed, unknown, tampered and revoked keys the same way", async (ctx) => {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db);
    const { key, id } = await createApiKey(w.ctxFor("admin"), { name: "k", scopes: ["read"] });
    const tampered = key.slice(0, -1) + (key.endsWith("A") ? "B" : "A");
    for (const bad of ["", "Bearer", "lk_short", tampered, `lk_${"Z".repeat(12)}_${"a".repeat(43)}`]) {
      await expect(authenticateApiKey(db, bad)).rejects.toMatchObject({ code: "unauthorized:api_key", status: 401 });
    }
    await revokeApiKey(w.ctxFor("admin"), id);
    await expect(authenticateApiKey(db, key)).rejects.toMatchObject({ code: "unauthorized:api_key" });
    await expect(revokeApiKey(w.ctxFor("admin"), id)).rejects.toMatchObject({ code: "conflict:api_key_revoked" });
    const actions = (
      await db.auditEvent.findMany({ where: { workspaceId: w.ws.id }, orderBy: { createdAt: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(["api_key.created", "api_key.revoked"]);
  });

  it("is admin-only and scoped to the workspace", async (ctx) => {
    const { db } = getDb(ctx);
    const a = await makeWorkspace(db);
    const b = await makeWorkspace(db, ["admin"]);
    await expect(createApiKey(a.ctxFor("editor"), { name: "x", scopes: ["read"] })).rejects.toMatchObject({
      code: "forbidden:admin",
    });
    const k = await createApiKey(a.ctxFor("admin"), { name: "x", scopes: ["read"] });
    await expect(revokeApiKey(b.ctxFor("admin"), k.id)).rejects.toMatchObject({ code: "not_found:api_key" });
    expect(await listApiKeys(b.ctxFor("admin"))).toEqual([]);
  });
});
