import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import type { DraftDetail } from "@/lib/schemas/drafts";
import type { GateVerdict, RunSummary } from "@/lib/schemas/golden-sets";
import { USERS, expectAllControlsNamed, expectApiError, signIn, unique } from "./fixtures";

type PromptVersion = { id: string; key: string; version: number; labels: string[] };

const KEY = "draft.channel";

/** Screenshots of this spec: test-results/gate-<name>.png. */
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync("test-results", { recursive: true });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `test-results/gate-${name}.png`, fullPage });
}

async function productionOf(page: Page, key: string): Promise<PromptVersion> {
  const res = await page.request.get("/api/prompts");
  expect(res.status()).toBe(200);
  const prod = ((await res.json()) as PromptVersion[]).find((v) => v.key === key && v.labels.includes("production"));
  expect(prod, `${key} has a production version`).toBeTruthy();
  return prod!;
}

test.describe.configure({ mode: "serial", timeout: 120_000 });

test("moving production is gated by evals: refused without a run, moved with an audited override", async ({ page }) => {
  await signIn(page, USERS.admin);
  const before = await productionOf(page, KEY);
  let moved = false;
  try {
    // Settings → Prompts: a new version of draft.channel.
    await page.goto("/settings/prompts");
    const keys = page.getByRole("navigation", { name: "Prompt keys" });
    await keys.getByRole("button", { name: new RegExp(KEY.replace(".", "\\.")) }).click();
    await expect(keys.getByRole("button", { name: new RegExp(KEY.replace(".", "\\.")) })).toHaveAttribute(
      "aria-current",
      "true",
    );
    const form = page.getByRole("form", { name: `New version of ${KEY}` });
    const system = form.getByLabel("System prompt");
    await system.fill(`${await system.inputValue()} Prefer the active voice.`);
    const note = `Gate check (${unique("gate")})`;
    await form.getByLabel(/^Note/).fill(note);
    const [post] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(`/api/prompts/${KEY}/versions`)),
      form.getByRole("button", { name: "Save new version" }).click(),
    ]);
    expect(post.status()).toBe(201);
    const created = (await post.json()) as { id: string; version: number };

    // What the gate says about it (no eval run of the new version exists).
    const gateRes = await page.request.get(`/api/evals/gate/${KEY}/${created.id}`);
    expect(gateRes.status(), (await gateRes.text()).slice(0, 300)).toBe(200);
    const verdict = (await gateRes.json()) as GateVerdict;
    expect(verdict.allowed).toBe(false);
    expect(verdict.candidate).toBeNull();

    // The API refuses the move without an override.
    const refusedPut = await page.request.put(`/api/prompts/${KEY}/labels/production`, {
      data: { versionId: created.id },
    });
    const refusal = await expectApiError(refusedPut, 409, "conflict:eval_gate");

    // The panel: choosing production shows the gate's refusal and holds the confirm button.
    await page.getByLabel("Label", { exact: true }).selectOption("production");
    await page.getByLabel("Point it at").selectOption({ label: `v${created.version}` });
    await page.getByRole("button", { name: "Move label" }).click();
    const confirm = page.getByRole("alertdialog", { name: `Move production to v${created.version}?` });
    await expect(confirm).toContainText(`It points at v${before.version} now.`);
    const gate = confirm.getByTestId("gate-verdict");
    await expect(gate).toContainText("The eval gate refuses this move");
    await expect(gate).toContainText(verdict.message);
    const yes = confirm.getByRole("button", { name: "Yes, move production" });
    await expect(yes).toBeDisabled();
    await confirm.scrollIntoViewIfNeeded();
    await shot(page, "refused", false);

    // The override needs a reason of 10+ characters.
    await confirm.getByLabel("Override the eval gate").check();
    const reasonBox = confirm.getByLabel("Reason for the override");
    const go = confirm.getByRole("button", { name: "Override and move production" });
    await reasonBox.fill("too short");
    await reasonBox.blur();
    await expect(go).toBeDisabled();
    await expect(confirm.getByText("Give a reason of at least 10 characters")).toBeVisible();
    const reason = `Hotfix wording before the set is updated ${unique("r")}`;
    await reasonBox.fill(reason);
    await expect(go).toBeEnabled();
    await expectAllControlsNamed(page);
    await confirm.scrollIntoViewIfNeeded();
    await shot(page, "override", false);

    const [put] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === "PUT" && r.url().includes(`/api/prompts/${KEY}/labels/production`),
      ),
      go.click(),
    ]);
    // No body to read: a 204 (and the browser drops it once the page moves on).
    expect(put.status()).toBe(204);
    moved = true;
    expect(put.request().postDataJSON()).toEqual({ versionId: created.id, override: { reason } });
    await expect(
      page.getByText(`production now points at v${created.version}. The eval gate was overridden.`),
    ).toBeVisible();
    await expect(confirm).toHaveCount(0);
    const versions = page.getByRole("table", { name: `Versions of ${KEY}` });
    await expect(versions.getByRole("row").filter({ hasText: note })).toContainText("production");
    await page.getByText(/^production now points at/).scrollIntoViewIfNeeded();
    await shot(page, "moved", false);

    // The audit trail keeps the override's reason with the move.
    await page.goto(`/settings/audit?action=prompt.label_moved&entityId=${encodeURIComponent(`${KEY}:production`)}`);
    const table = page.getByRole("table", { name: "Audit events" });
    const row = table
      .getByRole("row")
      .filter({ hasText: `→ ${created.version}` })
      .first();
    await expect(row).toBeVisible();
    await row.getByRole("button", { name: /^Details/ }).click();
    const details = table.getByRole("row").filter({ hasText: "Chain position" });
    await expect(details.getByRole("region", { name: "After" })).toContainText(reason);
    await details.scrollIntoViewIfNeeded();
    await shot(page, "audit", false);

    // Keep the message the API gave for the refusal in the log for whoever reads the run.
    test.info().annotations.push({ type: "gate refusal", description: refusal.error.message });
  } finally {
    // Put production back where the seed had it, so later specs generate with the seeded prompt.
    if (moved) {
      const back = await page.request.put(`/api/prompts/${KEY}/labels/production`, {
        data: { versionId: before.id, override: { reason: "e2e: restore the seeded production version" } },
      });
      expect(back.status(), (await back.text()).slice(0, 300)).toBe(204);
    }
  }
});

test("a 409 from the gate at the last moment shows its message and the fresh verdict", async ({ page }) => {
  await signIn(page, USERS.admin);
  const before = await productionOf(page, KEY);
  await page.goto("/settings/prompts");
  await page
    .getByRole("navigation", { name: "Prompt keys" })
    .getByRole("button", { name: new RegExp(KEY.replace(".", "\\.")) })
    .click();
  const versions = (await (await page.request.get("/api/prompts")).json()) as PromptVersion[];
  const other = versions.filter((v) => v.key === KEY && v.id !== before.id).sort((a, b) => b.version - a.version)[0];
  test.skip(!other, "needs a second version of the prompt (the first test makes one)");

  // The verdict on screen says yes (as if a run had just passed); the server then says no.
  const run = (id: string, version: number, passed: number): RunSummary => ({
    id,
    status: "succeeded",
    promptKey: KEY,
    promptVersion: version,
    promptVersionId: `v${version}`,
    promptLabel: null,
    route: null,
    casesTotal: 10,
    casesDone: 10,
    passed,
    failed: 10 - passed,
    errored: 0,
    passRate: passed / 10,
    passing: true,
    costMicros: 0,
    latencyMs: 1000,
    caseLatencyP50Ms: 100,
    error: null,
    createdBy: null,
    createdAt: new Date().toISOString(),
    finishedAt: new Date().toISOString(),
  });
  const allowed: GateVerdict = {
    allowed: true,
    message: "A stale verdict: the candidate passed.",
    candidate: run("run-candidate", other!.version, 9),
    baseline: run("run-baseline", before.version, 8),
    setName: "Regressions",
  };
  await page.route("**/api/evals/gate/**", (route) => route.fulfill({ json: allowed }));
  await page.getByLabel("Label", { exact: true }).selectOption("production");
  await page.getByLabel("Point it at").selectOption(other!.id);
  await page.getByRole("button", { name: "Move label" }).click();
  const confirm = page.getByRole("alertdialog", { name: `Move production to v${other!.version}?` });
  await expect(confirm.getByTestId("gate-verdict")).toContainText("The eval gate passes");
  await expect(confirm.getByTestId("gate-verdict")).toContainText(allowed.message);
  await expect(confirm.getByRole("link", { name: `v${other!.version} run, 90% (9 of 10 cases)` })).toHaveAttribute(
    "href",
    "/evals/runs/run-candidate",
  );
  await expect(confirm.getByRole("link", { name: `v${before.version} run, 80% (8 of 10 cases)` })).toHaveAttribute(
    "href",
    "/evals/runs/run-baseline",
  );
  await confirm.scrollIntoViewIfNeeded();
  await shot(page, "allowed", false);
  await page.unroute("**/api/evals/gate/**");

  const [put] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "PUT" && r.url().includes("/labels/production")),
    confirm.getByRole("button", { name: "Yes, move production" }).click(),
  ]);
  expect(put.status()).toBe(409);
  const message = ((await put.json()) as { error: { message: string } }).error.message;
  const refusal = page.getByRole("main").getByRole("alert").filter({ hasText: "The eval gate refused the move" });
  await expect(refusal).toContainText(message);
  // The fresh verdict replaces the stale one, with the override offered.
  await expect(confirm.getByTestId("gate-verdict")).toContainText("The eval gate refuses this move");
  await expect(confirm.getByLabel("Override the eval gate")).toBeVisible();
  await confirm.scrollIntoViewIfNeeded();
  await shot(page, "conflict", false);
  await confirm.getByRole("button", { name: "Cancel" }).click();
  expect((await productionOf(page, KEY)).id).toBe(before.id);
});

test("an editor promotes a rejected draft from its Golden case card", async ({ page }) => {
  await signIn(page, USERS.editor);
  const res = await page.request.post("/api/drafts", {
    data: {
      format: "seo_page",
      brief: "Landing page about the Summit 45 backpack and its price for weekend hikers",
      slug: unique("gate-promote").toLowerCase(),
    },
    timeout: 60_000,
  });
  expect(res.status(), (await res.text()).slice(0, 300)).toBe(201);
  const draft = (await res.json()) as DraftDetail;
  const rejected = await page.request.post(`/api/drafts/${draft.id}/decision`, {
    data: { action: "reject", version: draft.version, reason: "Off-brand: never call it “the cheapest pack”." },
  });
  expect(rejected.status(), (await rejected.text()).slice(0, 300)).toBe(200);

  await page.goto(`/drafts/${draft.id}`);
  const card = page.getByTestId("promote-card");
  await expect(card.getByRole("heading", { name: "Golden case" })).toBeVisible();
  await expect(card).toContainText("regression test");
  await expect(card.getByRole("listitem").filter({ hasText: "the cheapest pack" })).toBeVisible();
  await expect(card.getByLabel("Golden set")).toBeEnabled();
  await expect(card.getByLabel("Golden set").locator("option:checked")).toHaveText(/^Regressions( \(new\))?$/);
  await card.scrollIntoViewIfNeeded();
  await shot(page, "promote-card", false);

  // One click; the full promote flow is e2e/evals.spec.ts's.
  await card.getByRole("button", { name: "Promote to golden set" }).click();
  const status = card.getByTestId("promote-status");
  await expect(status).toContainText(`Added “Rejected: ${draft.title}” to Regressions.`);
  await expect(status.getByRole("link", { name: "Open the golden case" })).toHaveAttribute(
    "href",
    /^\/evals\/sets\/[^/]+$/,
  );
  await expect(card).toContainText("Already promoted");
  await expect(card.getByRole("button", { name: "Promote again" })).toBeEnabled();
  await expect(card.getByLabel("Golden set").locator("option:checked")).toHaveText("Regressions");
  await status.scrollIntoViewIfNeeded();
  await shot(page, "promoted", false);
});
