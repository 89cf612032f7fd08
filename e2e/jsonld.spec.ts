import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { USERS, expectAllControlsNamed, signIn } from "./fixtures";

/** Screenshots of this spec go to test-results/jsonld-<name>.png. */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync("test-results", { recursive: true });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `test-results/jsonld-${name}.png`, fullPage: true });
}

const INVALID_PRODUCT = JSON.stringify(
  {
    "@context": "https://schema.org",
    "@type": "Product",
    name: "Summit 45 backpack",
    offers: { "@type": "Offer", price: "129.00", priceCurrency: "Euro" },
  },
  null,
  2,
);
const VALID_PRODUCT = JSON.stringify({
  "@context": "https://schema.org",
  "@type": "Product",
  name: "Summit 45 backpack",
  image: "https://www.northwind.example/img/summit-45.jpg",
  brand: { "@type": "Brand", name: "Northwind" },
  sku: "NW-S45",
  description: "A 45-litre pack for weekend hikes.",
  offers: {
    "@type": "Offer",
    price: "129.00",
    priceCurrency: "EUR",
    availability: "https://schema.org/InStock",
  },
});

async function openValidator(page: Page) {
  await signIn(page, USERS.marketer);
  await page.goto("/seo");
  await page.getByRole("tab", { name: "Validate JSON-LD" }).click();
  await expect(page).toHaveURL(/\/seo\?tab=validate$/);
  await expect(page.getByRole("heading", { name: "Validate JSON-LD" })).toBeVisible();
}

test("a marketer validates pasted JSON-LD on /seo: findings, a highlighted path, then no errors", async ({ page }) => {
  await openValidator(page);
  await expectAllControlsNamed(page);

  // An empty box is refused next to the field.
  await page.getByTestId("jsonld-validate").click();
  await expect(page.getByText("Paste JSON-LD or an HTML page, or choose a file.")).toBeVisible();
  await expect(page.getByLabel("JSON-LD or HTML", { exact: true })).toBeFocused();

  await page.getByLabel("JSON-LD or HTML", { exact: true }).fill(INVALID_PRODUCT);
  await page.getByTestId("jsonld-validate").click();
  const summary = page.getByTestId("jsonld-summary");
  await expect(summary).toHaveText(/^\d+ errors?/);
  const currency = page.getByTestId("jsonld-finding").filter({ hasText: "$.offers.priceCurrency" }).first();
  await expect(currency).toBeVisible();
  await expect(currency).toContainText("Error");
  await expect(page.getByTestId("jsonld-rich-results")).toContainText("Not eligible");

  // Clicking a finding highlights its value in the numbered JSON.
  const code = page.getByTestId("seo-jsonld");
  await expect(code.locator("[data-highlight]")).toHaveCount(0);
  await currency.click();
  await expect(currency).toHaveAttribute("aria-current", "true");
  await expect(code.locator("[data-highlight]")).toHaveText('"priceCurrency": "Euro"');
  await expect(page.getByTestId("jsonld-selection")).toHaveText(/Highlighted \$\.offers\.priceCurrency, line 8\./);
  await shot(page, "invalid");

  // The keyboard moves between findings, and the highlight follows the focus.
  const findings = page.getByTestId("jsonld-finding");
  expect(await findings.count()).toBeGreaterThan(1);
  await findings.first().focus();
  await expect(findings.first()).toHaveAttribute("aria-current", "true");
  const before = await page.getByTestId("jsonld-selection").textContent();
  await page.keyboard.press("ArrowDown");
  await expect(findings.nth(1)).toBeFocused();
  await expect(findings.nth(1)).toHaveAttribute("aria-current", "true");
  await expect(findings.first()).not.toHaveAttribute("aria-current", "true");
  await expect(page.getByTestId("jsonld-selection")).not.toHaveText(before ?? "");

  await page.getByLabel("JSON-LD or HTML", { exact: true }).fill(VALID_PRODUCT);
  await page.getByTestId("jsonld-validate").click();
  await expect(summary).toHaveText(/^No errors/);
  await expect(page.getByTestId("jsonld-finding")).toHaveCount(0);
  await expect(page.getByTestId("jsonld-rich-results")).toContainText("Eligible");
  await expect(code).toContainText('"priceCurrency": "EUR"');
  await shot(page, "valid");
});

test("an HTML page is validated block by block; a syntax error is placed on its line", async ({ page }) => {
  await openValidator(page);
  const html = `<!doctype html>
<html><head>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [{"@type": "Question", "name": "Waterproof?", "acceptedAnswer": {"@type": "Answer", "text": "Yes."}}]}
</script>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Product", "name": "Tent",}
</script>
</head><body></body></html>`;
  await page.getByTestId("jsonld-file").setInputFiles({
    name: "page.html",
    mimeType: "text/html",
    buffer: Buffer.from(html),
  });
  await expect(page.getByLabel("JSON-LD or HTML", { exact: true })).toHaveValue(html);
  await expect(page.getByLabel("Read it as")).toHaveValue("html");
  await page.getByTestId("jsonld-validate").click();
  await expect(page.getByTestId("jsonld-summary")).toHaveText(/^\d+ errors?/);
  // Google no longer shows FAQ rich results: validated only, never promised.
  await expect(page.getByTestId("jsonld-rich-results")).toContainText(
    "validated only, Google no longer shows FAQ rich results",
  );
  const syntax = page.getByTestId("jsonld-finding").filter({ hasText: "syntax." }).first();
  await expect(syntax).toContainText("block 2");
  await syntax.click();
  await expect(page.getByRole("heading", { name: "Block 2" })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Block 2 with line numbers" }).locator("[data-highlight]"),
  ).not.toHaveCount(0);
  await shot(page, "html");
});

test("an SEO draft shows its structured data: findings from the pipeline, highlighted on click", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, USERS.marketer);
  // A Product page without a price: nothing is made up, so Google's required offer is missing.
  const res = await page.request.post("/api/drafts", {
    data: {
      format: "seo_page",
      brief: "Landing page about the Summit 45 backpack for weekend hikers.",
      jsonLdType: "Product",
      pageData: { product: "Summit 45 backpack", sku: "NW-S45" },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const draft = (await res.json()) as { id: string };
  await page.goto(`/drafts/${draft.id}`);

  const card = page.getByTestId("draft-structured-data");
  await expect(card.getByRole("heading", { name: "Structured data" })).toBeVisible();
  await expect(card.getByTestId("jsonld-summary")).toHaveText(/^\d+ errors?/);
  const missing = card.getByTestId("jsonld-finding").filter({ hasText: "google.product.offers-or-review-or-rating" });
  await expect(missing).toHaveCount(1);
  // The flag in the Flags panel shows this card.
  const flag = page.getByTestId("review-flag").filter({ hasText: "google.product.offers-or-review-or-rating" }).first();
  await expect(flag).toContainText("jsonLd");
  await flag.getByRole("button", { name: "Show the field jsonLd in the copy" }).click();
  await expect(card).toBeFocused();

  await missing.click();
  const code = card.getByTestId("seo-jsonld");
  const mark = code.locator("[data-highlight]");
  await expect(mark.first()).toBeVisible();
  // The whole Product node is marked, line by line.
  expect((await mark.allTextContents()).join("\n")).toMatch(/^\{\n\s*"@type": "Product",[\s\S]*\}$/);
  await expect(card.getByTestId("jsonld-selection")).toHaveText(/^Highlighted \$\["@graph"\]\[1\], lines \d+–\d+\.$/);
  await card.scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: "test-results/jsonld-draft.png", fullPage: true });
  await card.screenshot({ path: "test-results/jsonld-draft-card.png" });
});

test("an oversized text is refused before it is sent", async ({ page }) => {
  await openValidator(page);
  const requests: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith("/api/jsonld/validate")) requests.push(r.url());
  });
  // 5 MB and a bit, set directly (typing it would take minutes).
  await page.getByLabel("JSON-LD or HTML", { exact: true }).evaluate((el: HTMLTextAreaElement) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!;
    setter.call(el, `{"x": "${"a".repeat(5 * 1024 * 1024)}"}`);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.getByTestId("jsonld-validate").click();
  await expect(page.getByText("The text is 5.01 MB, over the 5 MB limit.")).toBeVisible();
  expect(requests).toEqual([]);
});
