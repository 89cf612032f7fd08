import { expect, test } from "@playwright/test";
import { USERS, signIn, unique } from "./fixtures";

/** Bugs found while writing the suite, fixed since; each test pins the correct behaviour. */
test.describe("regressions", () => {
  test("the 403 page is served with HTTP status 403", async ({ page }) => {
    // A loading.tsx above settings/ made the studio stream before forbidden() ran, so the page answered 200.
    await signIn(page, USERS.marketer);
    const response = await page.goto("/settings");
    await expect(page.getByRole("heading", { level: 1, name: "You don't have access to this page" })).toBeVisible();
    expect(response?.status()).toBe(403);
  });

  test("absolute URLs from the API name the host the client called", async ({ page, playwright, baseURL }) => {
    // req.nextUrl.origin is http://localhost:<port> under `next start`, whatever the Host header.
    await signIn(page, USERS.admin);
    const created = await page.request.post("/api/api-keys", {
      headers: { "content-type": "application/json" },
      data: { name: `Host check ${unique()}`, scopes: ["write"] },
    });
    expect(created.status()).toBe(201);
    const { key } = (await created.json()) as { key: string };
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
    try {
      const res = await api.post("/api/v1/invitations", {
        headers: { "content-type": "application/json" },
        data: { email: `${unique("host")}@example.test`, role: "marketer" },
      });
      expect(res.status()).toBe(201);
      const { acceptUrl } = (await res.json()) as { acceptUrl: string };
      const doc = (await (await api.get("/api/v1/openapi.json")).json()) as { servers: { url: string }[] };
      expect.soft(doc.servers[0]?.url).toBe(baseURL);
      expect(new URL(acceptUrl).origin).toBe(baseURL);
    } finally {
      await api.dispose();
    }
  });
});
