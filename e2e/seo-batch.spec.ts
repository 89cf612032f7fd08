import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import type { BatchOut } from "@/lib/schemas/batches";
import { USERS, expectAllControlsNamed, signIn } from "./fixtures";

/** Screenshots of this spec go to test-results/seo-<name>.png. */
async function shot(page: Page, name: string, opts: { viewport?: boolean } = {}): Promise<void> {
  mkdirSync("test-results", { recursive: true });
  if (!opts.viewport) {
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  await page.screenshot({ path: `test-results/seo-${name}.png`, fullPage: !opts.viewport });
}

/** Lower-case letters only, so the word survives slugify unchanged. */
function letters(n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(97 + Math.floor(Math.random() * 26));
  return s;
}

const run = letters(6);
const BRIEF = "Landing page about the {{product}} for hikers near {{city}}.";
const SLUG = `{{product}}-{{city}}-${run}`;
// Demo products; the third row has no city, so it fails on its own.
const CSV = [
  "product,city",
  "Summit 45 backpack,Munich",
  "Ridgeline 2 tent,Hamburg",
  "Stormline jacket,",
  "Summit 45 backpack,Berlin",
  "",
].join("\n");

async function openSeo(page: Page): Promise<void> {
  await signIn(page, USERS.marketer);
  await page.goto("/seo");
  await expect(page.getByRole("heading", { level: 1, name: "SEO" })).toBeVisible();
  await expect(page.getByText("Loading batches…")).toHaveCount(0);
}

async function chooseCsv(page: Page, name: string, buffer: Buffer) {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/api/batches/preview")),
    page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer }),
  ]);
  return res;
}

test.describe.configure({ mode: "serial" });

test("a marketer maps a CSV, previews three pages and runs the batch to the end", async ({ page }) => {
  test.setTimeout(120_000);
  await openSeo(page);
  await expect(page.getByRole("heading", { level: 2, name: "New batch" })).toBeVisible();
  await shot(page, "new");

  // Nothing chosen: refused next to the file field, which gets the focus.
  await page.getByTestId("seo-start").click();
  await expect(page.getByRole("button", { name: "Choose a CSV file" })).toBeFocused();
  await expect(page.getByText("Choose the CSV with one row per page.")).toBeVisible();
  await expect(page.getByText("Describe the page in at least a sentence")).toBeVisible();

  const fileName = `hiking-pages-${run}.csv`;
  const res = await chooseCsv(page, fileName, Buffer.from(CSV, "utf8"));
  expect(res.status(), await res.text()).toBe(200);
  const csv = page.getByTestId("seo-csv-preview");
  await expect(csv).toContainText("4 rows");
  await expect(csv).toContainText("2 columns");
  const table = csv.getByRole("table", { name: `First rows of ${fileName}` });
  await expect(table.getByRole("row")).toHaveCount(4); // header + three rows
  await expect(table).toContainText("Ridgeline 2 tent");
  await expect(table).not.toContainText("Berlin");

  await page.getByLabel("Brief").fill(BRIEF);
  await page.getByLabel("Slug pattern").fill(SLUG);
  await page.getByLabel("Structured data type").selectOption("Product");
  // Columns named like the variables are chosen already.
  await expect(page.getByLabel("Column for {{product}}")).toHaveValue("product");
  await expect(page.getByLabel("Column for {{city}}")).toHaveValue("city");

  const rows = page.getByTestId("seo-sample-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0).getByTestId("seo-sample-slug")).toHaveText(`Slug: /summit-45-backpack-munich-${run}`);
  await expect(rows.nth(0)).toContainText("Landing page about the Summit 45 backpack for hikers near Munich.");
  await expect(rows.nth(1).getByTestId("seo-sample-slug")).toHaveText(`Slug: /ridgeline-2-tent-hamburg-${run}`);
  await expect(rows.nth(2)).toContainText("“city” is empty: this row will fail.");

  // Unmapping a variable is refused at its select.
  await page.getByLabel("Column for {{city}}").selectOption("");
  await expect(rows.nth(0)).toContainText("Map {{city}} to a column");
  await page.getByTestId("seo-start").click();
  await expect(page.getByLabel("Column for {{city}}")).toBeFocused();
  await expect(page.getByText("Choose the column that fills {{city}}")).toBeVisible();
  await page.getByLabel("Column for {{city}}").selectOption("city");
  await expect(page.getByText("Choose the column that fills {{city}}")).toHaveCount(0);

  await expectAllControlsNamed(page);
  await shot(page, "form");

  const [created] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/batches"),
    page.getByTestId("seo-start").click(),
  ]);
  expect(created.status(), await created.text()).toBe(201);
  const batch = page.getByTestId("seo-batch");
  await expect(batch).toBeVisible();
  await expect(page).toHaveURL(/\/seo\?batch=/);
  await expect(page.getByRole("heading", { level: 2, name: fileName })).toBeFocused();
  await shot(page, "started", { viewport: true });

  await expect(batch).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
  await expect(page.getByTestId("seo-batch-status")).toHaveText("Completed");
  await expect(page.getByTestId("seo-batch-live")).toContainText(`Batch ${fileName} is complete`);
  await expect(page.getByRole("progressbar", { name: `Progress of ${fileName}` })).toHaveAttribute(
    "aria-valuenow",
    "4",
  );
  await expect(page.getByTestId("seo-count-failed")).toHaveText("1");
  await expect(page.getByTestId("seo-count-pending")).toHaveText("0");
  const written =
    Number(await page.getByTestId("seo-count-done").textContent()) +
    Number(await page.getByTestId("seo-count-flagged").textContent());
  expect(written).toBe(3);

  const failed = page.getByTestId("seo-row-error");
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText("Row 3");
  await expect(failed).toContainText("“city” is empty.");
  await expect(page.getByTestId("seo-drafts-link")).toHaveAttribute("href", "/drafts?channel=seo_page");
  // A finished batch has nothing left to pause, resume or cancel.
  const controls = page.getByRole("group", { name: "Batch controls" });
  for (const name of ["Pause", "Resume", "Cancel batch"])
    await expect(controls.getByRole("button", { name })).toBeDisabled();

  const item = page.getByTestId("seo-batch-item").filter({ hasText: fileName });
  await expect(item).toHaveAttribute("aria-current", "true");
  await expect(item).toContainText("Completed");
  await expect(item).toContainText(USERS.marketer.email);

  await expectAllControlsNamed(page);
  await shot(page, "complete");

  // The pages are drafts with the slugs the preview promised.
  const list = await page.request.get("/api/drafts?channel=seo_page&limit=100");
  expect(list.status()).toBe(200);
  const slugs = ((await list.json()) as { items: { slug: string | null }[] }).items.map((d) => d.slug);
  expect(slugs).toContain(`summit-45-backpack-munich-${run}`);
  expect(slugs).toContain(`ridgeline-2-tent-hamburg-${run}`);

  // "New batch" brings the form back; the list keeps the batch.
  await page.getByTestId("seo-new-batch-button").click();
  await expect(page.getByRole("heading", { level: 2, name: "New batch" })).toBeFocused();
  await expect(page).toHaveURL(/\/seo$/);
  await item.click();
  await expect(page.getByTestId("seo-batch")).toHaveAttribute("data-status", "completed");
});

test("a CSV that is not UTF-8 is refused with a readable reason", async ({ page }) => {
  await openSeo(page);
  // "Zürich" saved as Latin-1: 0xFC is not valid UTF-8.
  const latin1 = Buffer.concat([
    Buffer.from("product,city\nStormline jacket,Z"),
    Buffer.from([0xfc]),
    Buffer.from("rich\n"),
  ]);
  const res = await chooseCsv(page, "latin1.csv", latin1);
  expect(res.status()).toBe(422);
  await expect(page.getByText("The CSV is not UTF-8 text.")).toBeVisible();
  await expect(page.getByTestId("seo-csv-preview")).toHaveCount(0);

  // Starting anyway keeps the reason next to the file field.
  await page.getByLabel("Brief").fill(BRIEF);
  await page.getByLabel("Slug pattern").fill(SLUG);
  await page.getByTestId("seo-start").click();
  await expect(page.getByRole("button", { name: "Choose another file" })).toBeFocused();
  await expectAllControlsNamed(page);
  await shot(page, "encoding", { viewport: true });
});

test("near-duplicate pages are linked in pairs, and the controls follow the batch's state", async ({ page }) => {
  await openSeo(page);
  // Thirty pages about one product in thirty towns: the offline engine writes them nearly alike.
  const lines = ["product,city"];
  for (let i = 0; i < 30; i++) lines.push(`Stormline jacket,Town ${letters(5)}`);
  const fileName = `towns-${run}.csv`;
  const created = await page.request.post("/api/batches", {
    multipart: {
      file: { name: fileName, mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) },
      spec: JSON.stringify({
        template: { brief: BRIEF, slug: `{{product}}-{{city}}-t-${run}` },
        mapping: { product: "product", city: "city" },
      }),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as BatchOut;

  await page.goto(`/seo?batch=${id}`);
  const batch = page.getByTestId("seo-batch");
  await expect(batch).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
  const real = (await (await page.request.get(`/api/batches/${id}`)).json()) as BatchOut;
  expect(real.duplicates.length).toBeGreaterThan(0);
  const pairs = page.getByTestId("seo-duplicates").getByRole("listitem");
  await expect(pairs).toHaveCount(Math.min(real.duplicates.length, 20));
  const first = real.duplicates[0]!;
  await expect(pairs.first().getByRole("link")).toHaveCount(2);
  await expect(pairs.first().getByRole("link").first()).toHaveAttribute("href", `/drafts/${first.a}`);
  await expect(pairs.first().getByRole("link").last()).toHaveAttribute("href", `/drafts/${first.b}`);
  await expect(pairs.first().getByRole("link").first()).toContainText("Stormline");
  await expect(pairs.first()).toContainText(`similarity ${first.score.toFixed(2)}`);
  await shot(page, "duplicates");

  // The offline engine finishes a batch before a click can land, so the states are played by the
  // API's own answers for this batch: running → paused → running → cancelled.
  let state: BatchOut = {
    ...real,
    status: "running",
    done: 12,
    flagged: 3,
    failed: 0,
    pending: 15,
    rowsPerSecond: 0.5,
    etaSeconds: 130,
    finishedAt: null,
    duplicates: [],
  };
  const next = { pause: "paused", resume: "running", cancel: "cancelled" } as const;
  await page.route(`**/api/batches/${id}`, async (route) => {
    if (route.request().method() === "POST") {
      const { action } = route.request().postDataJSON() as { action: keyof typeof next };
      state = { ...state, status: next[action] };
    }
    await route.fulfill({ json: state });
  });
  await page.reload();
  await expect(batch).toHaveAttribute("data-status", "running");
  await expect(page.getByTestId("seo-batch-pace")).toContainText("30 rows a minute · about 2 min left");
  await expect(page.getByRole("progressbar", { name: `Progress of ${fileName}` })).toHaveAttribute(
    "aria-valuenow",
    "15",
  );
  const controls = page.getByRole("group", { name: "Batch controls" });
  const button = (name: string) => controls.getByRole("button", { name, exact: true });
  await expect(button("Pause")).toBeEnabled();
  await expect(button("Resume")).toBeDisabled();
  await expect(page.getByTestId("seo-drafts-link")).toHaveCount(0);
  await shot(page, "running-controls", { viewport: true });

  await button("Pause").click();
  await expect(batch).toHaveAttribute("data-status", "paused");
  await expect(page.getByTestId("seo-batch-live")).toHaveText(`Batch ${fileName} is paused.`);
  await expect(button("Resume")).toBeFocused();
  await expect(button("Pause")).toBeDisabled();
  await button("Resume").click();
  await expect(batch).toHaveAttribute("data-status", "running");
  await expect(button("Pause")).toBeFocused();

  // Cancel asks first; Escape backs out without cancelling.
  await button("Cancel batch").click();
  const confirm = page.getByRole("alertdialog", { name: "Cancel this batch?" });
  await expect(confirm.getByRole("button", { name: "Yes, cancel the batch" })).toBeFocused();
  await expectAllControlsNamed(page);
  await shot(page, "cancel-confirm", { viewport: true });
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(button("Cancel batch")).toBeFocused();
  await expect(batch).toHaveAttribute("data-status", "running");

  await button("Cancel batch").click();
  await confirm.getByRole("button", { name: "Yes, cancel the batch" }).click();
  await expect(batch).toHaveAttribute("data-status", "cancelled");
  await expect(page.getByTestId("seo-batch-live")).toContainText(`Batch ${fileName} was cancelled`);
  await expect(page.getByRole("heading", { level: 2, name: fileName })).toBeFocused();
  for (const name of ["Pause", "Resume", "Cancel batch"]) await expect(button(name)).toBeDisabled();
  await expect(page.getByTestId("seo-drafts-link")).toHaveText(/Open the pages written so far/);
  await shot(page, "cancelled", { viewport: true });
});
