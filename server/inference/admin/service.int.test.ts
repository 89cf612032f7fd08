import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteTestDb, type TestDb } from "@/server/testing/databases";
import { makeWorkspace } from "@/server/testing/workspaces";
import { decryptSecret } from "@/server/secrets";
import { InferenceConfigCache } from "../config";
import { createLimits } from "../limits";
import { createModelFactory } from "../models";
import {
  createBudget,
  createProvider,
  deleteProvider,
  listBudgets,
  listProviders,
  listRoutes,
  resetRoute,
  setRoute,
  testConnection,
  updateProvider,
  type AdminDeps,
} from "./service";

let t: TestDb;
let deps: AdminDeps;
const secretKey = randomBytes(32);
beforeAll(async () => {
  t = await createSqliteTestDb();
  const config = new InferenceConfigCache({ db: t.db, secretKey, envProviders: [] });
  deps = {
    secretKey,
    config,
    limits: createLimits({ store: "memory", loadUsed: async () => 0 }),
    models: createModelFactory(),
    invalidate: (id) => config.invalidate(id),
  };
});
afterAll(async () => {
  await t.drop();
});

describe("Settings → Models use cases", () => {
  it("stores provider keys encrypted, never returns them, and lists built-in + workspace providers", async () => {
    const w = await makeWorkspace(t.db, ["admin", "editor"]);
    const admin = w.ctxFor("admin");
    const created = await createProvider(admin, deps, {
      kind: "openai_compatible",
      name: "Ollama",
      baseUrl: "http://127.0.0.1:9/v1",
      apiKey: "ollama-secret-4321",
      models: ["llama3.1:8b", "llama3.1:8b"],
    });
    expect(created).toMatchObject({ apiKeyLast4: "4321", models: ["llama3.1:8b"], source: "workspace" });
    expect(JSON.stringify(created)).not.toContain("ollama-secret");
    const row = await t.db.providerConfig.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.apiKeyCipher).not.toContain("ollama-secret");
    expect(decryptSecret(secretKey, row.apiKeyCipher!, `provider:${w.ws.id}`)).toBe("ollama-secret-4321");

    const all = await listProviders(admin, deps);
    expect(all.map((p) => p.id)).toEqual(["offline", created.id]);
    expect(JSON.stringify(all)).not.toContain("ollama-secret");
    await expect(listProviders(w.ctxFor("editor"), deps)).rejects.toMatchObject({ code: "forbidden:admin" });

    await updateProvider(admin, deps, created.id, { apiKey: "rotated-key-8888" });
    expect((await listProviders(admin, deps)).find((p) => p.id === created.id)?.apiKeyLast4).toBe("8888");
  });

  it("validates routes against the providers' models, refuses deleting a provider in use, and resets to the default", async () => {
    const w = await makeWorkspace(t.db, ["admin"]);
    const admin = w.ctxFor("admin");
    const p = await createProvider(admin, deps, {
      kind: "openai_compatible",
      name: "vLLM",
      baseUrl: "http://127.0.0.1:9/v1",
      models: ["mistral"],
    });
    await expect(setRoute(admin, deps, "draft", { chain: [{ provider: p.id, model: "gpt-5" }] })).rejects.toThrow(
      "vLLM does not offer gpt-5. Add the model id to the provider first.",
    );
    await expect(
      setRoute(admin, deps, "draft", { chain: [{ provider: "env:openai", model: "gpt-4o" }] }),
    ).rejects.toThrow("Provider env:openai does not exist in this workspace.");
    await setRoute(admin, deps, "draft", {
      chain: [
        { provider: p.id, model: "mistral" },
        { provider: "offline", model: "offline-composer-v1" },
      ],
      timeoutMs: 5000,
    });
    const draft = (await listRoutes(admin, deps)).find((r) => r.role === "draft")!;
    expect(draft).toMatchObject({
      custom: true,
      chain: [{ model: "mistral" }, { provider: "offline" }],
      policy: { timeoutMs: 5000 },
    });

    await expect(deleteProvider(admin, deps, p.id)).rejects.toMatchObject({
      code: "conflict:provider_in_use",
      message: "The draft route uses vLLM. Change it first.",
    });
    await resetRoute(admin, deps, "draft");
    expect((await listRoutes(admin, deps)).find((r) => r.role === "draft")).toMatchObject({
      custom: false,
      chain: [{ provider: "offline", model: "offline-composer-v1" }],
    });
    await deleteProvider(admin, deps, p.id);
    const actions = (
      await t.db.auditEvent.findMany({ where: { workspaceId: w.ws.id }, orderBy: { createdAt: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(["provider.created", "route.set", "route.reset", "provider.deleted"]);
  });

  it("tests connections for real: the offline engine answers, an unreachable server is explained", async () => {
    const w = await makeWorkspace(t.db, ["admin"]);
    const admin = w.ctxFor("admin");
    const ok = await testConnection(admin, deps, { provider: "offline" });
    expect(ok).toMatchObject({ ok: true, model: "offline-composer-v1" });
    const p = await createProvider(admin, deps, {
      kind: "openai_compatible",
      name: "Down",
      baseUrl: "http://127.0.0.1:9/v1",
      models: ["x"],
    });
    const down = await testConnection(admin, deps, { provider: p.id });
    expect(down.ok).toBe(false);
    expect(down.message).toMatch(/could not be reached/);
  });

  it("shows budgets with their current usage", async () => {
    const w = await makeWorkspace(t.db, ["admin"]);
    const admin = w.ctxFor("admin");
    await createBudget(admin, deps, { metric: "cost", period: "month", softCap: 40_000_000, hardCap: 50_000_000 });
    await expect(
      createBudget(admin, deps, { metric: "tokens", period: "day", softCap: 10, hardCap: 5 }),
    ).rejects.toThrow(/soft cap must not exceed the hard cap/);
    await expect(createBudget(admin, deps, { metric: "cost", period: "month", hardCap: 1 })).rejects.toMatchObject({
      code: "conflict:budget_exists",
      message: "There is already a monthly cost budget for the workspace. Change or delete it instead.",
    });
    const list = await listBudgets(admin, deps);
    expect(list).toEqual([
      expect.objectContaining({ metric: "cost", period: "month", hardCap: 50_000_000, used: 0, reserved: 0 }),
    ]);
  });
});
