import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { USERS, expectAllControlsNamed, signIn, unique } from "./fixtures";

/** Screenshots of this spec: test-results/drafts-<name>.png, the full page from the top or the viewport as it is. */
async function shot(page: Page, name: string, opts: { viewport?: boolean } = {}): Promise<void> {
  const path = `test-results/drafts-${name}.png`;
  mkdirSync("test-results", { recursive: true });
  if (opts.viewport) {
    await page.screenshot({ path });
    return;
  }
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
}

/**
 * Fills the brief, generates, and follows the progress: the answer is an NDJSON stream, the page
 * lists the nine steps as they finish (recorded by a MutationObserver, which survives the client-side
 * navigation), then opens the new draft. Returns the counts of listed steps the page went through.
 */
async function generate(page: Page, brief: string, progressShot?: string): Promise<number[]> {
  await page.getByLabel("Brief", { exact: true }).fill(brief);
  await page.evaluate(() => {
    const w = window as unknown as { __steps: number[] };
    w.__steps = [];
    new MutationObserver(() => {
      const n = document.querySelectorAll('[aria-label="Pipeline steps"] li').length;
      if (n && n !== w.__steps.at(-1)) w.__steps.push(n);
    }).observe(document.body, { childList: true, subtree: true });
  });
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/drafts"),
    page.getByRole("button", { name: "Generate draft" }).click(),
  ]);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/x-ndjson");
  if (progressShot) {
    await expect(page.getByText("Saved. Opening the draft…")).toBeVisible();
    await shot(page, progressShot, { viewport: true });
  }
  await expect(page).toHaveURL(/\/drafts\/(?!new)[^/?#]+$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 2, name: "Copy" })).toBeVisible();
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
  const counts = await page.evaluate(() => (window as unknown as { __steps: number[] }).__steps);
  expect(counts, "numbers of steps listed while the stream ran").toContain(9);
  return counts;
}

async function expectDraftBasics(page: Page): Promise<string> {
  const title = (await page.getByRole("heading", { level: 1 }).textContent())?.trim() ?? "";
  expect(title.length).toBeGreaterThan(0);
  const trace = page.getByRole("list", { name: "Pipeline trace" });
  await expect(trace.getByRole("listitem").first()).toBeVisible();
  expect(await trace.getByRole("listitem").count()).toBeGreaterThanOrEqual(8);
  await expect(trace).toContainText("Retrieve knowledge");
  await expect(page.getByTestId("draft-engine")).toContainText("offline engine, a deterministic composer, not an LLM");
  await expect(page.getByTestId("draft-flags")).toBeVisible();
  await expectAllControlsNamed(page);
  return title;
}

test.describe.configure({ mode: "serial" });

const campaignName = `Summit launch ${unique("c")}`;
const titles: { ad?: string; seo?: string; email?: string } = {};

test("a marketer creates a Google ad from a brief, watches the pipeline and reads the draft", async ({ page }) => {
  await signIn(page, USERS.marketer);
  await page.getByRole("link", { name: "New draft" }).click();
  await expect(page).toHaveURL(/\/drafts\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: "New draft" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /^Google responsive search ad/ })).toBeChecked();
  await expectAllControlsNamed(page);
  await shot(page, "new");

  // An empty brief is refused next to the field, before anything is sent; focus moves there.
  const brief = page.getByLabel("Brief", { exact: true });
  await page.getByRole("button", { name: "Generate draft" }).click();
  await expect(brief).toBeFocused();
  await expect(brief).toHaveAttribute("aria-invalid", "true");
  await expect(brief).toHaveAccessibleDescription(/Describe what to write in at least a sentence/);
  await expect(page.getByText("Describe what to write in at least a sentence")).toBeVisible();
  await shot(page, "new-invalid", { viewport: true });

  // The steps are listed as they finish, under a progress bar over the nine steps.
  await generate(page, "Search ad for the Summit 45 backpack for weekend hikers", "progress");

  titles.ad = await expectDraftBasics(page);
  const headlines = page.getByRole("list", { name: "Headlines" }).getByRole("listitem");
  expect(await headlines.count()).toBeGreaterThanOrEqual(3);
  await expect(headlines.first()).toContainText(/\/30/);
  await expect(page.getByRole("list", { name: "Descriptions" }).getByRole("listitem").first()).toContainText(/\/90/);
  await expect(page.getByText(/^Google responsive search ad · version 1$/)).toBeVisible();
  await expect(page.getByTestId("draft-summary")).toContainText(/In review|Approved/);

  // Governor alerts, when the copy has any, open their card from the keyboard.
  const marks = page.getByTestId("brand-alert-mark");
  if ((await marks.count()) > 0) {
    await marks.first().focus();
    await expect(page.getByTestId("brand-alert-card")).toBeVisible();
    await page.keyboard.press("Escape");
  }

  // Citations are numbered footnotes that open the passage in the knowledge base.
  const sources = page.getByRole("list", { name: "Sources" });
  const first = sources.getByRole("listitem").first();
  await expect(first).toContainText("[1]");
  await expect(sources).toContainText(/Summit 45/);
  const link = first.getByRole("link");
  await expect(link).toHaveAttribute("href", /^\/knowledge\/[^#]+#chunk-.+/);
  await shot(page, "google-ad");

  // On a phone the draft reflows without sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, "google-ad-phone");
  await page.setViewportSize({ width: 1280, height: 720 });

  await link.click();
  await expect(page).toHaveURL(/\/knowledge\/[^#]+#chunk-/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a marketer creates an SEO page and an email; the email preview switches widths", async ({ page }) => {
  await signIn(page, USERS.marketer);

  // SEO page with a chosen slug.
  await page.goto("/drafts/new");
  await page.getByRole("radio", { name: /^SEO page/ }).check();
  const slug = unique("summit-45").toLowerCase();
  await page.getByLabel(/^Slug/).fill("Not A Slug");
  await page.getByLabel("Brief", { exact: true }).fill("Landing page about the Summit 45 backpack for weekend hikers");
  await page.getByRole("button", { name: "Generate draft" }).click();
  await expect(page.getByLabel(/^Slug/)).toBeFocused();
  await expect(page.getByText("Use lower-case letters, digits and hyphens")).toBeVisible();
  await page.getByLabel(/^Slug/).fill(slug);
  await generate(page, "Landing page about the Summit 45 backpack for weekend hikers");
  titles.seo = await expectDraftBasics(page);
  await expect(page.getByTestId("seo-slug")).toHaveText(slug);
  await expect(page.getByTestId("seo-jsonld")).toContainText("schema.org");
  await expect(page.getByRole("heading", { level: 3, name: "Search result" })).toBeVisible();
  await shot(page, "seo-page");

  // The seeded brand voice flags the page's price without its VAT disclaimer, underlined in place.
  const mark = page.getByTestId("brand-alert-mark").first();
  await expect(mark).toBeVisible();
  await mark.scrollIntoViewIfNeeded();
  await mark.hover();
  await expect(page.getByTestId("brand-alert-card")).toBeVisible();
  // Fixes are applied in review, not here.
  for (const fix of await page
    .getByTestId("brand-alert-card")
    .getByRole("button", { name: /^Apply fix/ })
    .all())
    await expect(fix).toBeDisabled();
  await shot(page, "alert-card", { viewport: true });
  await page.mouse.move(0, 0);

  // The same slug again is refused by the server: the message shows in an alert and the form keeps its input.
  await page.goto("/drafts/new");
  await page.getByRole("radio", { name: /^SEO page/ }).check();
  await page.getByLabel(/^Slug/).fill(slug);
  const again = "A second landing page about the Summit 45 backpack";
  await page.getByLabel("Brief", { exact: true }).fill(again);
  await page.getByRole("button", { name: "Generate draft" }).click();
  const refusal = page.getByRole("main").getByRole("alert").filter({ hasText: "The draft was not created" });
  await expect(refusal).toContainText(`Another page already uses the slug “${slug}”`);
  await expect(refusal).toBeFocused();
  await expect(page.getByLabel("Brief", { exact: true })).toHaveValue(again);
  await expect(page.getByLabel(/^Slug/)).toHaveValue(slug);
  await expect(page.getByRole("radio", { name: /^SEO page/ })).toBeChecked();
  await expect(page.getByRole("button", { name: "Generate draft" })).toBeEnabled();
  await shot(page, "new-refused", { viewport: true });

  // Email, in a campaign created inline from the form.
  await page.goto("/drafts/new");
  await page.getByRole("radio", { name: /^Email/ }).check();
  await expect(page.getByLabel(/^Audience segment/)).toBeVisible();
  await expect(page.getByLabel(/^Slug/)).toHaveCount(0);
  await page.getByRole("button", { name: "New campaign" }).click();
  await expect(page.getByLabel("New campaign name")).toBeFocused();
  await page.getByLabel("New campaign name").fill(campaignName);
  await page.keyboard.press("Enter");
  const campaign = page.getByLabel(/^Campaign/);
  await expect(campaign).toBeFocused();
  await expect(campaign.locator("option:checked")).toHaveText(campaignName);
  await expectAllControlsNamed(page);
  await generate(page, "Email to newsletter subscribers about the Summit 45 backpack for weekend hikers");
  titles.email = await expectDraftBasics(page);
  await expect(page.getByTestId("draft-summary")).toContainText(campaignName);
  await expect(page.getByTestId("email-text-part")).not.toBeEmpty();

  const preview = page.getByTestId("email-preview");
  await expect(preview).toHaveAttribute("data-width", "600");
  await expect(preview).toHaveAttribute("sandbox", "allow-same-origin");
  expect((await preview.boundingBox())?.width).toBeCloseTo(600, 0);
  await expect(page.getByRole("button", { name: "Desktop (600 px)" })).toHaveAttribute("aria-pressed", "true");
  await shot(page, "email-desktop");
  await page.getByRole("button", { name: "Mobile (375 px)" }).click();
  await expect(page.getByRole("button", { name: "Mobile (375 px)" })).toHaveAttribute("aria-pressed", "true");
  await expect(preview).toHaveAttribute("data-width", "375");
  expect((await preview.boundingBox())?.width).toBeCloseTo(375, 0);
  await preview.scrollIntoViewIfNeeded();
  await shot(page, "email-mobile", { viewport: true });
});

test("the Drafts list shows the new drafts and filters by channel, campaign and search", async ({ page }) => {
  expect(titles.ad && titles.seo && titles.email).toBeTruthy();
  await signIn(page, USERS.marketer);
  const table = page.getByRole("table", { name: "Drafts" });
  await expect(table.getByRole("link", { name: titles.email!, exact: true }).first()).toBeVisible();
  await expect(table.getByRole("link", { name: titles.ad!, exact: true }).first()).toBeVisible();
  await expect(page.getByText("Model playground")).toBeVisible();
  await expectAllControlsNamed(page);
  await shot(page, "list");

  const filters = page.getByRole("search", { name: "Filter drafts" });
  await filters.getByLabel("Channel").selectOption("email");
  await expect(page).toHaveURL(/channel=email/);
  await expect(table.getByRole("link", { name: titles.ad!, exact: true })).toHaveCount(0);
  await expect(table.getByRole("link", { name: titles.email!, exact: true }).first()).toBeVisible();
  for (const row of await table.getByTestId("draft-row").all()) await expect(row).toContainText("Email");
  await shot(page, "list-emails");

  await filters.getByLabel("Channel").selectOption("ad");
  await expect(table.getByRole("link", { name: titles.ad!, exact: true }).first()).toBeVisible();
  await expect(table.getByRole("link", { name: titles.email!, exact: true })).toHaveCount(0);

  // Campaign filter (kept in the URL, so it survives a reload).
  await filters.getByRole("button", { name: "Clear filters" }).click();
  await filters.getByLabel("Campaign").selectOption({ label: campaignName });
  await expect(page).toHaveURL(/campaignId=/);
  await expect(table.getByTestId("draft-row")).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole("search", { name: "Filter drafts" }).getByLabel("Campaign")).toHaveValue(/.+/);
  await expect(table.getByTestId("draft-row")).toHaveCount(1);
  await expect(table).toContainText(titles.email!);

  // A search that matches nothing has its own empty state.
  await filters.getByRole("button", { name: "Clear filters" }).click();
  await filters.getByLabel("Search titles and briefs").fill(`nothing-like-${unique("q")}`);
  await expect(page.getByRole("heading", { level: 3, name: "No drafts match" })).toBeVisible();
  await shot(page, "list-no-match", { viewport: true });

  // An unknown draft has its own page, with a way back.
  await page.goto("/drafts/no-such-draft");
  await expect(page.getByRole("heading", { level: 1, name: "Draft not found" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Back to Drafts" })).toBeVisible();
});

test("a marketer creates a campaign and sees it listed with its drafts", async ({ page }) => {
  await signIn(page, USERS.marketer);
  await page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Campaigns" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Campaigns" })).toBeVisible();
  const form = page.getByRole("form", { name: "New campaign" });

  // The inline-created campaign from the email test is listed with its one draft.
  const table = page.getByRole("table", { name: "Campaigns" });
  const earlier = table.getByTestId("campaign-row").filter({ hasText: campaignName });
  await expect(earlier).toContainText(/1 (in review|approved)/);

  // Errors show next to their fields, focus on the first.
  await form.getByRole("button", { name: "Create campaign" }).click();
  await expect(form.getByLabel("Name")).toBeFocused();
  await expect(form.getByText("Name the campaign")).toBeVisible();
  const name = `Trail week ${unique("c")}`;
  await form.getByLabel("Name").fill(name);
  await form.getByLabel(/^Starts on/).fill("2026-06-10");
  await form.getByLabel(/^Ends on/).fill("2026-06-01");
  await form.getByRole("button", { name: "Create campaign" }).click();
  await expect(form.getByLabel(/^Ends on/)).toBeFocused();
  await expect(form.getByText("The end date is before the start date")).toBeVisible();
  await shot(page, "campaign-invalid", { viewport: true });

  await form.getByLabel(/^Ends on/).fill("2026-06-30");
  await form.getByLabel(/^Channel/).selectOption("ad");
  await form.getByLabel(/^Audience/).fill("Weekend hikers");
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/api/campaigns")),
    form.getByRole("button", { name: "Create campaign" }).click(),
  ]);
  expect(res.status()).toBe(201);
  await expect(page.getByText(`Created the campaign “${name}”.`)).toBeVisible();
  const row = table.getByTestId("campaign-row").filter({ hasText: name });
  await expect(row).toContainText("Ads");
  await expect(row).toContainText("Weekend hikers");
  await expect(row).toContainText("No drafts");
  await expect(form.getByLabel("Name")).toHaveValue("");
  await expectAllControlsNamed(page);
  await shot(page, "campaigns");

  // The same name again is refused next to the field.
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Create campaign" }).click();
  await expect(form.getByText(`A campaign called “${name}” already exists.`)).toBeVisible();

  // A campaign links to its drafts.
  await row.getByRole("link", { name: `${name}: show its drafts` }).click();
  await expect(page).toHaveURL(/\/drafts\?campaignId=/);
  await expect(page.getByRole("heading", { level: 3, name: "No drafts match" })).toBeVisible();
});
