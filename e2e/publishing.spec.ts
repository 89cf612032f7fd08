import { mkdirSync } from "node:fs";
import net from "node:net";
import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  startReferenceReceiver,
  type ReferenceReceiver,
} from "../server/features/publishing/receiver/reference-receiver";
import { USERS, expectAllControlsNamed, formAlert, signIn, unique } from "./fixtures";

/** Screenshots of this spec: test-results/publishing-<name>.png. */
async function shot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync("test-results", { recursive: true });
  await page.mouse.move(0, 0);
  // Full-page shots of a scrolled page draw the sticky shell in the middle of it.
  if (opts.fullPage ?? true) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/publishing-${name}.png`, fullPage: opts.fullPage ?? true });
}

/** A port nobody listens on right now: the endpoint's URL needs it before the receiver (and its secret) exist. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function tab(page: Page, name: string): Locator {
  return page.getByRole("tab", { name });
}

function card(page: Page, url: string): Locator {
  return page.getByRole("article", { name: url });
}

/** Opens the endpoint form, fills it, and submits. */
async function createEndpoint(
  page: Page,
  opts: { url: string; description: string; allowPrivate: boolean; header?: [string, string] },
): Promise<void> {
  await page.getByRole("button", { name: "New endpoint" }).click();
  const form = page.getByRole("form", { name: "New endpoint" });
  await form.getByLabel("URL").fill(opts.url);
  await form.getByLabel("Description").fill(opts.description);
  if (opts.allowPrivate) await form.getByLabel("Allow private addresses (local network CMS; tests)").check();
  if (opts.header) {
    await form.getByRole("button", { name: "Add header" }).click();
    await expect(form.getByLabel("Header 1 name")).toBeFocused();
    await form.getByLabel("Header 1 name").fill(opts.header[0]);
    await form.getByLabel("Header 1 value").fill(opts.header[1]);
  }
  await form.getByRole("button", { name: "Create endpoint" }).click();
}

/** Sends a test event from the endpoint's card and follows the link to the log filtered by its event id. */
async function sendTestEvent(page: Page, url: string): Promise<string> {
  const c = card(page, url);
  await c.getByRole("button", { name: "Send test event" }).click();
  const queued = c.getByRole("status").filter({ hasText: "Test event queued — see deliveries" });
  await expect(queued).toBeVisible();
  const link = queued.getByRole("link");
  const eventId = ((await link.textContent()) ?? "").match(/msg_[\w-]+/)?.[0];
  expect(eventId, "the link names the event").toBeTruthy();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/publishing\\?q=${eventId}$`));
  await expect(tab(page, "Deliveries")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByLabel("Search", { exact: true })).toHaveValue(eventId!);
  return eventId!;
}

test.describe("publishing: endpoints and the delivery log", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  let receiver: ReferenceReceiver | undefined;
  test.afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  test("an admin connects a receiver, sees a signed test event succeed, then a failure with its retry", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signIn(page, USERS.admin);
    await page.goto("/publishing");
    await expect(page.getByRole("heading", { level: 1, name: "Publishing" })).toBeVisible();
    await expect(page.getByRole("tablist", { name: "Publishing" })).toBeVisible();
    await expect(page.getByRole("tabpanel", { name: "Deliveries" }).getByRole("status")).toHaveCount(0);
    await shot(page, "first-visit");
    await tab(page, "Endpoints").click();
    await expect(page).toHaveURL(/\/publishing\?tab=endpoints$/);

    const port = await freePort();
    const url = `http://127.0.0.1:${port}/webhooks/lectern`;
    const description = unique("e2e receiver");
    const headerValue = unique("h");
    await createEndpoint(page, { url, description, allowPrivate: true, header: ["X-Lectern-E2E", headerValue] });

    // The secret is shown once, in a read-only field, with a copy button.
    const c = card(page, url);
    await expect(c).toBeVisible();
    const secretBox = c.getByTestId("endpoint-secret");
    await expect(secretBox).toContainText("Copy it now; it is not shown again");
    const field = secretBox.getByLabel("Signing secret");
    await expect(field).toHaveAttribute("readonly", "");
    await expect(field).toBeFocused();
    const secret = await field.inputValue();
    expect(secret).toMatch(/^whsec_/);
    await secretBox.getByRole("button", { name: "Copy", exact: true }).click();
    await expect(secretBox.getByRole("button", { name: "Copied", exact: true })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await expect(c.getByText(`ends in`)).toBeAttached();
    await expect(c).toContainText(secret.slice(-4));
    await expect(c.getByText("Private addresses allowed")).toBeVisible();
    await expect(c.getByText("X-Lectern-E2E")).toBeVisible();
    await shot(page, "endpoint-created");

    // The receiver verifies signatures with the copied secret (standardwebhooks).
    receiver = await startReferenceReceiver({ secret, port, keepRequests: true });
    await secretBox.getByRole("button", { name: "I have copied it" }).click();
    await expect(c.getByTestId("endpoint-secret")).toHaveCount(0);

    // 1. A test event that succeeds.
    const okEvent = await sendTestEvent(page, url);
    const okRow = page.locator('[data-testid="delivery-row"]').filter({ hasText: okEvent });
    await expect(okRow).toHaveCount(1);
    await expect(okRow.getByTestId("delivery-status")).toHaveText("Succeeded", { timeout: 30_000 });
    await expect(okRow).toContainText("200");
    await expect(okRow).toContainText("webhook.test");
    expect(receiver.received.has(okEvent), "the receiver verified the signature and processed the event").toBe(true);
    const req = receiver.requests.find((r) => r.id === okEvent);
    expect(req?.headers["x-lectern-e2e"]).toBe(headerValue);
    expect(req?.headers["webhook-signature"]).toMatch(/^v1,/);
    await shot(page, "log-succeeded");

    await okRow.getByRole("button", { name: /webhook\.test/ }).click();
    const detail = page.getByRole("dialog", { name: "Delivery of webhook.test" });
    await expect(detail).toBeVisible();
    await expect(detail.getByTestId("detail-status")).toHaveText("Succeeded");
    const okAttempt = detail.getByTestId("attempt").first();
    await expect(okAttempt).toContainText("Attempt 1");
    await expect(okAttempt.getByTestId("attempt-code")).toHaveText("200");
    await expect(okAttempt).toContainText("Success");
    await expect(okAttempt).toContainText(/\d+ ms/);
    await expect(okAttempt.getByTestId("attempt-response")).toHaveText("Processed");
    await detail.getByText("Signed body (JSON)").click();
    await expect(detail.getByTestId("delivery-body")).toContainText('"type": "webhook.test"');
    await expect(detail.getByRole("button", { name: "Replay" })).toBeEnabled();
    await shot(page, "delivery-detail-ok", { fullPage: false });
    await page.keyboard.press("Escape");
    await expect(detail).toBeHidden();

    // Rotating the secret: the new one is shown once; during the overlap both signatures are sent,
    // so the receiver that still has the old secret keeps verifying.
    const endpointCard = card(page, url);
    await tab(page, "Endpoints").click();
    await endpointCard.getByRole("button", { name: "Rotate secret" }).click();
    const rotate = page.getByRole("dialog", { name: "Rotate the signing secret" });
    await expect(rotate).toContainText("both signatures");
    await expect(rotate.getByLabel("Overlap (hours)")).toHaveValue("24");
    await expect(rotate.getByLabel("Overlap (hours)")).toBeFocused();
    await shot(page, "rotate-dialog", { fullPage: false });
    await rotate.getByRole("button", { name: "Rotate secret" }).click();
    await expect(rotate).toBeHidden();
    const rotated = endpointCard.getByTestId("endpoint-secret");
    await expect(rotated).toContainText("Copy it now; it is not shown again");
    const newSecret = await rotated.getByLabel("Signing secret").inputValue();
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(secret);
    await expect(endpointCard).toContainText("The previous secret also signs until");
    await rotated.getByRole("button", { name: "I have copied it" }).click();
    await endpointCard.getByRole("button", { name: "Reveal secret" }).click();
    const revealed = endpointCard.getByTestId("endpoint-secret");
    await expect(revealed).toContainText("recorded in the audit trail");
    await expect(revealed.getByLabel("Signing secret")).toHaveValue(newSecret);
    await revealed.getByRole("button", { name: "Hide" }).click();
    const overlapEvent = await sendTestEvent(page, url);
    const overlapRow = page.locator('[data-testid="delivery-row"]').filter({ hasText: overlapEvent });
    await expect(overlapRow.getByTestId("delivery-status")).toHaveText("Succeeded", { timeout: 30_000 });
    expect(receiver.requests.find((r) => r.id === overlapEvent)?.headers["webhook-signature"]).toMatch(
      /^v1,\S+ v1,\S+$/,
    );

    // Editing: the form starts from the saved values.
    await tab(page, "Endpoints").click();
    await endpointCard.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("form", { name: "Edit endpoint" });
    await expect(edit.getByLabel("URL")).toHaveValue(url);
    await expect(edit.getByLabel("Header 1 name")).toHaveValue("X-Lectern-E2E");
    const renamed = `${description} (edited)`;
    await edit.getByLabel("Description").fill(renamed);
    await edit.getByRole("checkbox", { name: /A published page is taken down/ }).check();
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit).toHaveCount(0);
    await expect(endpointCard).toContainText(renamed);
    await expect(endpointCard.getByRole("list", { name: "Subscribed events" })).toContainText("draft.unpublished");

    // Someone else saves while the form is open: the form says so and reloads the saved endpoint.
    const endpointId = await endpointCard.getAttribute("data-endpoint-id");
    await endpointCard.getByRole("button", { name: "Edit" }).click();
    const current = (await (await page.request.get(`/api/publishing/endpoints/${endpointId}`)).json()) as Record<
      string,
      unknown
    >;
    const { url: u, eventTypes, enabled, allowPrivate, headers, version } = current;
    const elsewhere = await page.request.patch(`/api/publishing/endpoints/${endpointId}`, {
      data: { url: u, eventTypes, enabled, allowPrivate, headers, version, description: "Changed in another tab" },
    });
    expect(elsewhere.status(), await elsewhere.text()).toBe(200);
    await edit.getByLabel("Description").fill("My change");
    await edit.getByRole("button", { name: "Save changes" }).click();
    const staleAlert = edit.getByRole("alert").filter({ hasText: "Someone changed this endpoint — reload" });
    await expect(staleAlert).toBeVisible();
    await shot(page, "edit-stale", { fullPage: false });
    await staleAlert.getByRole("button", { name: "Reload" }).click();
    await expect(edit.getByLabel("Description")).toHaveValue("Changed in another tab");
    await expect(staleAlert).toHaveCount(0);
    await edit.getByRole("button", { name: "Cancel" }).click();
    await expect(endpointCard).toContainText("Changed in another tab");

    // Disabling and enabling keeps the other settings (private addresses, headers).
    await endpointCard.getByRole("button", { name: "Disable" }).click();
    await expect(endpointCard.getByText("Disabled: no new deliveries are sent")).toBeVisible();
    await expect(endpointCard.getByText("Private addresses allowed")).toBeVisible();
    await expect(endpointCard.getByText("X-Lectern-E2E")).toBeVisible();
    await shot(page, "endpoint-disabled");
    await endpointCard.getByRole("button", { name: "Enable" }).click();
    await expect(endpointCard.getByText("Enabled", { exact: true })).toBeVisible();

    // 2. The receiver fails: the attempt shows the error, the status code and when it is retried.
    receiver.set({ status: 500 });
    await tab(page, "Endpoints").click();
    const failEvent = await sendTestEvent(page, url);
    const failRow = page.locator('[data-testid="delivery-row"]').filter({ hasText: failEvent });
    await expect(failRow.getByTestId("delivery-status")).toHaveText("Retrying", { timeout: 30_000 });
    await expect(failRow).toContainText("500");
    await expect(failRow).toContainText(/in (under a minute|\d+ min)/);
    await shot(page, "log-retrying");
    await failRow.getByRole("button", { name: /webhook\.test/ }).click();
    await expect(detail).toBeVisible();
    const failed = detail.locator('[data-testid="attempt"][data-outcome="http_error"]').first();
    await expect(failed.getByTestId("attempt-code")).toHaveText("500");
    await expect(failed.getByTestId("attempt-error")).not.toBeEmpty();
    await expect(failed.getByTestId("attempt-next-retry")).toContainText("Next retry");
    await expect(failed.getByTestId("attempt-response")).toHaveText("Injected 500");
    await expect(detail.getByRole("button", { name: "Replay" })).toBeDisabled();
    await shot(page, "delivery-detail-failed", { fullPage: false });
    await page.keyboard.press("Escape");

    // The endpoint's card: the 24-hour success rate and its sparkline, the pending count linking to the log.
    await tab(page, "Endpoints").click();
    await expect(c.getByRole("img", { name: /^Success rate over the last 24 hours: \d+ %$/ })).toBeVisible();
    await expect(c.getByRole("link", { name: "1 pending" })).toBeVisible({ timeout: 15_000 });
    await expectAllControlsNamed(page);
    await shot(page, "endpoints");

    // 3. Deleting the endpoint dead-letters its pending delivery (after a confirmation that says so).
    await c.getByRole("button", { name: "Delete" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Delete this endpoint?" });
    await expect(confirm).toContainText("will be dead-lettered");
    await shot(page, "delete-confirm", { fullPage: false });
    await confirm.getByRole("button", { name: "Delete endpoint" }).click();
    await expect(c).toHaveCount(0);
    await page.goto(`/publishing?status=dead&q=${failEvent}`);
    const deadRow = page.locator('[data-testid="delivery-row"]').filter({ hasText: failEvent });
    await expect(deadRow.getByTestId("delivery-status")).toHaveText("Dead");
    await expect(page.getByRole("button", { name: "Dead", pressed: true })).toBeVisible();
    await expect(page.getByText("The dead-letter list")).toBeVisible();
    await shot(page, "log-dead");
  });

  test("an admin gets clear errors for an ftp:// URL and a loopback host without “Allow private addresses”", async ({
    page,
  }) => {
    await signIn(page, USERS.admin);
    await page.goto("/publishing?tab=endpoints");
    await page.getByRole("button", { name: "New endpoint" }).click();
    const form = page.getByRole("form", { name: "New endpoint" });
    const urlField = form.getByLabel("URL");

    await urlField.fill("ftp://cms.example.com/hooks");
    await form.getByRole("button", { name: "Create endpoint" }).click();
    await expect(form.getByText('Use an http(s) URL; "ftp:" URLs cannot receive webhooks')).toBeVisible();
    await expect(urlField).toHaveAttribute("aria-invalid", "true");
    await expect(urlField).toBeFocused();

    // No event type: the shared schema says so before anything is sent.
    await urlField.fill("https://cms.example.com/hooks");
    await form.getByRole("checkbox", { name: /An SEO page is published/ }).uncheck();
    await form.getByRole("button", { name: "Create endpoint" }).click();
    await expect(form.getByText("Subscribe to at least one event type")).toBeVisible();
    await form.getByRole("checkbox", { name: /An SEO page is published/ }).check();

    // A reserved header name is refused by the schema, on its row.
    await form.getByRole("button", { name: "Add header" }).click();
    await form.getByLabel("Header 1 name").fill("Content-Type");
    await form.getByLabel("Header 1 value").fill("text/plain");
    await form.getByRole("button", { name: "Create endpoint" }).click();
    await expect(form.getByText(/Lectern sets webhook-\*, content-type/)).toBeVisible();
    await form.getByRole("button", { name: /Remove header 1/ }).click();
    await expect(form.getByRole("button", { name: "Add header" })).toBeFocused();

    // The host resolves to a loopback address: the server's SSRF guard explains and suggests the option.
    await urlField.fill("http://localhost:9/hooks");
    const created = page.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/publishing/endpoints",
    );
    await form.getByRole("button", { name: "Create endpoint" }).click();
    expect((await created).status()).toBe(422);
    const error = form.locator(`[id$="-url-error"]`);
    await expect(error).toContainText(/loopback/);
    await expect(error).toContainText("Allow private addresses");
    await expect(urlField).toHaveAttribute("aria-invalid", "true");
    await expect(urlField).toBeFocused();
    await shot(page, "endpoint-url-errors");

    // Literal 127.0.0.1 too.
    await urlField.fill("http://127.0.0.1:9/hooks");
    await form.getByRole("button", { name: "Create endpoint" }).click();
    await expect(error).toContainText(/127\.0\.0\.1 is a loopback address/);
    await expect(formAlert(page)).toHaveCount(0);
    await form.getByRole("button", { name: "Cancel" }).click();
    await expect(form).toHaveCount(0);
  });
});

test.describe("publishing: roles", () => {
  test("an editor sees the log and the pages, but neither endpoints nor replay", async ({ page, browser }) => {
    // An admin (another session) sets up an endpoint nobody listens on and sends it a test event.
    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, USERS.admin);
    const port = await freePort();
    const created = await admin.request.post("/api/publishing/endpoints", {
      data: {
        url: `http://127.0.0.1:${port}/nobody-home`,
        description: unique("editor view"),
        eventTypes: ["page.published"],
        allowPrivate: true,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const endpoint = (await created.json()) as { id: string };
    const sent = await admin.request.post(`/api/publishing/endpoints/${endpoint.id}/test`);
    expect(sent.status(), await sent.text()).toBe(202);
    const { eventId } = (await sent.json()) as { eventId: string };

    try {
      await signIn(page, USERS.editor);
      await page.goto("/publishing?tab=endpoints");
      await expect(page.getByRole("tablist", { name: "Publishing" })).toBeVisible();
      await expect(tab(page, "Endpoints")).toHaveCount(0);
      // The endpoints tab is not theirs: the URL falls back to the log.
      await expect(tab(page, "Deliveries")).toHaveAttribute("aria-selected", "true");
      await expect(page.getByRole("button", { name: "New endpoint" })).toHaveCount(0);

      await page.getByLabel("Search", { exact: true }).fill(eventId);
      await expect(page).toHaveURL(new RegExp(`q=${eventId}`));
      const row = page.locator('[data-testid="delivery-row"]').filter({ hasText: eventId });
      await expect(row.getByTestId("delivery-status")).toHaveText("Retrying", { timeout: 30_000 });
      await expect(page.getByTestId("deliveries-table").getByRole("checkbox")).toHaveCount(0);
      await expect(page.getByRole("button", { name: /Replay/ })).toHaveCount(0);
      // Editors pick the endpoint from those in the log (they cannot list endpoints).
      await expect(page.getByLabel("Endpoint", { exact: true })).toContainText(`127.0.0.1:${port}/nobody-home`);
      await shot(page, "editor-log");

      await row.getByRole("button", { name: /webhook\.test/ }).click();
      const detail = page.getByRole("dialog", { name: "Delivery of webhook.test" });
      await expect(detail.getByTestId("attempt").first()).toHaveAttribute("data-outcome", "network");
      await expect(detail.getByTestId("attempt-error").first()).not.toBeEmpty();
      await expect(detail.getByRole("button", { name: "Replay" })).toHaveCount(0);
      await page.keyboard.press("Escape");
      await expect(detail).toBeHidden();

      await tab(page, "Published pages").click();
      await expect(page).toHaveURL(/tab=pages/);
      await expect(page.getByRole("tabpanel", { name: "Published pages" })).toBeVisible();
      await shot(page, "editor-pages");
    } finally {
      await admin.request.delete(`/api/publishing/endpoints/${endpoint.id}`);
      await admin.context().close();
    }
  });

  test("a marketer gets an explanation and no endpoint management", async ({ page }) => {
    await signIn(page, USERS.marketer);
    await page.goto("/publishing?tab=endpoints");
    await expect(page.getByRole("heading", { name: "Publishing is managed by editors and admins" })).toBeVisible();
    await expect(page.getByRole("tablist")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "New endpoint" })).toHaveCount(0);
    const res = await page.request.get("/api/publishing/endpoints");
    expect(res.status()).toBe(403);
    await shot(page, "marketer");
  });
});
