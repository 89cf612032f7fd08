import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, type APIResponse, type Page } from "@playwright/test";

export type DemoUser = {
  email: string;
  password: string;
  name: string;
  role: "admin" | "editor" | "marketer";
};

/** The accounts `lectern db seed` creates in demo mode (server/features/demo/seed.ts). */
export const USERS = {
  admin: { email: "admin@northwind.test", password: "northwind-admin-demo", name: "Ada Admin", role: "admin" },
  editor: { email: "editor@northwind.test", password: "northwind-editor-demo", name: "Eddie Editor", role: "editor" },
  marketer: {
    email: "marketer@northwind.test",
    password: "northwind-marketer-demo",
    name: "Mia Marketer",
    role: "marketer",
  },
} as const satisfies Record<string, DemoUser>;

export const WORKSPACE = { name: "Northwind Outdoor", slug: "northwind-outdoor" };
export const SANDBOX = { name: "Northwind Sandbox", slug: "northwind-sandbox" };

/** Studio navigation, in display order (components/shell/nav-items.ts). */
export const NAV_LABELS = [
  "Drafts",
  "Review",
  "Knowledge",
  "Brand",
  "Campaigns",
  "SEO",
  "Publishing",
  "Usage",
  "Evals",
  "Experiments",
] as const;

/** Sections marketers do not see (components/shell/nav-items.ts `roles`). */
const EDITOR_SECTIONS: readonly string[] = ["Usage", "Evals"];

/** The navigation a role sees, Settings (admins only) aside. */
export function navLabelsFor(role: "admin" | "editor" | "marketer"): string[] {
  return NAV_LABELS.filter((l) => role !== "marketer" || !EDITOR_SECTIONS.includes(l));
}

export const ROLE_LABEL = { admin: "Admin", editor: "Editor", marketer: "Marketer" } as const;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The workspace switcher's full accessible name, e.g. "Switch workspace. Current: Northwind Outdoor, role: Admin". */
export function switcherName(workspace: string, role: keyof typeof ROLE_LABEL): RegExp {
  return new RegExp(`^Switch workspace\\. Current: ${escapeRegExp(workspace)}, role: ${ROLE_LABEL[role]}$`);
}

/** The form's error alert (scoped to <main>: Next's route announcer is also role=alert). */
export function formAlert(page: Page) {
  return page.getByRole("main").getByRole("alert");
}

/** A suffix that keeps emails and names unique across tests and runs. */
export function unique(prefix = "e2e"): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Fills and submits the real login form, and waits for the server action's
 * answer (success redirects; a failure re-renders the form with an alert).
 */
export async function submitLogin(page: Page, creds: { email: string; password: string }): Promise<void> {
  await page.getByLabel("Email").fill(creds.email);
  await page.getByLabel("Password").fill(creds.password);
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login"),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
}

/** Signs in through /login and waits for the studio shell on /drafts. */
export async function signIn(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Lectern" })).toBeVisible();
  await submitLogin(page, user);
  await expect(page).toHaveURL(/\/drafts$/);
  await expect(page.getByRole("heading", { level: 1, name: "Drafts" })).toBeVisible();
}

/** Signs out through the user menu and waits for /login. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login(\?|$)/);
}

export const SCREENSHOT_DIR = path.join("test-results", "screenshots");

/** Saves a named full-page screenshot to test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export type ApiErrorBody = {
  error: { code: string; message: string; requestId: string; details?: unknown };
};

/**
 * Asserts an API error response: status, JSON `{ error: { code, message, requestId } }`,
 * an `x-request-id` header equal to `error.requestId`, and no leaked internals.
 */
export async function expectApiError(res: APIResponse, status: number, code: string): Promise<ApiErrorBody> {
  const text = await res.text();
  expect(res.status(), `status of ${res.url()}: ${text.slice(0, 300)}`).toBe(status);
  expect(res.headers()["content-type"] ?? "").toMatch(/application\/json/);
  const body = JSON.parse(text) as ApiErrorBody;
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  const requestId = res.headers()["x-request-id"];
  expect(requestId, "x-request-id header").toBeTruthy();
  expect(body.error.requestId).toBe(requestId);
  expectNoInternals(text);
  return body;
}

/** No stack frames, file paths or driver internals in a response body. */
export function expectNoInternals(text: string): void {
  // A stack frame, raw or JSON-escaped: "\n    at fn (file:1:2)".
  expect(text).not.toMatch(/(\n|\\n)\s*at\s+\S+/);
  expect(text).not.toMatch(/\bat\s+\S+\s+\([^)]*:\d+:\d+\)/);
  expect(text).not.toContain("node_modules");
  expect(text).not.toMatch(/\.(ts|js|mjs):\d+/);
  expect(text).not.toMatch(/prisma|sqlite_error|SQLITE_/i);
}

/**
 * Every visible form control, button, link and menu/list item on the page has
 * a non-empty accessible name.
 */
export async function expectAllControlsNamed(page: Page): Promise<number> {
  const controls = page.locator(
    [
      'input:not([type="hidden"])',
      "select",
      "textarea",
      "button",
      "a[href]",
      '[role="button"]',
      '[role="checkbox"]',
      '[role="menuitem"]',
      '[role="menuitemradio"]',
      '[role="option"]',
      '[role="listbox"]',
      '[role="menu"]',
    ].join(", "),
  );
  let checked = 0;
  for (const control of await controls.all()) {
    if (!(await control.isVisible())) continue;
    const html = await control.evaluate((el) => el.outerHTML.slice(0, 200));
    await expect(control, `accessible name of ${html}`).toHaveAccessibleName(/\S/);
    checked++;
  }
  return checked;
}
