import { expect, test, type Page } from "@playwright/test";
import { NAV_LABELS, USERS, expectAllControlsNamed, screenshot, signIn } from "./fixtures";

async function expectSingleH1(page: Page, text?: string) {
  const h1 = page.getByRole("heading", { level: 1 });
  await expect(h1).toHaveCount(1);
  if (text !== undefined) await expect(h1).toHaveText(text);
  // Also count raw <h1> elements, hidden ones included.
  expect(await page.locator("h1").count()).toBe(1);
}

test.describe("accessibility basics", () => {
  test("login page: named controls, one h1, sensible first tab stop", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveTitle("Sign in · Lectern");
    await expectSingleH1(page, "Sign in to Lectern");
    await expect(page.getByRole("main")).toHaveCount(1);

    const named = await expectAllControlsNamed(page);
    // Email, password, "Sign in" and one "Use" button per demo account at least.
    expect(named).toBeGreaterThanOrEqual(6);
    await expect(page.getByRole("textbox", { name: "Email" })).toBeVisible();
    await expect(page.getByLabel("Password")).toHaveAttribute("type", "password");

    // Keyboard: the first Tab stop is the Email field (the page has no repeated navigation to skip).
    await page.locator("body").focus();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Email")).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Password")).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeFocused();

    // Field errors are announced and tied to their field.
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/email/i);
    await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/password/i);
    await screenshot(page, "login-field-errors");
  });

  test("shell: skip link first, named controls, one h1 per studio page", async ({ page }) => {
    await signIn(page, USERS.admin);

    // Keyboard: the first Tab from the top of the page reaches "Skip to content", which moves focus to <main>.
    await page.goto("/drafts");
    await page.locator("body").focus();
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await expect(skip).toHaveAttribute("href", "#main");
    await screenshot(page, "shell-skip-link-focused");
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
    await expect(page.getByRole("main")).toHaveCount(1);

    // Every studio page: exactly one h1 naming it, the nav marks it current, an empty state.
    const nav = page.getByRole("navigation", { name: "Primary" });
    for (const label of NAV_LABELS) {
      await nav.getByRole("link", { name: label, exact: true }).click();
      await expect(nav.getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");
      await expectSingleH1(page, label);
      await expect(page.getByRole("main").getByRole("heading", { level: 2 }).first()).toBeVisible();
      await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    }

    // Controls in the shell, including the open popups, have accessible names.
    await page.goto("/drafts");
    expect(await expectAllControlsNamed(page)).toBeGreaterThan(10);
    await page.getByRole("button", { name: /^Switch workspace\./ }).click();
    await expect(page.getByRole("listbox", { name: "Workspaces" })).toBeVisible();
    await expectAllControlsNamed(page);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("listbox", { name: "Workspaces" })).toHaveCount(0);
    await page.getByRole("button", { name: "User menu" }).click();
    await expect(page.getByRole("menuitemradio")).toHaveText(["Light", "Dark", "System"]);
    await expectAllControlsNamed(page);
    await page.keyboard.press("Escape");

    // The settings forms too, once their data has loaded.
    await page.goto("/settings");
    await expect(page.getByRole("table", { name: "Workspace members" })).toBeVisible();
    await expectSingleH1(page, "Settings");
    await expectAllControlsNamed(page);
    await page.goto("/settings/api");
    await expect(page.getByRole("button", { name: "Create key" })).toBeVisible();
    await expect(page.getByText("Loading keys…")).toHaveCount(0);
    await expectSingleH1(page, "Settings");
    await expect(page.getByRole("checkbox")).toHaveCount(2);
    await expectAllControlsNamed(page);
    await page.goto("/settings/audit");
    await expect(page.getByRole("table", { name: "Audit events" })).toBeVisible();
    await expectSingleH1(page, "Settings");
    await expectAllControlsNamed(page);
  });

  test("the 403 page has one h1 and a way back", async ({ page }) => {
    await signIn(page, USERS.marketer);
    await page.goto("/settings");
    await expectSingleH1(page, "You don't have access to this page");
    await expectAllControlsNamed(page);
    // Skip link first, then straight to the way back.
    await page.locator("body").focus();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Back to Drafts" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/drafts$/);
  });
});
