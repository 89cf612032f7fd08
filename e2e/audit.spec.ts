import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { USERS, WORKSPACE, signIn, unique } from "./fixtures";

const CSV_HEADER = "time,seq,actor_type,actor,action,entity_type,entity_id,before_json,after_json,request_id,hash";

async function shot(page: Page, name: string, fullPage = true) {
  await page.screenshot({ path: `test-results/audit-${name}.png`, fullPage });
}

/** A date input's value for a day `offset` days from today (local time, like the page). */
function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

test.describe("audit trail", () => {
  test("an admin filters the trail, exports exactly the filtered events as CSV, and verifies the hash chain", async ({
    page,
  }) => {
    await signIn(page, USERS.admin);
    // Something to find: an API key created now, under a unique name.
    const name = unique("audit-key");
    await page.goto("/settings/api");
    await page.getByLabel("Name").fill(name);
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByTestId("new-api-key")).toBeVisible();

    await page.goto("/settings/audit");
    const table = page.getByRole("table", { name: "Audit events" });
    await expect(table).toBeVisible();
    const filters = page.getByRole("search", { name: "Filter audit events" });

    // Filters apply as you type and land in the URL.
    await filters.getByLabel("Action").fill("api_key.created");
    await filters.getByLabel("Actor").fill(USERS.admin.email);
    await expect(page).toHaveURL(/[?&]action=api_key\.created/);
    await expect(page).toHaveURL(new RegExp(`[?&]actor=${encodeURIComponent(USERS.admin.email)}`));
    const row = table.getByRole("row").filter({ hasText: name });
    await expect(row).toHaveCount(1);
    await expect(table.getByRole("row").filter({ hasText: "member." })).toHaveCount(0);
    await expect(row.getByRole("cell").nth(1)).toContainText(USERS.admin.email);
    await expect(row.getByRole("cell").nth(2)).toHaveText("api_key.created");
    await expect(row.getByRole("cell").nth(3)).toContainText("api_key");
    await expect(row.getByRole("cell").nth(4)).toContainText(`name: ${name}`);

    // The URL is the state: a reload keeps the filters.
    await page.reload();
    await expect(filters.getByLabel("Action")).toHaveValue("api_key.created");
    await expect(table.getByRole("row").filter({ hasText: name })).toHaveCount(1);

    // A date range in the past matches nothing; today matches again.
    await filters.getByLabel("From", { exact: true }).fill(day(-30));
    await filters.getByLabel("To", { exact: true }).fill(day(-20));
    await expect(page.getByRole("heading", { name: "No events match" })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`[?&]to=${day(-20)}`));
    await filters.getByLabel("To", { exact: true }).fill(day(0));
    await expect(table.getByRole("row").filter({ hasText: name })).toHaveCount(1);

    // Details: everything the event recorded, readably, plus its chain position and hash.
    await row.getByRole("button", { name: /^Details/ }).click();
    const details = table.getByRole("row").filter({ hasText: "Chain position" });
    await expect(details).toContainText(/Chain position\s*#\d+/);
    await expect(details).toContainText(/Hash\s*[0-9a-f]{64}/);
    await expect(details.getByRole("region", { name: "After" })).toContainText(name);
    await shot(page, "filtered");

    // CSV export of exactly the filtered events.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export the filtered events as CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^audit-${WORKSPACE.slug}-\\d{8}-\\d{4}\\.csv$`));
    const csv = fs.readFileSync((await download.path())!, "utf8");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(CSV_HEADER);
    const mine = lines.filter((l) => l.includes(name));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatch(
      new RegExp(
        `^\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z,\\d+,user,${USERS.admin.email.replace(/\./g, "\\.")},api_key\\.created,api_key,\\w+,,`,
      ),
    );
    expect(mine[0]).toMatch(/,[0-9a-f]{64}$/);
    expect(lines.slice(1).every((l) => l.includes(",api_key.created,"))).toBe(true);

    // The chain check.
    await page.getByRole("button", { name: "Verify chain" }).click();
    const outcome = page.getByRole("status").filter({ hasText: "Chain intact" });
    await expect(outcome).toBeVisible();
    await expect(outcome).toContainText(/\d+ events? verified/);
    await shot(page, "verified");

    // Clearing the filters shows the whole trail again.
    await filters.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/settings\/audit$/);
    await expect(table.getByRole("row").filter({ hasNotText: "api_key.created" }).nth(1)).toBeVisible();
    await table.scrollIntoViewIfNeeded();
    await shot(page, "all", false);
  });
});
