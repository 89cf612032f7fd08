import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { strToU8, zipSync } from "fflate";
import { USERS, expectAllControlsNamed, signIn } from "./fixtures";

/** Screenshots of this spec go to test-results/brand-<name>.png. */
async function shot(page: Page, name: string, opts: { viewport?: boolean } = {}): Promise<void> {
  mkdirSync("test-results", { recursive: true });
  if (!opts.viewport) {
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  await page.screenshot({ path: `test-results/brand-${name}.png`, fullPage: !opts.viewport });
}

async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole("tablist", { name: "Brand sections" }).getByRole("tab", { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute("aria-selected", "true");
}

/** Lower-case letters only, so the word is one token. */
function letters(n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(97 + Math.floor(Math.random() * 26));
  return s;
}

async function currentVersion(page: Page): Promise<number> {
  const res = await page.request.get("/api/brand");
  expect(res.status()).toBe(200);
  return ((await res.json()) as { version: number }).version;
}

async function runCheck(page: Page): Promise<void> {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/api/brand/check")),
    page.getByTestId("brand-check-submit").click(),
  ]);
  expect(res.status(), await res.text()).toBe(200);
}

test.describe.configure({ mode: "serial" });

const word = `zq${letters(8)}`;

test("an admin adds a banned word and saves a new version", async ({ page }) => {
  await signIn(page, USERS.admin);
  await page.goto("/brand");
  await expect(page.getByRole("heading", { level: 1, name: "Brand" })).toBeVisible();
  await expect(page.getByTestId("brand-rule-list").first()).toBeVisible();
  await shot(page, "rules-admin");
  const before = await currentVersion(page);

  await openTab(page, "Edit");
  await expectAllControlsNamed(page);
  await page.getByRole("button", { name: "Add banned word" }).click();
  const row = page.getByTestId("brand-banned-row").last();
  await expect(row.getByLabel("Word or phrase")).toBeFocused();

  // An empty row is refused next to the field, and focus moves there.
  await page.getByTestId("brand-save").click();
  await expect(row.getByLabel("Word or phrase")).toBeFocused();
  await expect(row.getByText("Enter a word or phrase")).toBeVisible();
  await shot(page, "edit-invalid", { viewport: true });

  await row.getByLabel("Word or phrase").fill(word);
  await row.getByLabel("Reason").fill("Made-up word for the e2e test.");
  await page.getByLabel("What changed?").fill(`Banned ${word}`);
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "PUT" && r.url().endsWith("/api/brand")),
    page.getByTestId("brand-save").click(),
  ]);
  expect(res.status(), await res.text()).toBe(200);
  await expect(page.getByTestId("brand-saved")).toContainText(`Saved as version ${before + 1}`);
  expect(await currentVersion(page)).toBe(before + 1);

  await openTab(page, "Rules");
  await expect(page.getByTestId("brand-version-line").first()).toContainText(`Version ${before + 1}`);
  await openTab(page, "History");
  await expect(page.getByTestId("brand-version-row").first()).toContainText(`Banned ${word}`);
  await shot(page, "history");
});

test("a save on top of a newer version is refused with a reload", async ({ page }) => {
  await signIn(page, USERS.admin);
  await page.goto("/brand?tab=edit");
  await expect(page.getByTestId("brand-save")).toBeVisible();
  // Someone else saves in between.
  const current = (await (await page.request.get("/api/brand")).json()) as {
    version: number;
    voice: unknown;
    policy: unknown;
  };
  const put = await page.request.put("/api/brand", {
    data: { voice: current.voice, policy: current.policy, note: "Concurrent save", baseVersion: current.version },
  });
  expect(put.status(), await put.text()).toBe(200);

  await page.getByLabel("What changed?").fill("Stale edit");
  await page.getByTestId("brand-save").click();
  const conflict = page.getByTestId("brand-conflict");
  await expect(conflict).toContainText("Someone saved a newer version");
  await shot(page, "conflict", { viewport: true });
  await conflict.getByRole("button", { name: "Reload the latest version" }).click();
  await expect(page.getByTestId("brand-conflict")).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Edit brand voice" })).toContainText(`Version ${current.version + 1}`);
});

test("a marketer checks copy, reads an alert card and applies a fix", async ({ page }) => {
  await signIn(page, USERS.marketer);
  await page.goto("/brand");
  await expect(page.getByRole("tab", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByTestId("brand-rule-list").first()).toContainText("Brand.");
  await shot(page, "rules-marketer");

  await openTab(page, "Check copy");
  await page.getByTestId("brand-check-text").fill(`Our ${word} boots are cheap and warm.`);
  await page.getByLabel("Channel").selectOption("ad");
  await runCheck(page);

  const banned = page.getByTestId("brand-alert-mark").filter({ hasText: word });
  await expect(banned).toHaveCount(1);
  const before = Number(
    await page
      .getByTestId("brand-score-total")
      .innerText()
      .then((t) => t.replace(/\D.*$/, "")),
  );

  // Keyboard: focusing the underline opens its card; the description is wired up.
  await banned.focus();
  const card = page.getByTestId("brand-alert-card");
  await expect(card).toBeVisible();
  await expect(card).toContainText("Made-up word");
  await expect(banned).toHaveAttribute("aria-describedby", /.+/);
  await shot(page, "check-card", { viewport: true });
  await page.keyboard.press("Escape");
  await expect(card).toHaveCount(0);

  // A substitution: "cheap" → "good value".
  const cheap = page.getByTestId("brand-alert-mark").filter({ hasText: "cheap" });
  await cheap.focus();
  await page.keyboard.press("Tab");
  const fix = page.getByTestId("brand-apply-fix").first();
  await expect(fix).toBeFocused();
  await expect(fix).toContainText("good value");
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/api/brand/check")),
    fix.press("Enter"),
  ]);
  expect(res.status()).toBe(200);
  await expect(page.getByTestId("brand-check-text")).toHaveValue(`Our ${word} boots are good value and warm.`);
  await expect(page.getByTestId("brand-alert-mark").filter({ hasText: "cheap" })).toHaveCount(0);
  const after = Number(
    await page
      .getByTestId("brand-score-total")
      .innerText()
      .then((t) => t.replace(/\D.*$/, "")),
  );
  expect(after).toBeGreaterThan(before);
  await shot(page, "check-fixed");

  // Clean copy: no issues.
  await page.getByTestId("brand-check-text").fill("Our boots keep you warm on the trail.");
  await runCheck(page);
  await expect(page.getByTestId("brand-no-issues")).toBeVisible();
  await expect(page.getByTestId("brand-verdict")).toBeVisible();
  await shot(page, "check-clean");

  // The governed loop: deterministic fixes in one go; the offline engine does not rewrite, and says so.
  await page.getByTestId("brand-check-text").fill("Our ultralight summit 45 is cheap.");
  const [governed] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/api/brand/govern")),
    page.getByTestId("brand-govern-submit").click(),
  ]);
  expect(governed.status(), await governed.text()).toBe(200);
  await expect(page.getByTestId("brand-check-text")).toHaveValue("Our lightweight Summit 45 is good value.");
  await expect(page.getByText("3 fixes applied.", { exact: true })).toBeVisible();
  await shot(page, "check-governed");

  // An error no substitution can fix stays, and the page says why.
  await page.getByTestId("brand-check-text").fill("Totally waterproof and cheap.");
  await page.getByTestId("brand-govern-submit").click();
  await expect(page.getByTestId("brand-check-text")).toHaveValue("Totally waterproof and good value.");
  await expect(page.getByText(/1 fix applied\. The remaining errors need a rewrite/)).toBeVisible();
  await expect(page.getByTestId("brand-verdict")).toContainText(/review/i);
});

test("an admin imports a Vale style zip; its rules run in checks until it is turned off", async ({ page }) => {
  const name = `Acme${letters(5)}`;
  const zip = zipSync({
    [`styles/${name}/Hedges.yml`]: strToU8(
      "extends: existence\nmessage: \"Avoid the hedge '%s'.\"\nlevel: error\nignorecase: true\ntokens:\n  - basically\n",
    ),
    [`styles/${name}/Broken.yml`]: strToU8("extends: telepathy\nmessage: x\n"),
    ".vale.ini": strToU8("StylesPath = styles\n"),
  });
  await signIn(page, USERS.admin);
  await page.goto("/brand?tab=styles");
  await expect(page.getByRole("heading", { name: "Imported Vale styles" })).toBeVisible();
  await expectAllControlsNamed(page);

  // Nothing chosen: the form says so next to the field.
  await page.getByTestId("style-import").click();
  await expect(page.getByText("Choose a .zip file holding a Vale style folder.")).toBeVisible();

  await page.getByTestId("style-zip-input").setInputFiles({
    name: "acme-style.zip",
    mimeType: "application/zip",
    buffer: Buffer.from(zip),
  });
  await page.getByTestId("style-import").click();
  const report = page.getByTestId("style-import-report");
  await expect(report).toContainText(`${name}: 1 rule imported`);
  await expect(report).toContainText(`${name}/Broken.yml`);
  const card = page.getByTestId("imported-style").filter({ hasText: name });
  await expect(card).toContainText("1 rule");
  await card.getByText("Show the rules").click();
  await expect(card.getByTestId("imported-style-rules")).toContainText(`${name}.Hedges`);
  await shot(page, "styles-imported");

  await openTab(page, "Check copy");
  await page.getByTestId("brand-check-text").fill("Our boots are basically warm.");
  await runCheck(page);
  await expect(page.getByTestId("brand-alert-mark").filter({ hasText: "basically" })).toHaveCount(1);

  await openTab(page, "Vale styles");
  await card.getByRole("button", { name: "Turn off" }).click();
  await expect(card).toContainText("Off");
  await openTab(page, "Check copy");
  await runCheck(page);
  await expect(page.getByTestId("brand-alert-mark").filter({ hasText: "basically" })).toHaveCount(0);

  await openTab(page, "Vale styles");
  await card.getByRole("button", { name: `Remove ${name}` }).click();
  await page.getByRole("button", { name: "Remove style" }).click();
  await expect(page.getByTestId("imported-style").filter({ hasText: name })).toHaveCount(0);
});
