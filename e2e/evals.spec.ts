import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import type { DraftDetail } from "@/lib/schemas/drafts";
import type { GoldenSetDetail } from "@/lib/schemas/golden-sets";
import { USERS, expectAllControlsNamed, signIn, unique } from "./fixtures";

/** Screenshots of this spec: test-results/evals-<name>.png (full page). */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync("test-results", { recursive: true });
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/evals-${name}.png`, fullPage: true });
}

/** An SEO page generated through the API; its price is flagged, so it waits in review. */
async function createDraft(page: Page): Promise<DraftDetail> {
  const res = await page.request.post("/api/drafts", {
    data: {
      format: "seo_page",
      brief: "Landing page about the Summit 45 backpack and its price for weekend hikers",
      slug: unique("evals-summit").toLowerCase(),
    },
    timeout: 60_000,
  });
  expect(res.status(), (await res.text()).slice(0, 300)).toBe(201);
  return (await res.json()) as DraftDetail;
}

const runRows = (page: Page) => page.getByTestId("run-row");

/** Starts a run from the set page with the default prompt choice and waits for its answer. */
async function startRun(page: Page): Promise<number> {
  await expect(page.getByRole("radio", { name: /^Production label/ })).toBeChecked();
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/evals/runs"),
    page.getByRole("button", { name: "Start run" }).click(),
  ]);
  return res.status();
}

// A run generates a draft per case with the offline engine: quick, but give the job runner time.
test.describe.configure({ mode: "serial", timeout: 180_000 });

test("an editor promotes a rejected draft to a golden case, runs the suite twice and compares the runs", async ({
  page,
}) => {
  await signIn(page, USERS.editor);
  const draft = await createDraft(page);
  expect(draft.status).toBe("in_review");

  // Reject it with a reason that quotes a phrase.
  await page.goto(`/drafts/${draft.id}`);
  const bar = page.getByTestId("decision-bar");
  await expect(bar).toBeVisible();
  await bar.getByRole("button", { name: "Reject" }).click();
  const dialog = page.getByRole("dialog", { name: "Reject the draft" });
  await dialog.getByLabel("Why it is rejected").fill('Never say "best in class" about the Summit 45.');
  await dialog.getByRole("button", { name: "Reject draft" }).click();
  await expect(bar.getByTestId("review-status")).toHaveText("Rejected");

  // Promote it: the card suggests the case, the default set is "Regressions" (new, unless an
  // earlier spec on this database made it).
  const card = page.getByTestId("promote-card");
  await expect(card.getByRole("heading", { name: "Golden case" })).toBeVisible();
  await expect(card.getByText(/Does not (contain|say) “best in class”/)).toBeVisible();
  await expect(card.getByLabel("Golden set").locator("option:checked")).toHaveText(/^Regressions( \(new\))?$/);
  await card.getByRole("button", { name: "Promote to golden set" }).click();
  await card.getByRole("link", { name: "Open the golden case" }).click();

  // The set page lists the case with the expectation derived from the reason.
  await expect(page).toHaveURL(/\/evals\/sets\/[^/?]+$/);
  const setUrl = page.url();
  await expect(page.getByRole("heading", { level: 1, name: "Regressions" })).toBeVisible();
  // Other specs may have promoted drafts into Regressions too: find this draft's case.
  const goldenCase = page.getByTestId("golden-case").filter({ has: page.locator(`a[href="/drafts/${draft.id}"]`) });
  await expect(goldenCase).toHaveCount(1);
  await expect(goldenCase.getByTestId("case-expectations")).toContainText(/Does not (contain|say) “best in class”/);
  await expect(goldenCase.getByRole("link", { name: /From draft/ })).toBeVisible();
  // Three more cases (through the API), of the other formats.
  const setId = new URL(setUrl).pathname.split("/").pop()!;
  for (const [i, format] of (["email", "meta_ad", "google_rsa"] as const).entries()) {
    const res = await page.request.post(`/api/evals/sets/${setId}/cases`, {
      data: {
        name: `Trail gear ${i + 1}`,
        format,
        brief: "Announce the Ridgeline 2 tent to weekend hikers, with its weight and price.",
        expectations: [{ kind: "not_contains", text: "cheapest" }],
      },
    });
    expect(res.status(), (await res.text()).slice(0, 300)).toBe(201);
  }
  await page.reload();
  await expect(goldenCase).toHaveCount(1);
  const caseCount = await page.getByTestId("golden-case").count();
  expect(caseCount).toBeGreaterThanOrEqual(4);
  await expect(page.getByText("Loading runs…")).toHaveCount(0);
  const runsBefore = await runRows(page).count();
  await expectAllControlsNamed(page);
  await shot(page, "set");

  // First run, with the production label: progress while it works, then the pass rate.
  expect(await startRun(page)).toBe(202);
  await expect(page.getByText("Run started")).toBeVisible();
  await expect(runRows(page)).toHaveCount(runsBefore + 1);
  // The offline engine is quick: catch the runs card while the new run is (maybe) still at work.
  await page
    .getByRole("heading", { name: "Runs", exact: true })
    .locator("xpath=ancestor::*[contains(@class,'rounded-lg')][1]")
    .screenshot({ path: "test-results/evals-run-progress.png" });
  const first = runRows(page).first();
  // While queued or running the row shows a progress bar (polled every second), then the result.
  // With the offline engine the run has usually ended by the time the list shows it.
  await expect(
    first.getByRole("progressbar", { name: "Run progress" }).or(first.getByTestId("run-passing")),
  ).toBeVisible();
  await shot(page, "run-started");
  await expect(first).toHaveAttribute("data-status", "succeeded", { timeout: 90_000 });
  await expect(first.getByTestId("run-passing")).toBeVisible();
  await expect(first).toContainText(/\d+(\.\d)?%/);
  await expect(first).toContainText("$");

  // The run page: summary and per-case assertion results.
  await first.getByRole("link", { name: /open the run/ }).click();
  await expect(page).toHaveURL(/\/evals\/runs\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Run of / })).toBeVisible();
  await expect(page.getByTestId("run-pass-rate")).toHaveText(/^\d+(\.\d)?%$/);
  await expect(page.getByTestId("run-counts")).toContainText(`${caseCount}/${caseCount} done`);
  const result = page.getByTestId("case-result").filter({ hasText: /Does not (contain|say) “best in class”/ });
  await expect(page.getByTestId("case-result")).toHaveCount(caseCount);
  await expect(result).toHaveCount(1);
  // Open the case (a passing case starts closed) and see the assertion that came from the reason.
  if (!(await result.evaluate((el) => (el as HTMLDetailsElement).open))) await result.locator("summary").click();
  const assertion = result
    .getByTestId("assertion-result")
    .filter({ hasText: /Does not (contain|say) “best in class”/ });
  await expect(assertion).toHaveCount(1);
  await expect(assertion).toHaveAttribute("data-status", /^(pass|fail)$/);
  await result.getByText("Produced copy").click();
  await expect(result.getByText("metaDescription", { exact: true })).toBeVisible();
  await expectAllControlsNamed(page);
  await shot(page, "run");

  // A second run, then compare the two.
  await page.goto(setUrl);
  expect(await startRun(page)).toBe(202);
  await expect(runRows(page)).toHaveCount(runsBefore + 2);
  await expect(runRows(page).first()).toHaveAttribute("data-status", "succeeded", { timeout: 90_000 });
  const compare = page.getByRole("button", { name: "Compare" });
  await expect(compare).toBeDisabled();
  for (const row of (await runRows(page).all()).slice(0, 2)) await row.getByRole("checkbox").check();
  await expect(compare).toBeEnabled();
  await shot(page, "runs");
  await compare.click();
  await expect(page).toHaveURL(/\/evals\/compare\?base=[^&]+&head=[^&]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Compare runs" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Base" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Head" })).toBeVisible();
  const rows = page.getByTestId("compare-row");
  await expect(rows).toHaveCount(caseCount);
  // The offline engine is deterministic: the same cases give the same results twice.
  for (const row of await rows.all()) await expect(row).toHaveAttribute("data-change", "same");
  await expect(page.getByTestId("compare-counts")).toContainText(`${caseCount} same`);
  await expectAllControlsNamed(page);
  await shot(page, "compare");
});

test("an empty set says it has no cases when run; an invalid regex is a field error", async ({ page }) => {
  await signIn(page, USERS.editor);
  await page.goto("/evals");
  await expect(page.getByRole("heading", { level: 1, name: "Evals" })).toBeVisible();
  await page.getByRole("button", { name: "New golden set" }).first().click();
  const name = unique("Launch claims");

  // The threshold is a percentage; out of range is refused before anything is sent.
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Pass threshold (%)").fill("150");
  await page.getByRole("button", { name: "Create set" }).click();
  await expect(page.getByText("At most 1 (100%)")).toBeVisible();
  await expect(page.getByLabel("Pass threshold (%)")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Pass threshold (%)").fill("90");
  await page.getByRole("button", { name: "Create set" }).click();

  await expect(page).toHaveURL(/\/evals\/sets\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("set-threshold")).toHaveText("90%");
  await expect(page.getByRole("heading", { name: "No cases in this set" })).toBeVisible();

  // Running it: the server's 422 validation:empty_set, said plainly.
  expect(await startRun(page)).toBe(422);
  const alert = page.getByRole("main").getByRole("alert").filter({ hasText: "This set has no cases yet" });
  await expect(alert).toContainText("has no cases yet");
  await shot(page, "empty-set");

  // A case with an invalid pattern: the error sits under the Pattern input.
  await page.getByRole("button", { name: "Add case" }).click();
  const form = page.getByRole("form", { name: "New case" });
  await form.getByLabel("Case name").fill("Names the backpack");
  await form.getByLabel("Brief").fill("Product page for the Summit 45 backpack for weekend hikers.");
  await form.getByLabel("Expectation 1: kind").selectOption("regex");
  await form.getByLabel("Pattern").fill("Summit (45");
  await form.getByRole("button", { name: "Add case" }).click();
  const pattern = form.getByLabel("Pattern");
  await expect(pattern).toHaveAttribute("aria-invalid", "true");
  await expect(pattern).toBeFocused();
  await expect(form.getByText(/is not a valid regular expression/)).toBeVisible();
  await shot(page, "regex-error");

  // Fixed, with a second expectation added from the keyboard-friendly editor: the case is saved.
  await pattern.fill("Summit 45");
  await form.getByRole("button", { name: "Add expectation" }).click();
  await expect(form.getByLabel("Expectation 2: kind")).toBeFocused();
  await form.getByLabel("Expectation 2: kind").selectOption("max_length");
  await form.getByLabel("Field").last().fill("title");
  await form.getByLabel("At most (characters)").fill("70");
  await form.getByRole("button", { name: "Add case" }).click();
  await expect(form).toHaveCount(0);
  const saved = page.getByTestId("golden-case");
  await expect(saved).toHaveCount(1);
  await expect(saved.getByTestId("case-expectations")).toContainText("Matches /Summit 45/");
  await expect(saved.getByTestId("case-expectations")).toContainText("title at most 70 characters");

  // Edit it while someone else saves it: the 409 says so and loads their version; saving again works.
  await saved.getByRole("button", { name: /^Edit case/ }).click();
  const edit = page.getByRole("form", { name: /^Edit case/ });
  await edit.getByLabel("Case name").fill("Names the Summit 45");
  const setId = new URL(page.url()).pathname.split("/").pop()!;
  const detail = (await (await page.request.get(`/api/evals/sets/${setId}`)).json()) as GoldenSetDetail;
  const theirs = detail.cases[0]!;
  const put = await page.request.put(`/api/evals/cases/${theirs.id}`, {
    data: { ...theirs, name: "Renamed by a colleague" },
  });
  expect(put.status(), (await put.text()).slice(0, 300)).toBe(200);
  await edit.getByRole("button", { name: "Save case" }).click();
  await expect(edit.getByText(/Someone else saved this case/)).toBeVisible();
  await expect(edit.getByLabel("Case name")).toHaveValue("Renamed by a colleague");
  await shot(page, "case-stale");
  await edit.getByLabel("Case name").fill("Names the Summit 45");
  await edit.getByRole("button", { name: "Save case" }).click();
  await expect(page.getByRole("heading", { name: "Names the Summit 45" })).toBeVisible();
  await shot(page, "case-saved");

  await page.getByRole("button", { name: "Delete set" }).click();
  await page.getByRole("button", { name: "Delete the set" }).click();
  await expect(page).toHaveURL(/\/evals$/);
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  await shot(page, "sets");
});

test("a marketer gets the 403 page on /evals", async ({ page }) => {
  await signIn(page, USERS.marketer);
  for (const path of ["/evals", "/evals/compare"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(["You don't have access to this page"]);
    await expect(page.getByText("Error 403")).toBeAttached();
    await expect(page.getByRole("button", { name: "New golden set" })).toHaveCount(0);
  }
});
