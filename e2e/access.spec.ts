import { expect, test } from "@playwright/test";
import { USERS, expectApiError, expectNoInternals, screenshot, signIn, unique } from "./fixtures";

const JSON_HEADERS = { "content-type": "application/json" };

test.describe("role-based access", () => {
  for (const user of [USERS.marketer, USERS.editor]) {
    test(`${user.role} gets the 403 page on /settings and the API refuses too`, async ({ page }) => {
      await signIn(page, user);

      for (const path of ["/settings", "/settings/api", "/settings/audit"]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(["You don't have access to this page"]);
        await expect(page.getByText("Error 403")).toBeAttached();
        // Nothing of the settings UI leaks through.
        await expect(page.getByRole("button", { name: "Invite" })).toHaveCount(0);
        await expect(page.getByRole("button", { name: "Create key" })).toHaveCount(0);
      }
      await page.goto("/settings");
      await screenshot(page, `forbidden-settings-${user.role}`);
      await page.getByRole("link", { name: "Back to Drafts" }).click();
      await expect(page).toHaveURL(/\/drafts$/);

      // page.request shares the signed-in browser's cookies.
      const body = await expectApiError(await page.request.get("/api/members"), 403, "forbidden:admin");
      expect(body.error.message).toContain(user.role);
      await expectApiError(
        await page.request.post("/api/invitations", {
          headers: JSON_HEADERS,
          data: { email: `${unique("sneaky")}@example.test`, role: "admin" },
        }),
        403,
        "forbidden:admin",
      );
      await expectApiError(await page.request.get("/api/api-keys"), 403, "forbidden:admin");
      await expectApiError(await page.request.get("/api/audit"), 403, "forbidden:admin");
    });
  }
});

test.describe("API error handling", () => {
  test("unauthenticated API calls get a 401 JSON error without internals", async ({ request }) => {
    for (const [method, path] of [
      ["GET", "/api/members"],
      ["GET", "/api/api-keys"],
      ["GET", "/api/audit"],
      ["POST", "/api/invitations"],
      ["POST", "/api/session/workspace"],
    ] as const) {
      const res =
        method === "GET"
          ? await request.get(path)
          : await request.post(path, { headers: JSON_HEADERS, data: { email: "x@example.test", role: "admin" } });
      const body = await expectApiError(res, 401, "unauthorized:session");
      expect(body.error.message).toMatch(/sign in/i);
      expect(JSON.stringify(body)).not.toContain("stack");
    }
  });

  test("a well-formed x-request-id from the client is echoed in the header and the error", async ({ request }) => {
    const requestId = unique("req").replace(/[^A-Za-z0-9._:-]/g, "");
    const res = await request.get("/api/members", { headers: { "x-request-id": requestId } });
    const body = await expectApiError(res, 401, "unauthorized:session");
    expect(body.error.requestId).toBe(requestId);

    // A malformed one is replaced by a fresh id.
    const bad = await request.get("/api/members", { headers: { "x-request-id": "bad id <script>" } });
    const badBody = await expectApiError(bad, 401, "unauthorized:session");
    expect(badBody.error.requestId).not.toContain("script");
    expect(badBody.error.requestId).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
  });

  test("bad request bodies get 400, 415, 413 and 422 with the right codes", async ({ page }) => {
    await signIn(page, USERS.admin);
    const email = `${unique("bodies")}@example.test`;

    const malformed = await expectApiError(
      await page.request.post("/api/invitations", {
        headers: JSON_HEADERS,
        data: Buffer.from('{"email": "a@b.c", "role": '),
      }),
      400,
      "bad_request:malformed_json",
    );
    expect(malformed.error.message).toMatch(/not valid JSON/);

    await expectApiError(
      await page.request.post("/api/invitations", {
        headers: { "content-type": "text/plain" },
        data: Buffer.from(JSON.stringify({ email, role: "marketer" })),
      }),
      415,
      "unsupported_media_type",
    );
    await expectApiError(
      await page.request.post("/api/invitations", { form: { email, role: "marketer" } }),
      415,
      "unsupported_media_type",
    );

    const huge = Buffer.from(JSON.stringify({ email, role: "marketer", padding: "x".repeat(1024 * 1024 + 16) }));
    await expectApiError(
      await page.request.post("/api/invitations", { headers: JSON_HEADERS, data: huge }),
      413,
      "payload_too_large",
    );

    const invalid = await expectApiError(
      await page.request.post("/api/invitations", {
        headers: JSON_HEADERS,
        data: { email: "not-an-email", role: "owner" },
      }),
      422,
      "validation",
    );
    const details = invalid.error.details as { where: string; issues: { path: string; message: string }[] };
    expect(details.where).toBe("body");
    expect(Array.isArray(details.issues)).toBe(true);
    expect(details.issues.map((i) => i.path).sort()).toEqual(["email", "role"]);
    for (const issue of details.issues) expect(issue.message.length).toBeGreaterThan(0);

    // None of the refused requests created an invitation.
    const members = await page.request.get("/api/members");
    expect(members.status()).toBe(200);
    const list = (await members.json()) as { invitations: { email: string }[] };
    expect(list.invitations.map((i) => i.email)).not.toContain(email);

    // Control: the same endpoint accepts a well-formed body (so the refusals above are about the body).
    const ok = await page.request.post("/api/invitations", {
      headers: JSON_HEADERS,
      data: { email, role: "marketer" },
    });
    expect(ok.status()).toBe(201);
    expect(ok.headers()["x-request-id"]).toBeTruthy();
  });

  test("switching to an unknown workspace is a 404", async ({ page }) => {
    await signIn(page, USERS.marketer);
    const body = await expectApiError(
      await page.request.post("/api/session/workspace", {
        headers: JSON_HEADERS,
        data: { workspaceId: "no-such-workspace-0000" },
      }),
      404,
      "not_found:workspace",
    );
    expect(body.error.message).not.toContain("no-such-workspace-0000");
    await expectApiError(
      await page.request.post("/api/session/workspace", { headers: JSON_HEADERS, data: { workspaceId: "../../etc" } }),
      422,
      "validation",
    );
    // The session still works, in the original workspace.
    await page.reload();
    await expect(page.getByRole("button", { name: /^Switch workspace\. Current: Northwind Outdoor/ })).toBeVisible();
  });

  test("/api/health reports ok with a reachable SQLite database", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(res.headers()["cache-control"]).toContain("no-store");
    expect(res.headers()["x-request-id"]).toBeTruthy();
    const text = await res.text();
    expectNoInternals(text);
    const body = JSON.parse(text) as {
      status: string;
      version: string;
      database: { provider: string; reachable: boolean };
    };
    expect(body.status).toBe("ok");
    expect(body.version).toMatch(/\S/);
    expect(body.database).toMatchObject({ provider: "sqlite", reachable: true });
  });
});
