import { expect, test } from "@playwright/test";
import {
  NAV_LABELS,
  navLabelsFor,
  ROLE_LABEL,
  USERS,
  WORKSPACE,
  formAlert,
  screenshot,
  signIn,
  signOut,
  submitLogin,
  switcherName,
  unique,
} from "./fixtures";

test.describe("sign-in and the studio shell", () => {
  for (const user of Object.values(USERS)) {
    test(`${user.role} signs in through the form and sees the shell`, async ({ page }) => {
      await signIn(page, user);

      // Navigation: the studio sections (Usage and Evals for editors and admins), Settings for admins only.
      const nav = page.getByRole("navigation", { name: "Primary" });
      await expect(nav).toBeVisible();
      const expected = user.role === "admin" ? [...NAV_LABELS, "Settings"] : navLabelsFor(user.role);
      await expect(nav.getByRole("link")).toHaveText(expected);
      await expect(nav.getByRole("link", { name: "Drafts" })).toHaveAttribute("aria-current", "page");
      if (user.role === "admin") await expect(page.getByRole("link", { name: "Settings" })).toBeVisible();
      else await expect(page.getByRole("link", { name: "Settings" })).toHaveCount(0);

      // The workspace switcher shows the active workspace and the role in it.
      await expect(page.getByRole("button", { name: /^Switch workspace\. Current: / })).toHaveAccessibleName(
        switcherName(WORKSPACE.name, user.role),
      );

      // Drafts page: one h1 and the list (the demo's drafts, or its empty state while the studio writes them).
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(["Drafts"]);
      await expect(page.getByRole("heading", { level: 2, name: /^(No drafts yet|All drafts)$/ })).toBeVisible();

      // The user menu shows who is signed in, with their role.
      await expect(page.getByText(user.name, { exact: true })).toHaveCount(0);
      await page.getByRole("button", { name: "User menu" }).click();
      await expect(page.getByRole("button", { name: "User menu" })).toHaveAttribute("aria-expanded", "true");
      await expect(page.getByText(user.name, { exact: true })).toBeVisible();
      await expect(page.getByText(user.email, { exact: true })).toBeVisible();
      await expect(page.getByText(`Role: ${ROLE_LABEL[user.role]}`, { exact: true })).toBeVisible();
      await expect(page.getByRole("menu", { name: "User menu" })).toBeVisible();
      await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
      await screenshot(page, `shell-${user.role}`);

      // Escape closes the menu and returns focus to its button.
      await page.keyboard.press("Escape");
      await expect(page.getByRole("menu", { name: "User menu" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "User menu" })).toBeFocused();
    });
  }

  test("the demo-account 'Use' button fills the form and signs in", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Demo accounts" })).toBeVisible();
    await page.getByRole("button", { name: "Fill in the editor demo account" }).click();
    await expect(page.getByLabel("Email")).toHaveValue(USERS.editor.email);
    await expect(page.getByLabel("Password")).toHaveValue(USERS.editor.password);
    await expect(page.getByLabel("Password")).toBeFocused();
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/drafts$/);
    await expect(page.getByRole("button", { name: /^Switch workspace\./ })).toContainText("Editor");
  });

  test("a wrong password shows a generic error and stays on /login", async ({ page }) => {
    await page.goto("/login");
    await submitLogin(page, { email: USERS.marketer.email, password: "not-the-right-password" });
    await expect(formAlert(page)).toHaveText("Email or password is incorrect.");
    await expect(page).toHaveURL(/\/login(\?|$)/);
    // The email is kept, the password is not.
    await expect(page.getByLabel("Email")).toHaveValue(USERS.marketer.email);
    await expect(page.getByLabel("Password")).toHaveValue("");
    // Still signed out: the studio redirects back to the login page.
    await page.goto("/drafts");
    await expect(page).toHaveURL(/\/login(\?|$)/);
    await screenshot(page, "login-after-wrong-password");

    // An unknown email gets exactly the same message (no account enumeration).
    await page.goto("/login");
    await submitLogin(page, { email: `${unique("nobody")}@example.test`, password: "whatever-password" });
    await expect(formAlert(page)).toHaveText("Email or password is incorrect.");
  });

  test("an unauthenticated visit to a studio page redirects to /login", async ({ page }) => {
    for (const path of ["/drafts", "/settings", "/settings/api", "/usage"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login(\?|$)/);
      await expect(page.getByRole("heading", { level: 1, name: "Sign in to Lectern" })).toBeVisible();
    }
    await expect(page.getByRole("navigation", { name: "Primary" })).toHaveCount(0);
  });

  test("signing out through the user menu ends the session", async ({ page }) => {
    await signIn(page, USERS.editor);
    await signOut(page);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to Lectern" })).toBeVisible();
    await page.goto("/drafts");
    await expect(page).toHaveURL(/\/login(\?|$)/);
    // The API agrees: the session cookie no longer authenticates.
    const res = await page.request.get("/api/members");
    expect(res.status()).toBe(401);
  });

  test("repeated failures for one email are rate limited", async ({ page }) => {
    // A unique, unknown address: failures count per email even without an account.
    const email = `${unique("rate-limit")}@example.test`;
    await page.goto("/login");
    for (let attempt = 1; attempt <= 5; attempt++) {
      await submitLogin(page, { email, password: `wrong-password-${attempt}` });
      await expect(formAlert(page), `attempt ${attempt}`).toHaveText("Email or password is incorrect.");
    }
    await submitLogin(page, { email, password: "wrong-password-6" });
    await expect(formAlert(page)).toHaveText(/^Too many sign-in attempts/);
    await expect(page).toHaveURL(/\/login(\?|$)/);
    await screenshot(page, "login-rate-limited");

    // The limit is per email: another account still signs in from the same browser.
    await submitLogin(page, USERS.marketer);
    await expect(page).toHaveURL(/\/drafts$/);
  });
});
