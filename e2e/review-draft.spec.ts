import { mkdirSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { DraftDetail } from "@/lib/schemas/drafts";
import type { RevisionList } from "@/lib/schemas/review";
import { USERS, expectAllControlsNamed, signIn, unique } from "./fixtures";

/** Screenshots of this spec: test-results/review-draft-<name>.png, the full page or the viewport. */
async function shot(page: Page, name: string, opts: { viewport?: boolean } = {}): Promise<void> {
  const path = `test-results/review-draft-${name}.png`;
  mkdirSync("test-results", { recursive: true });
  if (opts.viewport) {
    await page.screenshot({ path });
    return;
  }
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
}

/** A signed-in page in its own browser context (its own cookies), as another person would have. */
async function personPage(browser: Browser, user: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

/** Generates an SEO page through the API (JSON answer) as the signed-in person; its price is flagged, so it goes to review. */
async function createDraft(page: Page): Promise<DraftDetail> {
  const res = await page.request.post("/api/drafts", {
    data: {
      format: "seo_page",
      brief: "Landing page about the Summit 45 backpack and its price for weekend hikers",
      slug: unique("review-summit").toLowerCase(),
    },
    timeout: 60_000,
  });
  expect(res.status(), (await res.text()).slice(0, 300)).toBe(201);
  return (await res.json()) as DraftDetail;
}

async function draftJson(page: Page, id: string): Promise<DraftDetail> {
  const res = await page.request.get(`/api/drafts/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as DraftDetail;
}

async function openDraft(page: Page, id: string, query = ""): Promise<void> {
  await page.goto(`/drafts/${id}${query}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("decision-bar")).toBeVisible();
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
}

const bar = (page: Page) => page.getByTestId("decision-bar");
const notice = (page: Page) => page.getByTestId("review-notice");

/** Saves the open editor with the keyboard and waits for the PATCH; returns its status. */
async function saveWithKeyboard(page: Page): Promise<number> {
  const [res] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === "PATCH" && /\/api\/drafts\/[^/]+$/.test(new URL(r.url()).pathname),
    ),
    page.keyboard.press("ControlOrMeta+s"),
  ]);
  return res.status();
}

// Each test walks a whole review with two or three people (generation, re-checks on save): give it time.
test.describe.configure({ mode: "serial", timeout: 180_000 });

test("an editor edits, compares, requests changes and comments; the marketer edits and resubmits", async ({
  page,
  browser,
}) => {
  // A script in a comment must never run.
  page.on("dialog", (d) => {
    throw new Error(`Unexpected dialog: ${d.message()}`);
  });

  // (a) The marketer generates a draft; it waits in review.
  await signIn(page, USERS.marketer);
  const draft = await createDraft(page);
  expect(draft.status).toBe("in_review");
  expect(draft.version).toBe(1);

  const editor = await personPage(browser, USERS.editor);
  editor.on("dialog", (d) => {
    throw new Error(`Unexpected dialog: ${d.message()}`);
  });
  await openDraft(editor, draft.id);
  await expect(bar(editor).getByTestId("review-status")).toHaveText("In review");
  for (const name of ["Approve", "Request changes", "Reject"])
    await expect(bar(editor).getByRole("button", { name })).toBeEnabled();
  await expect(bar(editor).getByTestId("review-sla")).toContainText(/Due in|SLA/);
  await expect(editor.getByTestId("draft-flags")).toBeVisible();
  await expect(editor.getByRole("list", { name: "Sources" })).toBeVisible();
  await expectAllControlsNamed(editor);

  // A flag leads to its source passage, highlighted beside the copy.
  const sourceButton = editor
    .getByTestId("draft-flags")
    .getByRole("button", { name: /^Show source \d+/ })
    .first();
  if ((await sourceButton.count()) > 0) {
    await sourceButton.click();
    await expect(editor.locator("[data-active] [data-testid=active-source-text]")).toBeVisible();
  }
  await shot(editor, "editor-review");

  // Claim it.
  await bar(editor).getByRole("button", { name: "Claim" }).click();
  await expect(bar(editor).getByLabel("Assignee")).toHaveValue(/.+/);
  await expect(bar(editor).getByLabel("Assignee").locator("option:checked")).toHaveText(/Eddie Editor/);

  // Edit in place: one field, saved with Ctrl/Cmd+S; the checks run again and the version goes up.
  await editor.getByRole("button", { name: "Edit copy" }).click();
  await expect(editor).toHaveURL(/[?&]edit=1/);
  const intro = editor.getByLabel("Intro", { exact: true });
  await expect(intro).toBeVisible();
  const newIntro = "The Summit 45 now ships with a lifetime guarantee and costs only €5 for members.";
  await intro.fill(newIntro);
  await expect(editor.getByTestId("draft-editor")).toContainText("1 field edited");
  await intro.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await shot(editor, "editing", { viewport: true });
  expect(await saveWithKeyboard(editor)).toBe(200);
  await expect(notice(editor)).toContainText("Saved as version 2. The checks ran again");
  await expect(editor.getByText(/^SEO page · \/.+ · version 2$/)).toBeVisible();
  await expect(editor).not.toHaveURL(/edit=1/);
  await expect(editor.getByTestId("draft-copy")).toContainText("lifetime guarantee");
  // The new sentence's price is not in the knowledge base: re-grounding flags it.
  await expect(
    editor.getByTestId("review-flag").filter({ hasText: "costs only €5" }).filter({ hasText: "Not supported" }),
  ).toBeVisible();
  const saved = await draftJson(editor, draft.id);
  expect(saved.version).toBe(2);
  expect(saved.content.format === "seo_page" && saved.content.intro).toBe(newIntro);
  expect(saved.record.flags.some((f) => f.kind === "unsupported_claim" && f.message.includes("€5"))).toBe(true);

  // Changes: a word diff against the generated version.
  await editor.getByRole("tab", { name: "Changes" }).click();
  const diff = editor.getByTestId("content-diff");
  await expect(diff).toBeVisible();
  await expect(editor.getByLabel("Compare version", { exact: true })).toHaveValue("1");
  await expect(editor.getByLabel("with version", { exact: true })).toHaveValue("2");
  await expect(diff.locator("[data-field-diff=intro] ins").first()).toBeVisible();
  await expect(diff.locator("[data-field-diff=intro] ins")).toContainText(["lifetime"]);
  await expect(editor.getByTestId("content-diff-summary")).toContainText("1 field changed");
  await shot(editor, "changes");

  // History: the generated version and the edit, with its author.
  await editor.getByRole("tab", { name: "History" }).click();
  const rows = editor.getByTestId("revision-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(USERS.editor.name);
  await expect(rows.last()).toContainText("Generated");
  await shot(editor, "history");
  await editor.getByRole("tab", { name: "Review" }).click();

  // Request changes: the reason is required (checked before anything is sent).
  await bar(editor).getByRole("button", { name: "Request changes" }).click();
  const dialog = editor.getByRole("dialog", { name: "Request changes" });
  await expect(dialog).toBeVisible();
  const reasonBox = dialog.getByLabel("What needs to change");
  await expect(reasonBox).toBeFocused();
  await dialog.getByRole("button", { name: "Request changes" }).click();
  await expect(dialog.getByText("Say what needs to change (at least 3 characters)")).toBeVisible();
  await expect(reasonBox).toHaveAttribute("aria-invalid", "true");
  await shot(editor, "reason-required", { viewport: true });
  const reason = "Remove the €5 price: it is not in the catalogue.";
  await reasonBox.fill(reason);
  await Promise.all([
    editor.waitForResponse((r) => r.url().endsWith("/decision") && r.status() === 200),
    dialog.getByRole("button", { name: "Request changes" }).click(),
  ]);
  await expect(dialog).toBeHidden();
  await expect(bar(editor).getByTestId("review-status")).toHaveText("Changes requested");
  await expect(notice(editor)).toContainText("Changes requested.");
  await expect(editor.getByTestId("last-decision")).toContainText(`Changes requested by ${USERS.editor.name}:`);
  await expect(editor.getByTestId("last-decision")).toContainText(reason);

  // Comments: empty is refused; an @mention is marked; markup stays text.
  const form = editor.getByTestId("comment-form");
  const box = form.getByLabel("Add a comment");
  await form.getByRole("button", { name: "Post comment" }).click();
  await expect(form.getByText("Write a comment first")).toBeVisible();
  await box.fill("Over to you @Mia");
  await form.getByRole("button", { name: "Mention Mia Marketer" }).click();
  await expect(box).toHaveValue("Over to you @MiaMarketer ");
  await box.pressSequentially("<script>alert(1)</script> see the price");
  await Promise.all([
    editor.waitForResponse((r) => r.url().endsWith("/comments") && r.request().method() === "POST"),
    box.press("ControlOrMeta+Enter"),
  ]);
  const comment = editor.getByTestId("comment").last();
  await expect(comment).toContainText(USERS.editor.name);
  await expect(comment).toContainText("<script>alert(1)</script> see the price");
  await expect(comment.getByTestId("comment-mention")).toHaveText("@MiaMarketer");
  await expect(box).toHaveValue("");
  expect(await editor.locator("[data-testid=comment] script").count()).toBe(0);
  await shot(editor, "editor-after-decision");

  // The marketer sees the decision and the comment, edits (?edit=1 opens the editor) and resubmits.
  await openDraft(page, draft.id, "?edit=1");
  await expect(page.getByTestId("last-decision")).toContainText(`Changes requested by ${USERS.editor.name}:`);
  await expect(page.getByTestId("last-decision")).toContainText(reason);
  await expect(page.getByTestId("comment").last()).toContainText("<script>alert(1)</script>");
  await expect(page.getByTestId("comment").last().getByTestId("comment-mention")).toHaveText("@MiaMarketer");
  await expect(page.getByTestId("draft-editor")).toBeVisible();
  await expect(bar(page).getByRole("button", { name: "Resubmit" })).toBeVisible();
  await shot(page, "marketer-changes-requested");

  const marketerIntro = page.getByLabel("Intro", { exact: true });
  await marketerIntro.fill("The Summit 45 ships with a rain cover for weekend hikers.");
  // Unsaved edits pause decisions.
  await expect(bar(page).getByRole("button", { name: "Resubmit" })).toBeDisabled();
  await page.getByLabel("Note for the history").fill("Removed the price");
  expect(await saveWithKeyboard(page)).toBe(200);
  await expect(notice(page)).toContainText("Saved as version 4.");
  await bar(page).getByRole("button", { name: "Resubmit" }).click();
  await expect(bar(page).getByTestId("review-status")).toHaveText("In review");
  await expect(notice(page)).toContainText("Submitted for review.");
  // The change request stays as context for the next review, in a quieter tone.
  await expect(page.getByTestId("last-decision")).toContainText(`Changes were requested by ${USERS.editor.name}:`);
  await expect(page.getByTestId("last-decision")).toContainText("edited and resubmitted");
  await shot(page, "marketer-resubmitted");

  const revisions = (await (await page.request.get(`/api/drafts/${draft.id}/revisions`)).json()) as RevisionList;
  expect(revisions.items.map((r) => [r.version, r.generated, r.note])).toEqual([
    [1, true, "Generated"],
    [2, false, null],
    [4, false, "Removed the price"],
  ]);
  expect(revisions.items.slice(1).map((r) => r.author)).toEqual([USERS.editor.name, USERS.marketer.name]);
  await editor.context().close();
});

test("a stale edit shows what changed and keeps the edits; nothing is overwritten", async ({ page, browser }) => {
  await signIn(page, USERS.marketer);
  const draft = await createDraft(page);
  const first = await personPage(browser, USERS.editor);
  const second = await personPage(browser, USERS.editor);
  await openDraft(first, draft.id, "?edit=1");
  await openDraft(second, draft.id, "?edit=1");

  const firstTitle = "Summit 45: the weekend pack, first edit";
  await first.getByLabel("Title", { exact: true }).fill(firstTitle);
  expect(await saveWithKeyboard(first)).toBe(200);
  await expect(notice(first)).toContainText("Saved as version 2.");

  const secondH1 = "Second editor's heading for the Summit 45";
  await second.getByLabel("H1", { exact: true }).fill(secondH1);
  expect(await saveWithKeyboard(second)).toBe(409);
  const stale = second.getByTestId("stale-view");
  await expect(stale.getByRole("heading", { name: "Someone changed this draft" })).toBeFocused();
  await expect(stale).toContainText("you were working on version 1, and the draft is now version 2");
  await expect(stale).toContainText(`Version 2 saved by ${USERS.editor.name}`);
  await expect(stale.locator("[data-field-diff=title] ins")).toContainText(["first edit"]);
  await expect(stale.getByTestId("stale-mine")).toContainText(secondH1);
  await shot(second, "stale");

  // Nothing was overwritten.
  let now = await draftJson(second, draft.id);
  expect(now.version).toBe(2);
  expect(now.content.format === "seo_page" && [now.content.title, now.content.h1 !== secondH1]).toEqual([
    firstTitle,
    true,
  ]);

  // Load the latest and reapply: the other editor's title stays, this editor's heading comes back.
  await stale.getByRole("button", { name: "Load it and reapply my edits" }).click();
  await expect(second.getByTestId("carry-panel")).toContainText("Your unsaved edits from version 1");
  await expect(second.getByLabel("Title", { exact: true })).toHaveValue(firstTitle);
  await expect(second.getByLabel("H1", { exact: true })).toHaveValue(secondH1);
  await shot(second, "stale-reapplied");
  expect(await saveWithKeyboard(second)).toBe(200);
  await expect(notice(second)).toContainText("Saved as version 3.");
  now = await draftJson(second, draft.id);
  expect(now.content.format === "seo_page" && [now.content.title, now.content.h1]).toEqual([firstTitle, secondH1]);

  // Escape cancels editing, asking first when there are unsaved edits.
  await second.getByRole("button", { name: "Edit copy" }).click();
  await second.getByLabel("Title", { exact: true }).fill("Not kept");
  await second.keyboard.press("Escape");
  const confirm = second.getByRole("alertdialog", { name: "Discard your unsaved edits?" });
  await expect(confirm.getByRole("button", { name: "Keep editing" })).toBeFocused();
  await confirm.getByRole("button", { name: "Discard edits" }).click();
  await expect(second.getByTestId("draft-editor")).toHaveCount(0);
  await expect(second.getByTestId("draft-copy")).toContainText(firstTitle);

  await first.context().close();
  await second.context().close();
});

test("rejecting needs a reason; the server refuses one without it too", async ({ page, browser }) => {
  await signIn(page, USERS.marketer);
  const draft = await createDraft(page);
  const editor = await personPage(browser, USERS.editor);
  await openDraft(editor, draft.id);

  // The API itself refuses a reasonless rejection.
  const refused = await editor.request.post(`/api/drafts/${draft.id}/decision`, {
    data: { action: "reject", version: draft.version },
  });
  expect(refused.status()).toBe(422);

  const reject = bar(editor).getByRole("button", { name: "Reject" });
  await reject.click();
  const dialog = editor.getByRole("dialog", { name: "Reject the draft" });
  await dialog.getByRole("button", { name: "Reject draft" }).click();
  await expect(dialog.getByText("Say why the draft is rejected (at least 3 characters)")).toBeVisible();
  // Escape closes the dialog and gives focus back to the button that opened it.
  await editor.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(reject).toBeFocused();

  await reject.click();
  await expect(dialog.getByLabel("Why it is rejected")).toHaveValue("");
  await dialog.getByLabel("Why it is rejected").fill("Off-brand: we do not sell on price.");
  await dialog.getByRole("button", { name: "Reject draft" }).click();
  await expect(bar(editor).getByTestId("review-status")).toHaveText("Rejected");
  await expect(editor.getByTestId("last-decision")).toContainText(`Rejected by ${USERS.editor.name}:`);
  await expect(editor.getByTestId("last-decision")).toContainText("Off-brand: we do not sell on price.");
  await expect(bar(editor).getByRole("button", { name: "Reopen as draft" })).toBeVisible();
  await shot(editor, "rejected");

  // On a phone the review reflows without sideways scrolling.
  await editor.setViewportSize({ width: 390, height: 844 });
  expect(await editor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(editor, "rejected-phone", { viewport: true });

  // The marketer sees it read-only: no edit button, the reason on top.
  await openDraft(page, draft.id);
  await expect(page.getByTestId("last-decision")).toContainText("Off-brand: we do not sell on price.");
  await expect(page.getByRole("button", { name: "Edit copy" })).toHaveCount(0);
  await editor.context().close();
});
