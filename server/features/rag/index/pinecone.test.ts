import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { DimensionMismatchError, VectorIndexError } from "./errors";
import { batchRecords, createPineconeIndex } from "./pinecone";
import { describeVectorIndexContract } from "./testing/contract";
import { startPineconeDouble, type PineconeDouble } from "./testing/pinecone-double";
import type { VectorRecord } from "./types";

// These tests drive the real SDK over HTTP against a local double of Pinecone's data-plane API:
// they prove the wire contract, not the Pinecone service.

const API_KEY = "pc-test-key";
let double: PineconeDouble;

beforeAll(async () => {
  double = await startPineconeDouble({ apiKey: API_KEY });
});
afterAll(async () => {
  await double.close();
});

const connect = (apiKey = API_KEY) => createPineconeIndex({ apiKey, indexHost: double.url, maxRetries: 0 });

describeVectorIndexContract("pinecone (SDK → local double)", async () => {
  double.reset();
  return connect();
});

describe("pinecone index", () => {
  beforeEach(() => double.reset());

  it("speaks the data-plane API the way the SDK does, with the Api-Key header", async () => {
    const index = connect();
    await index.upsert("ws_1", [{ id: "a", values: [1, 0], metadata: { kind: "faq", n: 0, live: false } }]);
    await index.query("ws_1", { vector: [1, 0], topK: 3, filter: { kind: "faq", live: false } });
    await index.delete("ws_1", ["a"]);
    await index.deleteByFilter("ws_1", { n: 0 });
    await index.deleteNamespace("ws_1");

    expect(double.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "POST /vectors/upsert 200",
      "POST /query 200",
      "POST /vectors/delete 200",
      "POST /vectors/delete 200",
      "POST /vectors/delete 200",
    ]);
    for (const r of double.requests) {
      expect(r.headers["api-key"]).toBe(API_KEY);
      expect(r.headers["x-pinecone-api-version"]).toMatch(/^\d{4}-\d{2}/);
      expect(r.headers["content-type"]).toBe("application/json");
    }
    const [upsert, query, del, delFilter, delAll] = double.requests.map((r) => r.body);
    expect(upsert).toEqual({
      namespace: "ws_1",
      vectors: [{ id: "a", values: [1, 0], metadata: { kind: "faq", n: 0, live: false } }],
    });
    expect(query).toMatchObject({
      namespace: "ws_1",
      vector: [1, 0],
      topK: 3,
      includeMetadata: true,
      includeValues: false,
      // Shorthand equality goes out in explicit form (the SDK rejects falsy shorthand values on delete).
      filter: { kind: { $eq: "faq" }, live: { $eq: false } },
    });
    expect(del).toEqual({ ids: ["a"], namespace: "ws_1" });
    expect(delFilter).toEqual({ filter: { n: { $eq: 0 } }, namespace: "ws_1" });
    expect(delAll).toEqual({ deleteAll: true, namespace: "ws_1" });
  });

  it("batches large upserts under 1000 vectors and 2 MB per request", async () => {
    const dims = 384;
    const records: VectorRecord[] = Array.from({ length: 2500 }, (_, i) => ({
      id: `chunk-${i}`,
      values: Array.from({ length: dims }, (_, j) => Math.sin(i * 31 + j) / 3),
      metadata: { doc: `doc-${i % 10}`, position: i },
    }));
    await connect().upsert("ws_big", records);

    const upserts = double.requests.filter((r) => r.path === "/vectors/upsert");
    // ~8 KB of JSON per 384-dim record: the 2 MB cap, not the 1000-vector cap, decides.
    const counts = upserts.map((r) => (r.body as { vectors: unknown[] }).vectors.length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2500);
    expect(upserts).toHaveLength(10);
    expect(counts.every((c) => c < 1000)).toBe(true);
    for (const r of upserts) {
      expect(r.status).toBe(200);
      expect(r.bytes).toBeLessThanOrEqual(2_000_000);
    }
    // Batches are packed, not just small.
    for (const r of upserts.slice(0, -1)) expect(r.bytes).toBeGreaterThan(1_900_000);
    expect(double.namespaces().get("ws_big")?.size).toBe(2500);

    // Small records: the 1000-vector cap decides.
    double.reset();
    const small = Array.from({ length: 2500 }, (_, i) => ({ id: `s${i}`, values: [1, i + 1], metadata: {} }));
    await connect().upsert("ws_small", small);
    expect(double.requests.map((r) => (r.body as { vectors: unknown[] }).vectors.length)).toEqual([1000, 1000, 500]);

    // Deletes are chunked at 1000 ids too.
    double.requests.length = 0;
    await connect().delete(
      "ws_small",
      small.map((r) => r.id),
    );
    expect(double.requests.map((r) => (r.body as { ids: unknown[] }).ids.length)).toEqual([1000, 1000, 500]);
    expect(double.namespaces().get("ws_small")?.size).toBe(0);
  });

  it("splits by bytes as well as by count", () => {
    const rec = (i: number) => ({ id: `r${i}`, blob: "x".repeat(100) });
    const batches = batchRecords(
      Array.from({ length: 50 }, (_, i) => rec(i)),
      1000,
      1200,
    );
    expect(batches.length).toBeGreaterThan(4);
    for (const b of batches) expect(JSON.stringify(b).length + 64).toBeLessThanOrEqual(1200);
    expect(batches.flat()).toHaveLength(50);
    // A single oversized record still goes out alone (the service will reject it with a message).
    expect(batchRecords([{ blob: "x".repeat(5000) }], 1000, 1200)).toHaveLength(1);
  });

  it("turns a wrong API key into a typed 401 error with a helpful message", async () => {
    const index = connect("wrong-key");
    const err = await index.query("ws_1", { vector: [1, 0], topK: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VectorIndexError);
    expect(err).toMatchObject({ code: "unauthorized", status: 401 });
    expect((err as Error).message).toMatch(/API key is invalid or revoked/);
    expect((err as Error).message).toContain(double.url);
    expect(double.requests[0]?.headers["api-key"]).toBe("wrong-key");
    await expect(index.upsert("ws_1", [{ id: "a", values: [1], metadata: {} }])).rejects.toMatchObject({
      code: "unauthorized",
    });
  });

  it("maps Pinecone's dimension error to DimensionMismatchError", async () => {
    const index = connect();
    await index.upsert("ws_1", [{ id: "a", values: [1, 0, 0], metadata: {} }]);
    const err = await index.upsert("ws_2", [{ id: "b", values: [1, 0], metadata: {} }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DimensionMismatchError);
    expect(err).toMatchObject({ code: "dimension_mismatch", expected: 3, actual: 2, status: 400 });
    expect((err as Error).message).toMatch(/embedding model's output size must equal the index dimension/);
    await expect(index.query("ws_1", { vector: [1, 0], topK: 1 })).rejects.toBeInstanceOf(DimensionMismatchError);
  });

  it("maps an unknown host path (404) and an unreachable host to typed errors", async () => {
    const wrongPath = createPineconeIndex({ apiKey: API_KEY, indexHost: `${double.url}/nope`, maxRetries: 0 });
    await expect(wrongPath.query("ws_1", { vector: [1, 0], topK: 1 })).rejects.toMatchObject({
      code: "index_not_found",
      status: 404,
    });
    const closed = await startPineconeDouble({ apiKey: API_KEY });
    const url = closed.url;
    await closed.close();
    const unreachable = createPineconeIndex({ apiKey: API_KEY, indexHost: url, maxRetries: 0 });
    const err = await unreachable.query("ws_1", { vector: [1, 0], topK: 1 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "unreachable" });
    expect((err as Error).message).toMatch(/check the index host/);
  });

  it("uses a caller-supplied fetch", async () => {
    const seen: string[] = [];
    const index = createPineconeIndex({
      apiKey: API_KEY,
      indexHost: double.url,
      maxRetries: 0,
      fetchApi: (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    });
    await index.query("ws_1", { vector: [1, 0], topK: 1 });
    expect(seen).toEqual([`${double.url}/query`]);
  });
});
