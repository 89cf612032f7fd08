import { expect, test, type Page } from "@playwright/test";
import { USERS, expectAllControlsNamed, screenshot, signIn, unique } from "./fixtures";

type UsagePage = { items: { id: string; promptKey: string | null; model: string; outcome: string }[] };

const OFFLINE_BADGE = "Offline engine — deterministic composer, not an LLM";

function providerRow(page: Page, text: string) {
  return page.getByRole("table", { name: "Model providers" }).getByRole("row").filter({ hasText: text }).first();
}

function routeItem(page: Page, role: string) {
  return page.locator(`li[data-role="${role}"]`);
}

test.describe("models, prompts and the playground", () => {
  test("admin tests the offline engine, adds a provider without exposing its key, edits a route and adds a budget", async ({
    page,
  }) => {
    await signIn(page, USERS.admin);
    await page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Settings" }).click();
    await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Models" }).click();
    await expect(page).toHaveURL(/\/settings\/models$/);
    await expect(page).toHaveTitle("Models · Settings · Lectern");
    await expect(page.getByRole("heading", { level: 2, name: "Providers" })).toBeVisible();

    // 1. The built-in offline engine is listed, explained, and its connection test passes.
    const offline = providerRow(page, "Offline engine");
    await expect(offline).toContainText("Deterministic composer, not an LLM");
    await expect(offline).toContainText("offline-composer-v1");
    await expect(offline).toContainText("Built-in");
    await offline.getByRole("button", { name: /^Test connection to Offline engine/ }).click();
    const offlineResult = page.getByTestId("provider-test-result").first();
    await expect(offlineResult).toHaveAttribute("data-ok", "true");
    await expect(offlineResult).toContainText("Connection works.");
    await expect(offlineResult).toContainText("offline-composer-v1");

    // 2. Add an OpenAI-compatible provider: the table shows only the key's last four characters.
    const name = `Local test ${unique("llm")}`;
    const apiKey = `sk-e2e-${unique("secret")}-${Math.random().toString(36).slice(2, 10)}`;
    const last4 = apiKey.slice(-4);
    await page.getByLabel("Kind").selectOption("openai_compatible");
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel(/^Base URL/).fill("http://127.0.0.1:9/v1");
    await page.getByLabel(/^API key/).fill(apiKey);
    await page.getByLabel("Models", { exact: true }).fill("llama-test");
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/api/inference/providers")),
      page.getByRole("button", { name: "Add provider" }).click(),
    ]);
    expect(created.status()).toBe(201);
    expect(await created.text()).not.toContain(apiKey);
    const row = providerRow(page, name);
    await expect(row).toContainText(`••••${last4}`);
    await expect(row).toContainText("llama-test");
    await expect(row).toContainText("Workspace");
    await expect(row.getByRole("switch", { name: `${name} enabled` })).toHaveAttribute("aria-checked", "true");
    await expect(page.getByLabel(/^API key/)).toHaveValue("");
    expect(await page.content()).not.toContain(apiKey);
    const listed = await page.request.get("/api/inference/providers");
    expect(await listed.text()).not.toContain(apiKey);

    // Its connection test fails (nothing listens on port 9) with a readable message.
    await row.getByRole("button", { name: `Test connection to ${name}` }).click();
    const failed = page.getByTestId("provider-test-result").filter({ hasText: "Connection failed." });
    await expect(failed).toHaveAttribute("data-ok", "false", { timeout: 20_000 });
    await expect(failed).toContainText("llama-test");
    expect((await failed.textContent())!.replace("Connection failed.", "").trim().length).toBeGreaterThan(10);

    // 3. Routes: pin the draft route to the offline engine (custom), then back to the default.
    const draft = routeItem(page, "draft");
    await expect(draft.getByText("Default", { exact: true })).toBeVisible();
    await draft.getByRole("button", { name: "Edit the draft route" }).click();
    const editor = page.getByRole("form", { name: "Edit the draft route" });
    await editor.getByLabel("Primary provider").selectOption("offline");
    await expect(editor.getByLabel("Primary model")).toHaveValue("offline-composer-v1");
    // A fallback can be added and removed again.
    await editor.getByRole("button", { name: "Add fallback" }).click();
    await expect(editor.getByLabel("Fallback 1 provider")).toBeVisible();
    await editor.getByRole("button", { name: "Remove fallback 1" }).click();
    await expect(editor.getByLabel("Fallback 1 provider")).toHaveCount(0);
    await editor.getByLabel("Timeout per attempt (s)").fill("20");
    const [put] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "PUT" && r.url().endsWith("/api/inference/routes/draft")),
      editor.getByRole("button", { name: "Save route" }).click(),
    ]);
    expect(put.status()).toBe(204);
    await expect(draft.getByText("Custom", { exact: true })).toBeVisible();
    await expect(draft).toContainText("Timeout 20 s per attempt");
    await expect(draft.getByRole("list", { name: "draft route, primary first" })).toContainText("Offline engine");

    await draft.getByRole("button", { name: "Edit the draft route" }).click();
    page.once("dialog", (d) => void d.accept());
    await page
      .getByRole("form", { name: "Edit the draft route" })
      .getByRole("button", { name: "Reset to default" })
      .click();
    await expect(draft.getByText("Default", { exact: true })).toBeVisible();
    await expect(draft).toContainText("Timeout 30 s per attempt");

    // 4. A daily token budget for the workspace, listed with its usage bar.
    await page.getByLabel("Measure").selectOption("tokens");
    await page.getByLabel("Period").selectOption("day");
    await page.getByLabel(/^Soft cap/).fill("800000");
    await page.getByLabel(/^Hard cap/).fill("1000000");
    await page.getByRole("button", { name: "Add budget" }).click();
    const budget = page.getByRole("list", { name: "Budgets" }).getByRole("listitem").last();
    await expect(budget).toContainText("Whole workspace");
    await expect(budget).toContainText("Daily");
    await expect(budget.getByTestId("budget-usage")).toContainText(/of 1,000,000 tokens used/);
    await expect(budget).toContainText("soft cap 800,000 tokens");
    await expect(budget.getByRole("meter")).toHaveAttribute("aria-valuemax", "1000000");
    // The same scope, measure and period again is refused before it reaches the server.
    await page.getByLabel("Period").selectOption("day");
    await page.getByLabel(/^Hard cap/).fill("5000");
    await page.getByRole("button", { name: "Add budget" }).click();
    await expect(
      page.getByRole("main").getByRole("alert").filter({ hasText: "There is already a daily token budget" }),
    ).toBeVisible();
    await expect(page.getByRole("list", { name: "Budgets" }).getByRole("listitem")).toHaveCount(1);

    await expect(page.getByText(/^Loading/)).toHaveCount(0);
    await expectAllControlsNamed(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "models-settings");
  });

  test("admin creates a prompt version, sees the diff, moves staging to it; the audit trail records it", async ({
    page,
  }) => {
    await signIn(page, USERS.admin);
    await page.goto("/settings/prompts");
    await expect(page).toHaveTitle("Prompts · Settings · Lectern");
    const keys = page.getByRole("navigation", { name: "Prompt keys" });
    for (const k of ["classify.generic", "draft.generic", "judge.rubric", "revise.generic"])
      await expect(keys.getByRole("button", { name: new RegExp(k.replace(".", "\\.")) })).toBeVisible();
    await keys.getByRole("button", { name: /draft\.generic/ }).click();
    await expect(keys.getByRole("button", { name: /draft\.generic/ })).toHaveAttribute("aria-current", "true");

    const versions = page.getByRole("table", { name: "Versions of draft.generic" });
    const v1 = versions.getByRole("row").filter({ hasText: "v1" }).first();
    await expect(v1).toContainText("production");
    await expect(v1).toContainText("staging");

    // New version, prefilled from the newest one.
    const form = page.getByRole("form", { name: "New version of draft.generic" });
    const system = form.getByLabel("System prompt");
    await expect(system).toHaveValue(/You write marketing copy for \{\{workspace\}\}/);
    const added = "Keep every sentence under twenty words.";
    await system.fill(`${await system.inputValue()} ${added}`);
    const template = form.getByLabel("Template");
    await template.fill(
      (await template.inputValue()).replace("<brief>{{brief}}</brief>", "<brief>{{ brief }}</brief>"),
    );
    const note = `Shorter sentences (${unique("note")})`;
    await form.getByLabel(/^Note/).fill(note);
    const [post] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === "POST" && r.url().includes("/api/prompts/draft.generic/versions"),
      ),
      form.getByRole("button", { name: "Save new version" }).click(),
    ]);
    expect(post.status()).toBe(201);
    const { version } = (await post.json()) as { version: number };
    expect(version).toBeGreaterThanOrEqual(2);
    await expect(page.getByText(`Saved v${version}`)).toBeVisible();
    const newRow = versions.getByRole("row").filter({ hasText: note });
    await expect(newRow).toContainText(`v${version}`);
    await expect(newRow).toContainText("No label");

    // The diff compares the previous production version with the new one: +/- markers and <ins>/<del>.
    await expect(page.getByLabel("After", { exact: true })).toHaveValue(((await post.json()) as { id: string }).id);
    const diff = page.getByTestId("prompt-diff");
    await expect(diff.locator("ins").filter({ hasText: added })).toHaveCount(1);
    await expect(diff.locator("del").first()).toBeVisible();
    await expect(diff.getByRole("table", { name: "Changes to the system" })).toContainText("Added:");
    const templateDiff = diff.getByRole("table", { name: "Changes to the template" });
    await expect(templateDiff.locator("del")).toHaveText("Removed: <brief>{{brief}}</brief>");
    await expect(templateDiff.locator("ins")).toHaveText("Added: <brief>{{ brief }}</brief>");
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "prompts-diff");

    // Move staging to the new version, after a confirmation.
    await page.getByLabel("Label", { exact: true }).selectOption("staging");
    await page.getByLabel("Point it at").selectOption({ label: `v${version}` });
    await page.getByRole("button", { name: "Move label" }).click();
    const confirm = page.getByRole("alertdialog", { name: `Move staging to v${version}?` });
    await expect(confirm).toContainText("It points at v1 now.");
    await confirm.getByRole("button", { name: "Yes, move staging" }).click();
    await expect(page.getByText(`staging now points at v${version}.`)).toBeVisible();
    await expect(newRow).toContainText("staging");
    await expect(v1).toContainText("production");
    await expect(v1).not.toContainText("staging");
    await expectAllControlsNamed(page);

    // The audit trail records both.
    await page
      .getByRole("navigation", { name: "Settings sections" })
      .getByRole("link", { name: "Audit trail" })
      .click();
    const audit = page.getByRole("table", { name: "Audit events" });
    await expect(audit.getByRole("row").filter({ hasText: "prompt.version_created" }).first()).toBeVisible();
    const moved = audit.getByRole("row").filter({ hasText: "prompt.label_moved" }).first();
    // The trail shows the change as before → after.
    await expect(moved).toContainText(new RegExp(`version: \\d+ → ${version}`));
  });

  test("a marketer streams text from the Drafts playground; the admin's ledger shows the call", async ({
    page,
    browser,
  }) => {
    // The admin's view of the ledger before the call.
    const adminContext = await browser.newContext();
    try {
      const admin = await adminContext.newPage();
      await signIn(admin, USERS.admin);
      const before = (await (await admin.request.get("/api/inference/usage?limit=100")).json()) as UsagePage;
      const draftCallsBefore = before.items.filter((i) => i.promptKey === "draft.generic").length;

      await signIn(page, USERS.marketer);
      // The playground sits folded under the Drafts list.
      await page.getByText("Model playground", { exact: true }).click();
      const card = page.getByRole("form", { name: "Try the engine" });
      await expect(page.getByRole("heading", { level: 2, name: "Try the engine" })).toBeVisible();
      await expect(page.getByText(/preview of the inference gateway/)).toContainText("drafting pipeline");
      await card.getByLabel("Channel").selectOption("email");
      const brief = "Spring sale: 20% off two-person tents until April 30";
      await card.getByLabel("Brief").fill(brief);
      await card.getByLabel(/^Brand voice/).fill("Warm and plain-spoken");
      const [res] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith("/api/inference/stream")),
        card.getByRole("button", { name: "Generate" }).click(),
      ]);
      expect(res.status()).toBe(200);
      const output = page.getByTestId("playground-output");
      await expect(output).toHaveAttribute("aria-live", "polite");
      await expect(page.getByRole("status").filter({ hasText: /^Done · \d+ words$/ })).toBeVisible();
      await expect(output).toHaveText(/\w+(\s+\w+){5,}/);
      await expect(output).not.toContainText("Generated text appears here");
      const route = page.getByTestId("playground-route");
      await expect(route).toContainText(OFFLINE_BADGE);
      await expect(route).toContainText("draft.generic v1 · production");
      await expect(card.getByRole("button", { name: "Stop" })).toHaveCount(0);
      await expectAllControlsNamed(page);
      await screenshot(page, "drafts-playground");

      // The Drafts list (or its empty state, before any draft exists) is still there above the playground.
      await expect(page.getByRole("heading", { level: 2, name: /^(No drafts yet|All drafts)$/ })).toBeVisible();

      // The admin's ledger lists the call.
      await admin.goto("/settings/models");
      const ledger = admin.getByRole("table", { name: "Usage ledger" });
      const rows = ledger.getByRole("row").filter({ hasText: "draft.generic" });
      await expect(rows).toHaveCount(Math.min(draftCallsBefore + 1, 25));
      const newest = ledger.getByRole("row").nth(1);
      await expect(newest).toContainText("draft.generic");
      await expect(newest).toContainText("offline-composer-v1");
      await expect(newest).toContainText("not an LLM");
      await expect(newest).toContainText("OK");
      await expect(newest).toContainText("$0.00");
      await screenshot(admin, "models-usage-ledger");
    } finally {
      await adminContext.close();
    }
  });
});
