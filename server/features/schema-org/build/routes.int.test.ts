import { NextRequest } from "next/server";
import { describe, expect, it, vi, type TestContext } from "vitest";
import { JsonLdReport } from "@/lib/schemas/jsonld";
import type { SessionContext } from "@/server/auth/context";
import type { Db } from "@/server/db/client";
import { PROVIDERS } from "@/server/testing/databases";
import { makeWorkspace, useTestDb } from "@/server/testing/fixtures";
import { createApiKey } from "@/server/features/api-keys/service";

// The route wrapper reads the process-wide client and the session; point both at this test's.
let currentDb: Db | null = null;
let session: SessionContext | null = null;
vi.mock("@/server/db", () => ({ db: (): Db => currentDb! }));
vi.mock("@/server/auth/context", () => ({ getSessionContext: async () => session }));

const v1Route = await import("@/app/api/v1/jsonld/validate/route");
const studioRoute = await import("@/app/api/jsonld/validate/route");

const noParams = { params: Promise.resolve({}) };

const VALID = {
  "@context": "https://schema.org",
  "@type": "Product",
  name: "Summit 45 backpack",
  offers: { "@type": "Offer", price: "129.00", priceCurrency: "EUR", availability: "https://schema.org/InStock" },
};
const NO_OFFER = { "@context": "https://schema.org", "@type": "Product", name: "Summit 45 backpack" };

function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return new NextRequest(`http://localhost${url}`, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", ...headers },
  });
}

describe.each(PROVIDERS)("JSON-LD validation routes on %s", (provider) => {
  const getDb = useTestDb(provider);

  async function setup(ctx: TestContext) {
    const { db } = getDb(ctx);
    currentDb = db;
    const w = await makeWorkspace(db);
    const { key } = await createApiKey(w.ctxFor("admin"), { name: "read", scopes: ["read"] });
    const v1 = (body: unknown, auth = `Bearer ${key}`) =>
      v1Route.POST(post("/api/v1/jsonld/validate", body, auth ? { authorization: auth } : {}), noParams);
    const signIn = (role: "admin" | "editor" | "marketer" | null) => {
      if (!role) return void (session = null);
      const m = w.members[role]!;
      const active = { id: w.ws.id, slug: w.ws.slug, name: w.ws.name, role };
      session = { user: { id: m.id, email: m.email, name: role }, workspaces: [active], active };
    };
    const studio = (body: unknown) => studioRoute.POST(post("/api/jsonld/validate", body), noParams);
    return { v1, studio, signIn };
  }

  it("v1: validates a text, an HTML page or a document, and answers with the report schema", async (ctx) => {
    const { v1 } = await setup(ctx);
    const ok = await v1({ text: JSON.stringify(VALID, null, 2) });
    expect(ok.status).toBe(200);
    const report = JsonLdReport.parse(await ok.json());
    expect(report).toMatchObject({ valid: true, errorCount: 0, blocks: 1 });
    expect(report.types).toContain("Product");

    const bad = JsonLdReport.parse(await (await v1({ document: NO_OFFER })).json());
    expect(bad.valid).toBe(false);
    expect(bad.findings.find((f) => f.severity === "error")).toMatchObject({ layer: "google", path: "$" });

    const html = `<!doctype html><html><head>
<script type="application/ld+json">${JSON.stringify(VALID)}</script>
<script type="application/ld+json">${JSON.stringify(NO_OFFER)}</script></head><body></body></html>`;
    const page = JsonLdReport.parse(await (await v1({ text: html, kind: "html" })).json());
    expect(page).toMatchObject({ blocks: 2, valid: false });
    expect(page.findings.filter((f) => f.severity === "error").every((f) => f.block === 1)).toBe(true);

    // A syntax error is a finding with its position, not a failed request.
    const broken = JsonLdReport.parse(await (await v1({ text: '{\n  "@type": "Product",\n  name: 1\n}' })).json());
    expect(broken.findings[0]).toMatchObject({ layer: "syntax", severity: "error", line: 3 });

    // Schema.org only: no Google findings.
    const vocabOnly = JsonLdReport.parse(await (await v1({ document: NO_OFFER, google: false })).json());
    expect(vocabOnly.findings.filter((f) => f.layer === "google")).toEqual([]);
  });

  it("v1: refuses a missing key, and bodies that are empty, ambiguous or too large", async (ctx) => {
    const { v1 } = await setup(ctx);
    expect((await v1({ text: "{}" }, "")).status).toBe(401);
    const empty = await v1({ text: "   " });
    expect(empty.status).toBe(422);
    expect((await empty.json()).error.message).toContain("Paste JSON-LD or HTML to validate.");
    expect((await v1({})).status).toBe(422);
    expect((await v1({ text: "{}", document: {} })).status).toBe(422);
    expect((await v1({ text: "{}", kind: "xml" })).status).toBe(422);

    // Over 5 MB of text: a clear 422; a body over the route's own limit: 413 before it is read whole.
    const big = await v1({ text: " ".repeat(5 * 1024 * 1024) + "{}" });
    expect(big.status).toBe(422);
    expect((await big.json()).error.message).toMatch(/The text is 5\.01 MB, over the 5 MB limit\./);
    const huge = await v1(`{"text":"${"a".repeat(13 * 1024 * 1024)}"}`);
    expect(huge.status).toBe(413);
    // Bigger than the usual 1 MiB body limit is fine here.
    const large = await v1({ document: { ...VALID, description: "x".repeat(2 * 1024 * 1024) } });
    expect(large.status).toBe(200);
  });

  it("studio route: any signed-in member may validate; signed out is 401", async (ctx) => {
    const { studio, signIn } = await setup(ctx);
    signIn(null);
    expect((await studio({ text: JSON.stringify(VALID) })).status).toBe(401);
    for (const role of ["marketer", "editor", "admin"] as const) {
      signIn(role);
      const res = await studio({ text: JSON.stringify(NO_OFFER), kind: "json" });
      expect(res.status).toBe(200);
      expect(JsonLdReport.parse(await res.json()).valid).toBe(false);
    }
  });
});
