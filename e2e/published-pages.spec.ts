import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import type { DraftDetail } from "@/lib/schemas/drafts";
import type { PublicationState } from "@/lib/schemas/publishing";
import { USERS, expectAllControlsNamed, signIn, unique } from "./fixtures";

/** Screenshots of this spec: test-results/published-pages-<name>.png (the viewport: the draft page is long). */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync("test-results", { recursive: true });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `test-results/published-pages-${name}.png` });
}

/** An SEO page generated through the API as the signed-in person (it may wait in review or be approved by policy). */
async function createSeoDraft(page: Page): Promise<DraftDetail> {
  const res = await page.request.post("/api/drafts", {
    data: {
      format: "seo_page",
      brief: "Landing page about the Summit 45 backpack for weekend hikers",
      slug: unique("pages-summit").toLowerCase(),
    },
    timeout: 60_000,
  });
  expect(res.status(), (await res.text()).slice(0, 300)).toBe(201);
  return (await res.json()) as DraftDetail;
}

async function publication(page: Page, id: string): Promise<PublicationState> {
  const res = await page.request.get(`/api/drafts/${id}/publication`);
  expect(res.status()).toBe(200);
  return (await res.json()) as PublicationState;
}

const bar = (page: Page) => page.getByTestId("decision-bar");
const panel = (page: Page) => page.getByTestId("publish-panel");

test.describe.configure({ mode: "serial", timeout: 180_000 });

test("an editor approves, publishes and unpublishes an SEO page; the public site follows at once", async ({
  page,
  request,
  browser,
}) => {
  page.on("dialog", (d) => {
    throw new Error(`Unexpected dialog: ${d.message()}`);
  });

  // (a) An editor generates an SEO page and approves it in the decision bar.
  await signIn(page, USERS.editor);
  const draft = await createSeoDraft(page);
  await page.goto(`/drafts/${draft.id}`);
  await expect(bar(page)).toBeVisible();
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
  if (draft.status === "in_review") {
    // Not yet approved: no publishing card to show.
    await expect(panel(page)).toHaveCount(0);
    await bar(page).getByRole("button", { name: "Approve" }).click();
  }
  await expect(bar(page).getByTestId("review-status")).toHaveText("Approved");

  // (b) The publishing card offers "Publish page", behind a confirmation.
  await expect(panel(page)).toBeVisible();
  const publishButton = panel(page).getByRole("button", { name: "Publish page" });
  await expect(publishButton).toBeEnabled();
  await expectAllControlsNamed(page);
  await shot(page, "approved");

  await publishButton.click();
  const dialog = page.getByTestId("publish-dialog");
  await expect(dialog.getByRole("heading", { name: "Publish this page?" })).toBeVisible();
  await expect(dialog).toContainText("/p/");
  // Escape cancels: nothing is sent.
  await page.keyboard.press("Escape");
  await expect(dialog).not.toBeVisible();
  await expect(publishButton).toBeFocused();

  await publishButton.click();
  const [published] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/api/drafts/${draft.id}/publish`)),
    dialog.getByRole("button", { name: "Publish page" }).click(),
  ]);
  expect(published.status(), await published.text()).toBe(200);

  // (c) Live: the public link (new tab), the revision, and the decision bar says Published.
  await expect(panel(page).getByTestId("publish-notice")).toContainText("Published. The page is live at /p/");
  await expect(panel(page).getByTestId("page-status")).toHaveText("Live");
  const link = panel(page).getByTestId("page-link");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAccessibleName(/^\/p\/.+ \(opens in a new tab\)$/);
  await expect(panel(page).getByTestId("page-revision")).toHaveText("1");
  await expect(bar(page).getByTestId("review-status")).toHaveText("Published");
  await expect(panel(page).getByRole("button", { name: "Unpublish" })).toBeEnabled();
  await expect(panel(page).getByTestId("publish-events")).toContainText("page.published");
  await expect(
    panel(page)
      .getByRole("link", { name: /^Deliveries of page\.published/ })
      .first(),
  ).toHaveAttribute("href", /^\/publishing\?tab=deliveries&q=msg_/);
  const state = await publication(page, draft.id);
  expect(state.status).toBe("published");
  expect(state.page?.status).toBe("live");
  const path = state.page!.path;
  expect(path).toMatch(/^\/p\/[a-z0-9-]+$/);
  await expect(link).toHaveAttribute("href", path);
  await shot(page, "published");

  // (d) The public page, without a session: 200, validators, 304, HEAD.
  const detail = (await (await page.request.get(`/api/drafts/${draft.id}`)).json()) as DraftDetail;
  if (detail.content.format !== "seo_page") throw new Error("expected an SEO page");
  const content = detail.content;
  const res = await request.get(path);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/html; charset=utf-8");
  expect(res.headers()["cache-control"]).toBe("public, max-age=0, must-revalidate, s-maxage=60, stale-if-error=86400");
  const etag = res.headers()["etag"];
  expect(etag).toMatch(/^".+\.r1"$/);
  expect((await request.get(path, { headers: { "if-none-match": etag! } })).status()).toBe(304);
  expect((await request.head(path)).status()).toBe(200);

  // In a browser with no studio session: the h1, JSON-LD that parses, the canonical link, og:title.
  const visitorContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const visitor = await visitorContext.newPage();
  const visit = await visitor.goto(path);
  expect(visit?.status()).toBe(200);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(content.h1);
  await expect(visitor).toHaveTitle(content.title);
  const jsonLdText = await visitor.locator('script[type="application/ld+json"]').textContent();
  expect(JSON.parse(jsonLdText ?? "")).toEqual(content.jsonLd);
  const canonical = await visitor.locator('link[rel="canonical"]').getAttribute("href");
  expect(canonical).toMatch(/^https?:\/\//);
  if (/^https?:\/\//.test(content.canonicalUrl)) expect(canonical).toBe(new URL(content.canonicalUrl).href);
  else expect(canonical).toBe(new URL(path, visitor.url()).href);
  await expect(visitor.locator('meta[property="og:title"]')).toHaveAttribute("content", content.title);
  await expect(visitor.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(visitor.locator('meta[name="generator"]')).toHaveAttribute("content", "Lectern");
  await shot(visitor, "public-page");

  // (e) The sitemap lists it; robots.txt names the sitemap.
  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.status()).toBe(200);
  expect(sitemap.headers()["content-type"]).toBe("application/xml; charset=utf-8");
  const xml = await sitemap.text();
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
  expect(xml).toMatch(new RegExp(`<loc>https?://[^<]+${path}</loc>`));
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  const robotsText = await robots.text();
  expect(robotsText).toMatch(/^Sitemap: https?:\/\/[^/\s]+\/sitemap\.xml$/m);
  expect(robotsText).toContain("Allow: /p/");
  expect(robotsText).toContain("Disallow: /api/");

  // (f) Unpublish with a reason: the page answers 410 at once and leaves the sitemap.
  await panel(page).getByRole("button", { name: "Unpublish" }).click();
  await expect(dialog.getByRole("heading", { name: "Unpublish this page?" })).toBeVisible();
  const reason = dialog.getByLabel(/Reason/);
  await expect(reason).toBeFocused();
  await reason.fill("Prices changed; a new version follows.");
  await shot(page, "unpublish-dialog");
  const [unpublished] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().endsWith(`/api/drafts/${draft.id}/unpublish`),
    ),
    dialog.getByRole("button", { name: "Unpublish page" }).click(),
  ]);
  expect(unpublished.status(), await unpublished.text()).toBe(200);

  const gone = await request.get(path);
  expect(gone.status()).toBe(410);
  expect(gone.headers()["cache-control"]).toBe("no-store");
  expect(await gone.text()).toContain("This page has been taken down");
  expect(await (await request.get("/sitemap.xml")).text()).not.toContain(`${path}</loc>`);

  await expect(panel(page).getByTestId("publish-notice")).toContainText(`Unpublished. ${path} now answers 410 Gone`);
  await expect(panel(page).getByTestId("page-status")).toHaveText("Taken down");
  await expect(bar(page).getByTestId("review-status")).toHaveText("Approved");
  await expect(panel(page).getByRole("button", { name: "Publish again" })).toBeEnabled();
  await expect(panel(page).getByTestId("publish-events")).toContainText("draft.unpublished");
  await expect(panel(page)).toBeFocused();
  await shot(page, "unpublished");

  // A new visitor, with nothing cached (the first one's browser would revalidate anyway: max-age=0).
  await visitorContext.close();
  const laterContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const later = await laterContext.newPage();
  const goneVisit = await later.goto(path);
  expect(goneVisit?.status()).toBe(410);
  await expect(later.getByRole("heading", { level: 1 })).toHaveText("This page has been taken down");
  await shot(later, "gone");

  // Unknown and malformed addresses are plain 404s.
  expect((await request.get(`/p/${unique("nothing")}`)).status()).toBe(404);
  expect((await request.get("/p/Not_A_Slug")).status()).toBe(404);
  expect((await request.get("/sitemaps/99.xml")).status()).toBe(404);
  await laterContext.close();
});

test("publishing a version nobody saw is refused with a reload prompt", async ({ page, browser }) => {
  await signIn(page, USERS.editor);
  const draft = await createSeoDraft(page);
  if (draft.status === "in_review") {
    const res = await page.request.post(`/api/drafts/${draft.id}/decision`, {
      data: { action: "approve", version: draft.version },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
  await page.goto(`/drafts/${draft.id}`);
  await expect(panel(page).getByRole("button", { name: "Publish page" })).toBeEnabled();

  // Someone else publishes and unpublishes it meanwhile: the version on this screen is stale.
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const otherPage = await other.newPage();
  await signIn(otherPage, USERS.admin);
  const s = await publication(otherPage, draft.id);
  expect(
    (await otherPage.request.post(`/api/drafts/${draft.id}/publish`, { data: { version: s.version } })).status(),
  ).toBe(200);
  expect(
    (await otherPage.request.post(`/api/drafts/${draft.id}/unpublish`, { data: { version: s.version + 1 } })).status(),
  ).toBe(200);
  await other.close();

  await panel(page).getByRole("button", { name: "Publish page" }).click();
  await page.getByTestId("publish-dialog").getByRole("button", { name: "Publish page" }).click();
  const alert = panel(page).getByRole("alert");
  await expect(alert).toContainText("Someone changed this draft — reload");
  await shot(page, "stale");
  await alert.getByRole("button", { name: "Reload" }).click();
  await expect(panel(page).getByRole("alert")).toHaveCount(0);
  await expect(panel(page).getByRole("button", { name: "Publish again" })).toBeEnabled();
});
