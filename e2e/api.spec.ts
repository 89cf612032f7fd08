import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { USERS, WORKSPACE, expectApiError, screenshot, signIn, unique } from "./fixtures";

type AuditItem = {
  id: string;
  action: string;
  createdAt: string;
  actor: { type: string; id: string | null; label: string | null };
  after: unknown;
};
type AuditPage = { items: AuditItem[]; nextCursor: string | null };

/** Creates a key through /settings/api and returns the secret shown once. */
async function createKeyInUi(page: Page, name: string, scopes: ("read" | "write")[]): Promise<string> {
  await page.goto("/settings/api");
  await expect(page.getByRole("heading", { name: "Create an API key" })).toBeVisible();
  await page.getByLabel("Name").fill(name);
  for (const scope of ["read", "write"] as const) {
    const box = page.getByRole("checkbox", { name: new RegExp(`^${scope}\\b`) });
    if (scopes.includes(scope)) await box.check();
    else await box.uncheck();
  }
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toHaveText(/^lk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
  const key = (await shown.textContent())!.trim();
  const row = keyRow(page, name);
  await expect(row).toHaveCount(1);
  // The table shows the public prefix only, never the secret.
  await expect(row).toContainText(`${key.slice(0, 15)}_…`);
  await expect(row).not.toContainText(key);
  return key;
}

function keyRow(page: Page, name: string) {
  return page.getByRole("table", { name: "API keys" }).getByRole("row").filter({ hasText: name });
}

async function bearerContext(baseURL: string | undefined, key: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
}

test.describe("public API with API keys", () => {
  test("a read-only key reads the workspace, members and paginated audit events, but cannot write", async ({
    page,
    baseURL,
  }) => {
    await signIn(page, USERS.admin);
    const name = `Read key ${unique()}`;
    const key = await createKeyInUi(page, name, ["read"]);
    await expect(keyRow(page, name).getByRole("cell").nth(1)).toHaveText("read");
    await screenshot(page, "api-key-created-read-only");

    // Make sure the trail has more than one page of two events, whatever ran before.
    for (let i = 0; i < 2; i++) {
      const res = await page.request.post("/api/invitations", {
        headers: { "content-type": "application/json" },
        data: { email: `${unique("pagination")}@example.test`, role: "marketer" },
      });
      expect(res.status()).toBe(201);
    }

    const api = await bearerContext(baseURL, key);
    try {
      // No cookies in this context: only the key authenticates.
      expect((await api.storageState()).cookies).toEqual([]);
      await expectApiError(await api.get("/api/members"), 401, "unauthorized:session");

      const ws = await api.get("/api/v1/workspace");
      expect(ws.status()).toBe(200);
      const workspace = (await ws.json()) as { id: string; name: string; slug: string; createdAt: string };
      expect(workspace).toMatchObject({ name: WORKSPACE.name, slug: WORKSPACE.slug });
      expect(workspace.id).toMatch(/\S/);

      const membersRes = await api.get("/api/v1/members");
      expect(membersRes.status()).toBe(200);
      const members = (await membersRes.json()) as {
        members: { email: string; role: string; name: string }[];
        invitations: { email: string }[];
      };
      expect(members.members).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ email: USERS.admin.email, role: "admin", name: USERS.admin.name }),
          expect.objectContaining({ email: USERS.editor.email, role: "editor" }),
          expect.objectContaining({ email: USERS.marketer.email, role: "marketer" }),
        ]),
      );
      expect(JSON.stringify(members)).not.toMatch(/password|hash/i);

      // Cursor pagination, two at a time, must walk the same list as one big page.
      const first = await api.get("/api/v1/audit-events?limit=2");
      expect(first.status()).toBe(200);
      const page1 = (await first.json()) as AuditPage;
      expect(page1.items).toHaveLength(2);
      expect(page1.nextCursor).toEqual(expect.any(String));
      expect(page1.items[0]!.action).toBe("member.invited");

      const walked: AuditItem[] = [...page1.items];
      let cursor = page1.nextCursor;
      for (let n = 0; cursor && n < 200; n++) {
        const res = await api.get(`/api/v1/audit-events?limit=2&cursor=${encodeURIComponent(cursor)}`);
        expect(res.status()).toBe(200);
        const p = (await res.json()) as AuditPage;
        expect(p.items.length).toBeGreaterThan(0);
        expect(p.items.length).toBeLessThanOrEqual(2);
        walked.push(...p.items);
        cursor = p.nextCursor;
      }
      expect(cursor).toBeNull();
      const ids = walked.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      const times = walked.map((e) => Date.parse(e.createdAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));

      const all = (await (await api.get("/api/v1/audit-events?limit=100")).json()) as AuditPage;
      expect(ids).toEqual(all.items.map((e) => e.id));
      expect(walked.map((e) => e.action)).toContain("workspace.seeded");
      const created = walked.find((e) => e.action === "api_key.created" && JSON.stringify(e.after).includes(name));
      expect(created?.actor).toMatchObject({ type: "user", label: USERS.admin.email });

      await expectApiError(await api.get("/api/v1/audit-events?limit=0"), 422, "validation");
      await expectApiError(await api.get("/api/v1/audit-events?cursor=garbage"), 400, "bad_request:cursor");

      // Writing needs the write scope.
      const denied = await expectApiError(
        await api.post("/api/v1/invitations", {
          headers: { "content-type": "application/json" },
          data: { email: `${unique("denied")}@example.test`, role: "marketer" },
        }),
        403,
        "forbidden:scope_write",
      );
      expect(denied.error.message).toContain("write");
    } finally {
      await api.dispose();
    }
  });

  test("a read+write key invites people, shows its last use, and stops working once revoked", async ({
    page,
    baseURL,
  }) => {
    await signIn(page, USERS.admin);
    const name = `Write key ${unique()}`;
    const key = await createKeyInUi(page, name, ["read", "write"]);
    const row = keyRow(page, name);
    await expect(row.getByRole("cell").nth(1)).toHaveText("readwrite");
    await expect(row.getByRole("cell").nth(3)).toHaveText("Never");

    const api = await bearerContext(baseURL, key);
    try {
      const email = `${unique("via-api")}@example.test`;
      const res = await api.post("/api/v1/invitations", {
        headers: { "content-type": "application/json" },
        data: { email, role: "editor" },
      });
      expect(res.status(), await res.text()).toBe(201);
      const inv = (await res.json()) as { id: string; email: string; role: string; acceptUrl: string };
      expect(inv).toMatchObject({ email, role: "editor" });
      // Absolute (scheme + host), unlike the session API's relative path. Which host it names is
      // checked in known-bugs.spec.ts.
      const acceptUrl = new URL(inv.acceptUrl);
      expect(inv.acceptUrl.startsWith(`${acceptUrl.protocol}//`)).toBe(true);
      expect(acceptUrl.protocol).toMatch(/^https?:$/);
      expect(acceptUrl.pathname).toMatch(/^\/invite\/[A-Za-z0-9_-]{20,}$/);

      // The path works: it opens the invitation page.
      const invitePage = await api.get(acceptUrl.pathname);
      expect(invitePage.status()).toBe(200);
      const html = await invitePage.text();
      expect(html).toContain("Create account and join");
      expect(html).toContain(email);

      // The invitation is pending, and the audit trail names the key as the actor.
      const members = (await (await api.get("/api/v1/members")).json()) as { invitations: { email: string }[] };
      expect(members.invitations.map((i) => i.email)).toContain(email);
      const audit = (await (await api.get("/api/v1/audit-events?limit=5")).json()) as AuditPage;
      const invited = audit.items.find((e) => e.action === "member.invited" && JSON.stringify(e.after).includes(email));
      expect(invited?.actor).toMatchObject({ type: "api_key", label: name });

      // Last used is now set.
      await page.reload();
      await expect(row.getByRole("cell").nth(3)).not.toHaveText("Never");
      await expect(row.getByRole("cell").nth(3)).toHaveText(/\d/);
      await screenshot(page, "api-key-last-used");

      // Revoke it in the UI (confirm dialog).
      let dialogMessage = "";
      page.once("dialog", (d) => {
        dialogMessage = d.message();
        void d.accept();
      });
      const [del] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "DELETE" && r.url().includes("/api/api-keys/")),
        page.getByRole("button", { name: `Revoke ${name}` }).click(),
      ]);
      expect(del.status()).toBe(204);
      expect(dialogMessage).toContain(name);
      await expect(row).toContainText("revoked");
      await expect(page.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);
      await screenshot(page, "api-key-revoked");

      const after = await expectApiError(await api.get("/api/v1/workspace"), 401, "unauthorized:api_key");
      expect(after.error.message).toMatch(/revoked/);
      const again = await api.get("/api/v1/workspace");
      expect(again.headers()["www-authenticate"]).toContain("Bearer");
    } finally {
      await api.dispose();
    }
  });

  test("a read key searches the knowledge base and checks a text's grounding", async ({ page, baseURL }) => {
    await signIn(page, USERS.admin);
    const key = await createKeyInUi(page, `Knowledge key ${unique()}`, ["read"]);
    const api = await bearerContext(baseURL, key);
    try {
      const res = await api.post("/api/v1/knowledge/search", {
        data: { query: "Trailhead Boot price", mode: "hybrid", topK: 3 },
      });
      expect(res.status()).toBe(200);
      const body = (await res.json()) as {
        results: { documentTitle: string; lexical: unknown; vector: unknown; start: number; end: number }[];
      };
      expect(body.results).toHaveLength(3);
      expect(body.results[0]!.documentTitle).toMatch(/Trailhead Boot/);
      expect(body.results[0]!.end).toBeGreaterThan(body.results[0]!.start);

      const ground = await api.post("/api/v1/knowledge/ground", {
        data: { text: "The Trailhead Boot costs €189. The Trailhead Boot costs €99." },
      });
      expect(ground.status()).toBe(200);
      const g = (await ground.json()) as { score: number; sentences: { supported: boolean | null }[] };
      expect(g.sentences.map((s) => s.supported)).toEqual([true, false]);
      expect(g.score).toBe(0.5);

      await expectApiError(await api.post("/api/v1/knowledge/search", { data: { query: "" } }), 422, "validation");
    } finally {
      await api.dispose();
    }
  });

  test("missing or malformed keys get 401", async ({ playwright, baseURL }) => {
    const anon = await playwright.request.newContext({ baseURL });
    try {
      for (const headers of [
        {} as Record<string, string>,
        { authorization: "Bearer " },
        { authorization: "Bearer lk_nope" },
        { authorization: `Bearer lk_${"a".repeat(12)}_${"b".repeat(43)}` },
        { authorization: "Basic YWRtaW46YWRtaW4=" },
      ]) {
        for (const path of ["/api/v1/workspace", "/api/v1/members", "/api/v1/audit-events"]) {
          await expectApiError(await anon.get(path, { headers }), 401, "unauthorized:api_key");
        }
      }
    } finally {
      await anon.dispose();
    }
  });

  test("a cancelled revoke keeps the key working", async ({ page, baseURL }) => {
    await signIn(page, USERS.admin);
    const name = `Kept key ${unique()}`;
    const key = await createKeyInUi(page, name, ["read"]);
    page.once("dialog", (d) => void d.dismiss());
    await page.getByRole("button", { name: `Revoke ${name}` }).click();
    await expect(page.getByRole("button", { name: `Revoke ${name}` })).toBeVisible();
    const api = await bearerContext(baseURL, key);
    try {
      expect((await api.get("/api/v1/workspace")).status()).toBe(200);
    } finally {
      await api.dispose();
    }
  });

  test("openapi.json is a public OpenAPI 3.1 document listing the v1 paths", async ({ playwright, baseURL }) => {
    const anon = await playwright.request.newContext({ baseURL });
    try {
      const res = await anon.get("/api/v1/openapi.json");
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toContain("application/json");
      const doc = (await res.json()) as {
        openapi: string;
        info: { title: string; version: string };
        paths: Record<string, Record<string, unknown>>;
      };
      expect(doc.openapi).toBe("3.1.0");
      expect(doc.info.title).toMatch(/\S/);
      expect(Object.keys(doc.paths).sort()).toEqual(
        [
          "/api/v1/audit-events",
          "/api/v1/audit-events/verify",
          "/api/v1/batches",
          "/api/v1/batches/{id}",
          "/api/v1/drafts",
          "/api/v1/drafts/jobs",
          "/api/v1/drafts/{id}",
          "/api/v1/drafts/{id}/comments",
          "/api/v1/drafts/{id}/decision",
          "/api/v1/drafts/{id}/export",
          "/api/v1/drafts/{id}/publish",
          "/api/v1/drafts/{id}/review",
          "/api/v1/drafts/{id}/unpublish",
          "/api/v1/experiments/{id}",
          "/api/v1/experiments/{id}/assign",
          "/api/v1/experiments/{id}/outcomes",
          "/api/v1/guardrails/scan",
          "/api/v1/jobs/{id}",
          "/api/v1/invitations",
          "/api/v1/jsonld/validate",
          "/api/v1/knowledge/documents",
          "/api/v1/knowledge/ground",
          "/api/v1/knowledge/search",
          "/api/v1/members",
          "/api/v1/pages",
          "/api/v1/review/queue",
          "/api/v1/webhooks/deliveries",
          "/api/v1/webhooks/deliveries/replay",
          "/api/v1/webhooks/deliveries/{id}",
          "/api/v1/webhooks/endpoints",
          "/api/v1/webhooks/endpoints/{id}",
          "/api/v1/webhooks/endpoints/{id}/rotate-secret",
          "/api/v1/webhooks/endpoints/{id}/test",
          "/api/v1/workspace",
        ].sort(),
      );
      expect(Object.keys(doc.paths["/api/v1/workspace"]!)).toContain("get");
      expect(Object.keys(doc.paths["/api/v1/members"]!)).toContain("get");
      expect(Object.keys(doc.paths["/api/v1/audit-events"]!)).toContain("get");
      expect(Object.keys(doc.paths["/api/v1/invitations"]!)).toContain("post");
    } finally {
      await anon.dispose();
    }
  });
});
