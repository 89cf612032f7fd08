import { describe, expect, it } from "vitest";
import { readJsonBody } from "./body";

const req = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://x/api", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readJsonBody", () => {
  it("parses a JSON object", async () => {
    expect(await readJsonBody(req('{"a":1}'), 1024)).toEqual({ a: 1 });
    expect(await readJsonBody(req('{"a":1}', { "content-type": "application/merge-patch+json" }), 1024)).toEqual({
      a: 1,
    });
  });

  it("refuses non-JSON content types (415), empty and malformed bodies (400)", async () => {
    await expect(
      readJsonBody(req("a=1", { "content-type": "application/x-www-form-urlencoded" }), 1024),
    ).rejects.toMatchObject({ status: 415 });
    await expect(readJsonBody(req("", {}), 1024)).rejects.toMatchObject({ status: 415 });
    await expect(readJsonBody(req("   "), 1024)).rejects.toMatchObject({ code: "bad_request:empty_body", status: 400 });
    await expect(readJsonBody(req("{oops"), 1024)).rejects.toMatchObject({
      code: "bad_request:malformed_json",
      status: 400,
    });
  });

  it("refuses an oversized body by its declared length and while streaming an undeclared one (413)", async () => {
    const big = JSON.stringify({ s: "x".repeat(5000) });
    await expect(
      readJsonBody(req(big, { "content-type": "application/json", "content-length": String(big.length) }), 1024),
    ).rejects.toMatchObject({ status: 413 });
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode("x".repeat(500)));
        c.close();
      },
    });
    await expect(readJsonBody(req(stream), 1024)).rejects.toMatchObject({ code: "payload_too_large" });
  });
});
