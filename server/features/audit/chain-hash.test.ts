import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, eventHash, GENESIS, sha256hex, type ChainedEvent } from "./chain-hash";

const event: ChainedEvent = {
  chainKey: "ws1",
  seq: 1,
  workspaceId: "ws1",
  actorType: "user",
  actorId: "u1",
  actorLabel: "ada@example.test",
  action: "draft.approved",
  entityType: "draft",
  entityId: "d1",
  before: { status: "in_review" },
  after: { status: "approved", ruleIds: ["Brand.WordList"], chunkIds: ["c1", "c2"] },
  requestId: "req-1",
  createdAt: new Date("2026-03-01T09:30:00.123Z"),
};

/** Rebuilds every object with its keys in reverse order (what jsonb may hand back). */
function reorder(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reorder);
  if (v === null || typeof v !== "object") return v;
  return Object.fromEntries(
    Object.entries(v)
      .reverse()
      .map(([k, x]) => [k, reorder(x)]),
  );
}

describe("canonicalJson", () => {
  it("sorts keys at every depth, including integer-like keys JavaScript would put first", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null }, 10: "x", 2: "y" })).toBe(
      '{"10":"x","2":"y","a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it("is what a JSON round trip stores: dates as ISO strings, undefined members dropped", () => {
    expect(canonicalJson({ at: new Date("2026-01-01T00:00:00Z"), gone: undefined, n: -0 })).toBe(
      '{"at":"2026-01-01T00:00:00.000Z","n":0}',
    );
    expect(canonicalJson(undefined)).toBe("null");
  });

  it("does not depend on key order, and survives JSON.parse(JSON.stringify())", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const c = canonicalJson(v);
        expect(canonicalJson(reorder(v))).toBe(c);
        expect(canonicalJson(JSON.parse(JSON.stringify(v)) as unknown)).toBe(c);
        expect(JSON.parse(c)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 300 },
    );
  });

  it("gives what a JSON round trip would for values that are not plain JSON (dates, undefined, NaN)", () => {
    const odd = fc.oneof(
      fc.date({ noInvalidDate: true }),
      fc.constant(undefined),
      fc.constant(Number.NaN),
      fc.double(),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        odd,
        fc.jsonValue({ maxDepth: 1 }),
        fc.array(tie("node"), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 4 }), tie("node"), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        const text = JSON.stringify(v);
        const roundTrip = canonicalJson(text === undefined ? null : (JSON.parse(text) as unknown));
        expect(canonicalJson(v)).toBe(roundTrip);
      }),
      { numRuns: 300 },
    );
  });
});

describe("eventHash", () => {
  it("is sha256(prevHash + newline + canonical event), stable across key order", () => {
    const h = eventHash(GENESIS, event);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash(GENESIS, { ...event, after: reorder(event.after) })).toBe(h);
    expect(h).toBe(
      sha256hex(
        `${GENESIS}\n{"action":"draft.approved","actorId":"u1","actorLabel":"ada@example.test","actorType":"user","after":{"chunkIds":["c1","c2"],"ruleIds":["Brand.WordList"],"status":"approved"},"before":{"status":"in_review"},"chainKey":"ws1","createdAt":"2026-03-01T09:30:00.123Z","entityId":"d1","entityType":"draft","requestId":"req-1","seq":1,"workspaceId":"ws1"}`,
      ),
    );
  });

  it("changes with every covered field and with the previous hash", () => {
    const h = eventHash(GENESIS, event);
    const variants: Partial<ChainedEvent>[] = [
      { seq: 2 },
      { chainKey: "ws2" },
      { workspaceId: null },
      { actorType: "api_key" },
      { actorId: "u2" },
      { actorLabel: "eve@example.test" },
      { action: "draft.rejected" },
      { entityType: "campaign" },
      { entityId: "d2" },
      { before: null },
      { after: { status: "approved" } },
      { requestId: null },
      { createdAt: new Date("2026-03-01T09:30:00.124Z") },
    ];
    for (const v of variants) expect(eventHash(GENESIS, { ...event, ...v }), JSON.stringify(v)).not.toBe(h);
    expect(eventHash("f".repeat(64), event)).not.toBe(h);
    // null and absent are the same thing once stored (SQL NULL reads back as null).
    expect(eventHash(GENESIS, { ...event, before: undefined })).toBe(eventHash(GENESIS, { ...event, before: null }));
  });
});
