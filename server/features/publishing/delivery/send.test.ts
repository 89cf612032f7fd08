import type dns from "node:dns";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { guardedLookup } from "../ssrf";
import { createWebhookAgent, parseRetryAfter, sendWebhook } from "./send";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

const servers: http.Server[] = [];

/** A local server; `hits` counts requests, `connections` TCP connections. */
async function serve(handler: Handler) {
  const stats = { hits: 0, connections: 0, lastHeaders: {} as http.IncomingHttpHeaders, lastBody: "" };
  const server = http.createServer((req, res) => {
    stats.hits++;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      stats.lastHeaders = req.headers;
      stats.lastBody = Buffer.concat(chunks).toString("utf8");
      handler(req, res, stats.lastBody);
    });
  });
  server.on("connection", () => stats.connections++);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return { port, url: `http://127.0.0.1:${port}/hooks`, stats, server };
}

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

const base = { headers: { "content-type": "application/json", "webhook-id": "msg_t" }, body: '{"a":1}' };

describe("sendWebhook", () => {
  it("posts the body and headers; 2xx is success with the response snippet; connections are kept alive", async () => {
    const s = await serve((_req, res) => res.end("thanks"));
    const r = await sendWebhook({ ...base, url: s.url, allowPrivate: true });
    expect(r).toMatchObject({ outcome: "success", statusCode: 200, snippet: "thanks", error: null, gone: false });
    expect(r.durationMs).toBeGreaterThanOrEqual(0);
    expect(s.stats.lastBody).toBe('{"a":1}');
    expect(s.stats.lastHeaders).toMatchObject({ "webhook-id": "msg_t", "content-type": "application/json" });
    for (let i = 0; i < 5; i++) await sendWebhook({ ...base, url: s.url, allowPrivate: true });
    expect(s.stats.hits).toBe(6);
    // undici may open a second connection while the first is still settling; no more than that.
    expect(s.stats.connections).toBeLessThanOrEqual(2);
  });

  it("does not follow redirects and names the Location", async () => {
    const target = await serve((_req, res) => res.end("should not be reached"));
    const s = await serve((_req, res) => {
      res.writeHead(307, { location: `http://127.0.0.1:${target.port}/new` }).end();
    });
    const r = await sendWebhook({ ...base, url: s.url, allowPrivate: true });
    expect(r).toMatchObject({
      outcome: "redirect",
      statusCode: 307,
      error: `The receiver redirected to http://127.0.0.1:${target.port}/new; redirects are not followed. Update the endpoint URL.`,
    });
    expect(target.stats.hits).toBe(0);
    const rel = await serve((_req, res) => res.writeHead(301, { location: "/moved" }).end());
    expect((await sendWebhook({ ...base, url: rel.url, allowPrivate: true })).error).toContain(
      `redirected to http://127.0.0.1:${rel.port}/moved`,
    );
  });

  it("reports HTTP errors with their snippet; Retry-After only on 429/502/503/504; 410 is gone", async () => {
    let status = 500;
    let retryAfter: string | undefined = "30";
    const s = await serve((_req, res) => {
      res.writeHead(status, retryAfter ? { "retry-after": retryAfter } : {}).end(`status ${status}`);
    });
    const send = () => sendWebhook({ ...base, url: s.url, allowPrivate: true });
    expect(await send()).toMatchObject({
      outcome: "http_error",
      statusCode: 500,
      snippet: "status 500",
      error: "The receiver answered 500 Internal Server Error.",
      retryAfterMs: null,
      gone: false,
    });
    status = 503;
    expect(await send()).toMatchObject({ statusCode: 503, retryAfterMs: 30_000 });
    status = 429;
    retryAfter = new Date(Date.now() + 90_000).toUTCString();
    const r429 = await send();
    expect(r429.retryAfterMs).toBeGreaterThan(85_000);
    expect(r429.retryAfterMs).toBeLessThanOrEqual(90_000);
    status = 410;
    retryAfter = undefined;
    expect(await send()).toMatchObject({ outcome: "http_error", statusCode: 410, gone: true });
  });

  it("times out when the receiver does not answer, and when it stalls mid-body", async () => {
    const silent = await serve(() => {});
    const r = await sendWebhook({ ...base, url: silent.url, allowPrivate: true, timeoutMs: 300 });
    expect(r).toMatchObject({
      outcome: "timeout",
      statusCode: null,
      error: "The receiver did not answer within 300 ms.",
    });
    expect(r.durationMs).toBeLessThan(5_000);
    const stalling = await serve((_req, res) => {
      res.writeHead(200, { "content-length": "100" });
      res.write("partial");
    });
    expect(await sendWebhook({ ...base, url: stalling.url, allowPrivate: true, timeoutMs: 300 })).toMatchObject({
      outcome: "timeout",
      statusCode: 200,
    });
  });

  it("reads at most maxResponseBytes of a 10 MB response and keeps a 1 KiB snippet", async () => {
    const chunk = Buffer.alloc(64 * 1024, "x");
    let written = 0;
    let closedEarly = false;
    const s = await serve((_req, res) => {
      res.on("close", () => (closedEarly = written < 10 * 1024 * 1024 || !res.writableFinished));
      res.writeHead(200, { "content-type": "text/plain", "content-length": String(10 * 1024 * 1024) });
      const pump = () => {
        while (written < 10 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      pump();
    });
    const r = await sendWebhook({ ...base, url: s.url, allowPrivate: true });
    expect(r.outcome).toBe("success");
    expect(r.snippet).toBe("x".repeat(1024));
    expect(r.bytesRead).toBeGreaterThanOrEqual(64 * 1024);
    // Reading stops at the first chunk that reaches 64 KiB (chunks are at most 64 KiB).
    expect(r.bytesRead).toBeLessThan(2 * 64 * 1024);
    await expect.poll(() => closedEarly, { timeout: 5_000 }).toBe(true);
  });

  it("returns promptly from an endless response instead of waiting for its end", async () => {
    const s = await serve((_req, res) => {
      res.writeHead(503, { "retry-after": "5" });
      const t = setInterval(() => res.write("y".repeat(8192)), 1);
      res.on("close", () => clearInterval(t));
    });
    const r = await sendWebhook({ ...base, url: s.url, allowPrivate: true, maxResponseBytes: 32 * 1024 });
    expect(r).toMatchObject({ outcome: "http_error", statusCode: 503, retryAfterMs: 5_000 });
    expect(r.error).toContain("response larger than 32 KiB");
    expect(r.snippet).toHaveLength(1024);
  });

  it("never cuts a UTF-8 character in half in the snippet", async () => {
    const s = await serve((_req, res) => res.end("a" + "é".repeat(1000)));
    const r = await sendWebhook({ ...base, url: s.url, allowPrivate: true });
    expect(r.snippet).toBe("a" + "é".repeat(511));
    expect(r.snippet).not.toContain("\uFFFD");
  });

  it("reports a refused connection as a network failure without throwing", async () => {
    const s = await serve(() => {});
    const port = s.port;
    s.server.close();
    await new Promise((r) => setTimeout(r, 0));
    const r = await sendWebhook({ ...base, url: `http://127.0.0.1:${port}/`, allowPrivate: true });
    expect(r).toMatchObject({ outcome: "network", statusCode: null });
    expect(r.error).toContain("refused the connection");
  });

  it("refuses loopback targets unless private addresses are allowed: IP literals and names", async () => {
    const s = await serve((_req, res) => res.end("ok"));
    const literal = await sendWebhook({ ...base, url: s.url, allowPrivate: false });
    expect(literal).toMatchObject({ outcome: "blocked", statusCode: null });
    expect(literal.error).toMatch(/^127\.0\.0\.1 is a loopback address .*Allow private addresses/);
    const mapped = await sendWebhook({ ...base, url: `http://[::ffff:127.0.0.1]:${s.port}/`, allowPrivate: false });
    expect(mapped.outcome).toBe("blocked");
    const named = await sendWebhook({ ...base, url: `http://localhost:${s.port}/`, allowPrivate: false });
    expect(named.outcome).toBe("blocked");
    expect(named.error).toContain("localhost resolves to");
    expect(s.stats.hits).toBe(0);
    expect(await sendWebhook({ ...base, url: `http://localhost:${s.port}/`, allowPrivate: true })).toMatchObject({
      outcome: "success",
    });
  });

  it("re-checks DNS on every new connection: a host rebinding to the metadata address is refused", async () => {
    const s = await serve((_req, res) => res.writeHead(200, { connection: "close" }).end("ok"));
    const answers = ["127.0.0.1", "169.254.169.254"];
    let lookups = 0;
    const fakeDns = ((_h: string, _o: dns.LookupAllOptions, cb: (e: null, a: dns.LookupAddress[]) => void) =>
      cb(null, [{ address: answers[Math.min(lookups++, 1)]!, family: 4 }])) as never;
    const agent = createWebhookAgent(true, guardedLookup(true, fakeDns));
    try {
      const url = `http://cms.test:${s.port}/hooks`;
      expect(await sendWebhook({ ...base, url, allowPrivate: true, dispatcher: agent })).toMatchObject({
        outcome: "success",
      });
      const second = await sendWebhook({ ...base, url, allowPrivate: true, dispatcher: agent });
      expect(second).toMatchObject({ outcome: "blocked" });
      expect(second.error).toContain("cms.test resolves to 169.254.169.254, a cloud metadata address");
      expect(lookups).toBe(2);
      expect(s.stats.hits).toBe(1);
    } finally {
      await agent.close();
    }
  });

  it("stops when the caller aborts (the worker is shutting down)", async () => {
    const s = await serve(() => {});
    const controller = new AbortController();
    const pending = sendWebhook({ ...base, url: s.url, allowPrivate: true, signal: controller.signal });
    await expect.poll(() => s.stats.hits).toBe(1);
    controller.abort();
    expect(await pending).toMatchObject({
      outcome: "network",
      error: "The attempt was stopped before the receiver answered.",
    });
  });
});

describe("parseRetryAfter", () => {
  it("reads delta-seconds and HTTP-dates; ignores what it cannot read", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(["0"], now)).toBe(0);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:01:00 GMT", now)).toBe(60_000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter("-5", now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});
