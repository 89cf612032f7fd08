import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { USERS, screenshot, signIn } from "./fixtures";

const CSV_HEADER =
  "day,model,role,user,calls,input_tokens,output_tokens,cost_usd,cache_hits,fallbacks,errors,mean_latency_ms";

test.describe("usage page", () => {
  test("an editor sees the seeded usage, an empty range, a bad range, and downloads the CSV", async ({ page }) => {
    await signIn(page, USERS.editor);
    // The demo seed generates drafts with the offline engine: their calls are in the last 30 days.
    await page.goto("/usage");
    await expect(page.getByRole("heading", { level: 1, name: "Usage" })).toBeVisible();
    await expect(page.getByRole("figure", { name: /cost per day, stacked by model/ })).toBeVisible();
    await expect(page.getByRole("figure", { name: /tokens per day/ })).toBeVisible();
    await expect(page.getByRole("figure", { name: /p50 and p95 latency per model role/ })).toBeVisible();
    // recharts draws the bars on the client.
    await expect(page.locator(".recharts-bar-rectangle").first()).toBeAttached();
    const totals = page.getByRole("region", { name: "Totals for the range" });
    await expect(totals).toContainText("Cache hit rate");
    await expect(totals).toContainText("Error rate");
    await expect(page.getByRole("table", { name: "Usage per model" }).getByRole("row")).not.toHaveCount(1);
    await expect(page.getByRole("table", { name: "Usage per person" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Cost per channel" })).toBeVisible();
    await expect(page.getByText("Review and governance")).toBeVisible();
    await expect(page.getByRole("link", { name: "Last 30 days" })).toHaveAttribute("aria-current", "page");
    await screenshot(page, "usage-dashboard");

    // A range without data: the empty state, no export.
    const range = page.getByRole("form", { name: "Date range" });
    await range.getByLabel("From").fill("2020-01-01");
    await range.getByLabel("To").fill("2020-01-31");
    await range.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/from=2020-01-01&to=2020-01-31/);
    await expect(page.getByRole("heading", { name: "No usage in this range" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
    await screenshot(page, "usage-empty");

    // An end before the start: a clear message.
    await page.goto("/usage?from=2020-02-01&to=2020-01-01");
    await expect(page.getByRole("alert").filter({ hasText: "This date range cannot be shown" })).toContainText(
      "The end date must be on or after the start date",
    );

    // Back to a preset, and the CSV.
    await page.goto("/usage");
    await page.getByRole("link", { name: "Last 7 days" }).click();
    await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    await expect(page.getByRole("figure", { name: /cost per day/ })).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^usage-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = fs
      .readFileSync((await download.path())!, "utf8")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines.length).toBeGreaterThan(1);
  });

  test("a marketer gets the 403 page and the API refuses", async ({ page }) => {
    await signIn(page, USERS.marketer);
    await page.goto("/usage");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(["You don't have access to this page"]);
    // The navigation does not offer what the role cannot open.
    const nav = page.getByRole("navigation", { name: "Primary" });
    await expect(nav.getByRole("link", { name: "Drafts" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Usage" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Evals" })).toHaveCount(0);
    const res = await page.request.get("/api/usage?from=2026-01-01&to=2026-01-31");
    expect(res.status()).toBe(403);
  });
});
