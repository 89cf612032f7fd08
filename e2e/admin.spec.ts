import { expect, test, type Page } from "@playwright/test";
import { navLabelsFor, SANDBOX, USERS, WORKSPACE, screenshot, signIn, switcherName, unique } from "./fixtures";

function switcher(page: Page) {
  return page.getByRole("button", { name: /^Switch workspace\. Current: / });
}

test.describe("admin", () => {
  test("invites a marketer, who joins; the admin makes them an editor; the audit trail records it", async ({
    page,
    browser,
  }) => {
    const id = unique("invitee");
    const email = `${id}@example.test`;
    const name = `Ivy Invitee ${id.slice(-6)}`;
    const password = `pw-${id}-long-enough`;

    // 1. The admin invites the person as a marketer through the UI.
    await signIn(page, USERS.admin);
    await page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Settings" }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Role", { exact: true }).selectOption("marketer");
    await page.getByRole("button", { name: "Invite" }).click();
    await expect(page.getByText(`Invitation for ${email} created`)).toBeVisible();
    const link = (await page.getByTestId("invite-link").textContent())?.trim() ?? "";
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invite\/[A-Za-z0-9_-]{20,}$/);
    const pending = page.getByRole("list", { name: "Pending invitations" }).getByRole("listitem").filter({
      hasText: email,
    });
    await expect(pending).toContainText("Marketer");
    await screenshot(page, "admin-invited-member");

    // 2. The invitee opens the link in a separate browser context and creates an account.
    const inviteeContext = await browser.newContext();
    try {
      const invitee = await inviteeContext.newPage();
      await invitee.goto(link);
      await expect(invitee.getByRole("heading", { level: 1 })).toHaveText(`Join ${WORKSPACE.name}`);
      await expect(invitee.getByText(email, { exact: true })).toBeVisible();
      await expect(invitee.getByLabel("Email")).toHaveValue(email);
      await invitee.getByLabel("Your name").fill(name);
      await invitee.getByLabel("Password (at least 12 characters)").fill(password);
      await invitee.getByLabel("Repeat the password").fill(password);
      await invitee.getByRole("button", { name: "Create account and join" }).click();
      await expect(invitee.getByText("Your account is ready")).toBeVisible();
      await screenshot(invitee, "invitee-account-ready");

      // The link is single-use.
      await invitee.goto(link);
      await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("This invitation cannot be used");

      // 3. The invitee signs in and sees the shell as a marketer: no Settings.
      await signIn(invitee, { email, password });
      const nav = invitee.getByRole("navigation", { name: "Primary" });
      await expect(nav.getByRole("link")).toHaveText(navLabelsFor("marketer"));
      await expect(invitee.getByRole("link", { name: "Settings" })).toHaveCount(0);
      await expect(switcher(invitee)).toHaveAccessibleName(switcherName(WORKSPACE.name, "marketer"));
      await invitee.getByRole("button", { name: "User menu" }).click();
      await expect(invitee.getByText(name, { exact: true })).toBeVisible();
      await expect(invitee.getByText("Role: Marketer", { exact: true })).toBeVisible();
      await screenshot(invitee, "invitee-shell-marketer");
      await invitee.keyboard.press("Escape");

      // 4. The admin changes the new member's role to editor in the members table.
      await page.reload();
      const roleSelect = page.getByLabel(`Role of ${name}`);
      await expect(roleSelect).toHaveValue("marketer");
      await expect(pending).toHaveCount(0);
      const [patch] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "PATCH" && r.url().includes("/api/members/")),
        roleSelect.selectOption("editor"),
      ]);
      expect(patch.status()).toBe(204);
      await page.reload();
      await expect(page.getByLabel(`Role of ${name}`)).toHaveValue("editor");

      // The change takes effect for the member at once.
      await invitee.reload();
      await expect(switcher(invitee)).toHaveAccessibleName(switcherName(WORKSPACE.name, "editor"));
      await expect(invitee.getByRole("link", { name: "Settings" })).toHaveCount(0);
    } finally {
      await inviteeContext.close();
    }

    // 5. The audit trail shows the three events for this person.
    await page.getByRole("link", { name: "Audit trail" }).click();
    await expect(page).toHaveURL(/\/settings\/audit$/);
    const rows = page.getByRole("table", { name: "Audit events" }).getByRole("row").filter({ hasText: email });
    await expect(rows.filter({ hasText: "member.invited" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "member.joined" })).toHaveCount(1);
    const changed = rows.filter({ hasText: "member.role_changed" });
    await expect(changed).toHaveCount(1);
    await expect(changed.getByRole("cell").nth(4)).toContainText("role: marketer → editor");
    await expect(changed.getByRole("cell").nth(1)).toContainText(USERS.admin.email);
    // Newest first.
    await expect(rows.getByRole("cell").nth(2)).toHaveText("member.role_changed");
    await screenshot(page, "admin-audit-trail");
  });

  test("switches workspace with the switcher and back", async ({ page }) => {
    await signIn(page, USERS.admin);
    await expect(switcher(page)).toHaveAccessibleName(switcherName(WORKSPACE.name, "admin"));

    await switcher(page).click();
    const list = page.getByRole("listbox", { name: "Workspaces" });
    await expect(list).toBeVisible();
    await expect(list.getByRole("option")).toHaveCount(2);
    await expect(list.getByRole("option", { name: new RegExp(WORKSPACE.name) })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await list.getByRole("option", { name: new RegExp(SANDBOX.name) }).click();

    await expect(switcher(page)).toHaveAccessibleName(switcherName(SANDBOX.name, "admin"));
    await expect(page.getByRole("banner")).toContainText(SANDBOX.name);
    await screenshot(page, "admin-workspace-sandbox");

    // The session really moved: the API now answers for the sandbox, and it survives a reload.
    const members = (await (await page.request.get("/api/members")).json()) as { members: { email: string }[] };
    expect(members.members.map((m) => m.email)).toEqual([USERS.admin.email]);
    await page.reload();
    await expect(switcher(page)).toHaveAccessibleName(switcherName(SANDBOX.name, "admin"));
    await page.goto("/settings");
    await expect(page.getByText(`Members, API access and the audit trail of ${SANDBOX.name}.`)).toBeVisible();

    // Back to Northwind Outdoor, this time with the keyboard.
    await switcher(page).focus();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("listbox", { name: "Workspaces" })).toBeFocused();
    await page.keyboard.press("Home");
    await page.keyboard.press("Enter");
    await expect(switcher(page)).toHaveAccessibleName(switcherName(WORKSPACE.name, "admin"));
    await expect(page.getByText(`Members, API access and the audit trail of ${WORKSPACE.name}.`)).toBeVisible();
    const back = (await (await page.request.get("/api/members")).json()) as { members: { email: string }[] };
    expect(back.members.map((m) => m.email)).toContain(USERS.marketer.email);
  });

  test.describe("theme", () => {
    test.use({ colorScheme: "light" });

    test("dark mode from the user menu sets class=dark on <html> and persists", async ({ page }) => {
      await signIn(page, USERS.admin);
      const html = page.locator("html");
      await expect(html).not.toHaveClass(/\bdark\b/);

      await page.getByRole("button", { name: "User menu" }).click();
      await expect(page.getByRole("menuitemradio", { name: "System" })).toHaveAttribute("aria-checked", "true");
      await page.getByRole("menuitemradio", { name: "Dark" }).click();
      await expect(html).toHaveClass("dark");
      await expect(page.getByRole("menuitemradio", { name: "Dark" })).toHaveAttribute("aria-checked", "true");
      await page.keyboard.press("Escape");
      // The page really renders dark (not just a class): the body background is dark.
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const lightness = luminance(bg);
      expect(lightness, `body background ${bg}`).toBeLessThan(0.2);
      await screenshot(page, "shell-dark-mode");

      await page.reload();
      await expect(html).toHaveClass("dark");

      // Back to light.
      await page.getByRole("button", { name: "User menu" }).click();
      await page.getByRole("menuitemradio", { name: "Light" }).click();
      await expect(html).toHaveClass("light");
    });
  });
});

/** Relative luminance (0..1) of a CSS color as returned by getComputedStyle (rgb(), or oklch/oklab). */
function luminance(css: string): number {
  const rgb = /rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)/.exec(css);
  if (rgb) {
    const [r, g, b] = rgb.slice(1, 4).map((v) => Number(v) / 255) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  const ok = /okl(?:ch|ab)\(\s*([\d.]+)(%?)/.exec(css);
  if (ok) return Number(ok[1]) / (ok[2] ? 100 : 1);
  const lab = /lab\(\s*([\d.]+)/.exec(css);
  if (lab) return Number(lab[1]) / 100;
  throw new Error(`unrecognised color ${css}`);
}
