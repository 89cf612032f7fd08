import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Db } from "@/server/db/client";
import { createSqliteTestDb, type TestDb } from "@/server/testing/databases";
import { makeWorkspace } from "@/server/testing/fixtures";
import { createApiKey } from "@/server/features/api-keys/service";

// The wrapper reads the process-wide client; point it at this file's database.
let testDb: TestDb;
vi.mock("@/server/db", () => ({ db: (): Db => testDb.db }));

const { withRoute } = await import("./route");

beforeAll(async () => {
  testDb = await createSqliteTestDb();
});
afterAll(async () => {
  await testDb.drop();
});

const noParams = { params: Promise.resolve({}) };
const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new NextRequest("http://localhost/api/x", { method: "POST", body, headers });

const Body = z.object({ name: z.string().min(2, "Too short.") });

describe("withRoute", () => {
  const echo = withRoute(
    { auth: "public", body: Body, response: z.object({ hello: z.string() }), status: 201 },
    ({ body }) => ({ hello: body.name }),
  );

  it("validates the body and answers with the response schema and status", async () => {
    const res = await echo(post('{"name":"Ada"}'), noParams);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ hello: "Ada" });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps a well-formed incoming request id and echoes it in errors", async () => {
    const res = await echo(
      post("{bad", { "content-type": "application/json", "x-request-id": "req-12345678" }),
      noParams,
    );
    expect(res.status).toBe(400);
    expect(res.headers.get("x-request-id")).toBe("req-12345678");
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "bad_request:malformed_json", requestId: "req-12345678" });
  });

  it("turns zod failures into 422 with field issues", async () => {
    const res = await echo(post('{"name":"A"}'), noParams);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe("validation");
    expect(body.error.message).toContain("name: Too short.");
    expect(body.error.details.issues).toEqual([{ path: "name", message: "Too short." }]);
  });

  it("renders AppErrors with their status and headers, and hides unexpected errors", async () => {
    const conflict = withRoute({ auth: "public" }, () => {
      throw new AppError("conflict:thing", "Already there.", { headers: { "retry-after": "3" } });
    });
    const r1 = await conflict(new NextRequest("http://localhost/x"), noParams);
    expect(r1.status).toBe(409);
    expect(r1.headers.get("retry-after")).toBe("3");
    expect((await r1.json()).error).toMatchObject({ code: "conflict:thing", message: "Already there." });

    const boom = withRoute({ auth: "public" }, () => {
      throw new Error("SELECT * FROM secrets failed at /srv/app/server/db.ts:12");
    });
    const r2 = await boom(new NextRequest("http://localhost/x"), noParams);
    expect(r2.status).toBe(500);
    const text = await r2.text();
    expect(text).not.toContain("secrets");
    expect(text).not.toContain("db.ts");
    expect(JSON.parse(text).error.code).toBe("internal");
  });

  it("refuses a handler result that breaks the response schema (500, logged)", async () => {
    const wrong = withRoute(
      { auth: "public", response: z.object({ n: z.number() }) },
      () => ({ n: "nope" }) as unknown as { n: number },
    );
    const res = await wrong(new NextRequest("http://localhost/x"), noParams);
    expect(res.status).toBe(500);
  });

  it("validates path params and query strings", async () => {
    const r = withRoute(
      {
        auth: "public",
        params: z.object({ id: z.string().regex(/^\d+$/) }),
        query: z.object({ limit: z.coerce.number().max(10) }),
      },
      ({ params, query }) => ({ id: params.id, limit: query.limit }),
    );
    expect(
      (await r(new NextRequest("http://localhost/x?limit=5"), { params: Promise.resolve({ id: "7" }) })).status,
    ).toBe(200);
    const badParam = await r(new NextRequest("http://localhost/x?limit=5"), { params: Promise.resolve({ id: "x" }) });
    expect((await badParam.json()).error.message).toMatch(/^The request path is not valid/);
    const badQuery = await r(new NextRequest("http://localhost/x?limit=50"), { params: Promise.resolve({ id: "7" }) });
    expect(badQuery.status).toBe(422);
  });

  it("maps a unique-constraint violation to 409", async () => {
    const dup = withRoute({ auth: "public" }, async () => {
      await testDb.db.workspace.create({ data: { slug: "dup-slug", name: "a" } });
      await testDb.db.workspace.create({ data: { slug: "dup-slug", name: "b" } });
    });
    const res = await dup(new NextRequest("http://localhost/x"), noParams);
    expect(res.status).toBe(409);
  });

  describe("API-key routes", () => {
    const read = withRoute({ auth: "api_key", scope: "read" }, ({ ws }) => ({
      workspaceId: ws.workspaceId,
      actor: ws.actor.type,
    }));
    const write = withRoute({ auth: "api_key", scope: "write" }, () => ({ ok: true }));
    const withKey = (key?: string) =>
      new NextRequest("http://localhost/api/v1/x", { headers: key ? { authorization: `Bearer ${key}` } : {} });

    it("authenticates the key, acts in its workspace and enforces its scope", async () => {
      const w = await makeWorkspace(testDb.db, ["admin"]);
      const { key } = await createApiKey(w.ctxFor("admin"), { name: "ro", scopes: ["read"] });
      const ok = await read(withKey(key), noParams);
      expect(await ok.json()).toEqual({ workspaceId: w.ws.id, actor: "api_key" });
      const denied = await write(withKey(key), noParams);
      expect(denied.status).toBe(403);
      expect((await denied.json()).error.code).toBe("forbidden:scope_write");
    });

    it("answers 401 with a WWW-Authenticate header when the key is missing or wrong", async () => {
      for (const k of [undefined, "lk_nope"]) {
        const res = await read(withKey(k), noParams);
        expect(res.status).toBe(401);
        expect(res.headers.get("www-authenticate")).toContain("Bearer");
      }
    });
  });
});
