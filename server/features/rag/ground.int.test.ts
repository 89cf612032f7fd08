import { describe, expect, it } from "vitest";
import { GroundResult } from "@/lib/schemas/knowledge";
import { makeWorkspace, useTestDb } from "@/server/testing/fixtures";
import type { Judge } from "./deps";
import { groundWithKnowledge } from "./ground";
import * as svc from "./service";
import { makeKbDeps } from "./testing";

const SHEET = `# Trailhead Boot

## Price and weight

The Trailhead Boot costs €189 and weighs 1,180 g per pair. It has a two-year warranty.

## Returns

Trail Club members can return unworn boots within 60 days.
`;

describe("grounding against the knowledge base", () => {
  const getDb = useTestDb("sqlite");

  async function setup(judge?: Judge) {
    const db = getDb(expect.getState() as never).db;
    const w = await makeWorkspace(db);
    const deps = makeKbDeps(db);
    if (judge) deps.judge = judge;
    await svc.ingestFile(
      deps,
      w.ctxFor("editor"),
      { name: "boot.md", type: null, bytes: new TextEncoder().encode(SHEET) },
      {},
    );
    await deps.runJobs();
    return { deps, call: { workspaceId: w.ws.id } };
  }

  it("cites the passage behind each supported fact and flags the invented ones", async (ctx) => {
    getDb(ctx);
    const { deps, call } = await setup();
    const text = "The Trailhead Boot costs €189. It weighs 1,180 g. The Trailhead Boot costs €149. Shop now!";
    const r = GroundResult.parse(await groundWithKnowledge(deps, call, { text }));
    expect(r.method).toBe("lexical");
    expect(r.factualCount).toBe(3);
    expect(r.supportedCount).toBe(2);
    expect(r.score).toBeCloseTo(2 / 3, 10);
    const [price, weight, wrong, cta] = r.sentences;
    expect(price).toMatchObject({ supported: true });
    expect(price!.support[0]).toMatchObject({ documentTitle: "Trailhead Boot" });
    expect(text.slice(weight!.start, weight!.end)).toBe(weight!.text);
    expect(wrong).toMatchObject({ supported: false, support: [] });
    expect(wrong!.reason).toContain("€149");
    expect(cta).toMatchObject({ factual: false, supported: null });
  });

  it("checks against exactly the chunks named, and says when some are unknown", async (ctx) => {
    getDb(ctx);
    const { deps, call } = await setup();
    const r = await groundWithKnowledge(deps, call, {
      text: "Trail Club members can return unworn boots within 60 days.",
      chunkIds: ["nope_v1_0"],
    });
    expect(r.chunksConsidered).toBe(0);
    expect(r.supportedCount).toBe(0);
    expect(r.warnings[0]).toMatch(/1 of the given chunk ids are not in this workspace/);
  });

  it("asks the judge only when a real judge model is available", async (ctx) => {
    getDb(ctx);
    const calls: string[] = [];
    const judge: Judge = {
      available: async () => true,
      entail: async (_c, claim, passages) => {
        calls.push(claim);
        return passages.map((p) => ({ chunkId: p.chunkId, entailed: false, confidence: 0.9 }));
      },
    };
    const { deps, call } = await setup(judge);
    const r = await groundWithKnowledge(deps, call, { text: "The Trailhead Boot has a two-year warranty." });
    expect(r.method).toBe("lexical+judge");
    expect(calls.length).toBeGreaterThan(0);
    expect(r.sentences[0]).toMatchObject({ supported: false, method: "lexical+judge" });

    const off = await setup({ ...judge, available: async () => false });
    const r2 = await groundWithKnowledge(off.deps, off.call, { text: "The Trailhead Boot has a two-year warranty." });
    expect(r2.method).toBe("lexical");
    expect(r2.sentences[0]?.supported).toBe(true);
  });
});
