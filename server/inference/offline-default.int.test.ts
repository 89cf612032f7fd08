import { randomBytes } from "node:crypto";
import { cosineSimilarity } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createSqliteTestDb, type TestDb } from "@/server/testing/databases";
import { makeWorkspace } from "@/server/testing/workspaces";
import { MemoryResponseCache } from "./cache";
import { InferenceConfigCache } from "./config";
import { createGateway } from "./gateway";
import { createLimits } from "./limits";
import { createModelFactory } from "./models";
import { escapeBlockText } from "./prompts/render";

/** With nothing configured, every role is served by the built-in offline engine, end to end. */
let t: TestDb;
beforeAll(async () => {
  t = await createSqliteTestDb();
});
afterAll(async () => {
  await t.drop();
});

function gateway() {
  return createGateway({
    db: t.db,
    config: new InferenceConfigCache({ db: t.db, secretKey: randomBytes(32), envProviders: [] }),
    models: createModelFactory(),
    cache: new MemoryResponseCache(10),
    limits: createLimits({ store: "memory", loadUsed: async () => 0 }),
  });
}

const facts = [
  {
    id: "c1",
    source: "Trailhead boot sheet",
    text: "The Trailhead boot is waterproof to 2 metres and weighs 640 grams.",
  },
  { id: "c2", source: "Returns policy", text: "Unworn boots can be returned within 30 days." },
];
const factsXml = facts
  .map((f) => `<fact id="${f.id}" source="${escapeBlockText(f.source)}">${escapeBlockText(f.text)}</fact>`)
  .join("");

describe("default route: the offline engine", () => {
  it("drafts from the brief and the facts, never inventing numbers, and says what it is", async () => {
    const w = await makeWorkspace(t.db, ["admin"]);
    const r = await gateway().generate({
      ctx: { workspaceId: w.ws.id },
      role: "draft",
      prompt: {
        key: "draft.generic",
        variables: {
          workspace: "Northwind",
          channel: "email",
          brief: "Launch email for the Trailhead boot",
          voice: "warm, plain",
          facts: factsXml,
        },
      },
    });
    expect(r.route).toEqual({
      provider: "offline",
      providerKind: "offline",
      model: "offline-composer-v1",
      offline: true,
    });
    expect(r.costMicros).toBe(0);
    expect(r.usage.outputTokens).toBeGreaterThan(0);
    expect(r.text).toContain("waterproof to 2 metres");
    for (const digits of r.text.match(/\d+/g) ?? []) expect(["2", "640", "30"]).toContain(digits);
    const row = await t.db.usageEvent.findUniqueOrThrow({ where: { id: r.ledgerId } });
    expect(row).toMatchObject({ providerKind: "offline", model: "offline-composer-v1", outcome: "ok" });
  });

  it("fills structured output that validates against the schema", async () => {
    const w = await makeWorkspace(t.db, ["admin"]);
    const schema = z.object({ headlines: z.array(z.string().max(30)).min(3).max(5), description: z.string().max(90) });
    const r = await gateway().generate({
      ctx: { workspaceId: w.ws.id },
      role: "draft",
      prompt: {
        key: "draft.generic",
        variables: { workspace: "Northwind", channel: "ad", brief: "Search ad for waterproof boots", facts: factsXml },
      },
      schema,
    });
    expect(schema.safeParse(r.output).success).toBe(true);
    expect(r.output.headlines.length).toBeGreaterThanOrEqual(3);
  });

  it("embeds with the lexical model: related texts score higher than unrelated ones", async () => {
    const w = await makeWorkspace(t.db, ["admin"]);
    const r = await gateway().embed({
      ctx: { workspaceId: w.ws.id },
      values: ["waterproof hiking boots", "boots for hiking in the rain", "quarterly tax filing"],
    });
    expect(r.model).toBe("offline/lexical-hash-v1");
    const [a, b, c] = r.embeddings as [number[], number[], number[]];
    expect(cosineSimilarity(a, b)).toBeGreaterThan(cosineSimilarity(a, c) + 0.2);
    const row = await t.db.usageEvent.findUniqueOrThrow({ where: { id: r.ledgerId } });
    expect(row).toMatchObject({ role: "embed", model: "lexical-hash-v1", outcome: "ok" });
  });
});
