import { expect, request as playwrightRequest, test } from "@playwright/test";
import type { DraftDetail } from "@/lib/schemas/drafts";
import type { AssignResult, ExperimentOut, OutcomeResult } from "@/lib/schemas/experiments";
import { USERS, expectAllControlsNamed, expectApiError, screenshot, signIn, unique } from "./fixtures";

test.describe.configure({ timeout: 120_000 });

test("an editor starts an email subject test from an approved draft; post-backs through API v1 update the table", async ({
  page,
  baseURL,
}) => {
  await signIn(page, USERS.admin);

  // An approved email to test.
  const title = unique("Stormline subject");
  const created = await page.request.post("/api/drafts", {
    data: { format: "email", brief: `${title}: the Stormline jacket for rainy autumn hikes` },
    timeout: 60_000,
  });
  expect(created.status(), (await created.text()).slice(0, 300)).toBe(201);
  const draft = (await created.json()) as DraftDetail;
  if (draft.status !== "approved") {
    const ok = await page.request.post(`/api/drafts/${draft.id}/decision`, {
      data: { action: "approve", version: draft.version },
    });
    expect(ok.status(), (await ok.text()).slice(0, 300)).toBe(200);
  }

  await page.goto("/experiments");
  await expect(page.getByRole("heading", { level: 1, name: "Experiments" })).toBeVisible();
  await page
    .getByRole("button", { name: /New experiment|Start an experiment/ })
    .first()
    .click();
  const form = page.getByRole("form", { name: "New experiment" });
  await form.getByRole("textbox", { name: "Search approved drafts" }).fill(draft.title);
  await form
    .getByRole("list", { name: "Approved drafts" })
    .getByRole("button")
    .filter({ hasText: draft.title })
    .first()
    .click();
  // The draft's subject is arm a; arm b is ours to write. Empty, it is refused in the form.
  await expect(form.getByRole("textbox", { name: "Arm a text" })).toHaveValue(
    draft.content.format === "email" ? draft.content.subject : "",
  );
  const name = unique("Subject test");
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByRole("button", { name: "Start experiment" }).click();
  await expect(form.getByText("An arm needs a text.")).toBeVisible();
  await form.getByRole("textbox", { name: "Arm b text" }).fill("Rain, handled: meet Stormline");
  await form.getByLabel("Impressions per arm before shifting traffic").fill("2");
  await expectAllControlsNamed(page);
  await screenshot(page, "experiments-create");
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/experiments"),
    form.getByRole("button", { name: "Start experiment" }).click(),
  ]);
  expect(res.status()).toBe(201);
  const exp = (await res.json()) as ExperimentOut;
  const card = page.getByTestId("experiment").filter({ hasText: name });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("phase")).toContainText("split evenly until every arm has 2 impressions");

  // An API key with the write scope, as an integration would hold.
  const keyRes = await page.request.post("/api/api-keys", {
    data: { name: unique("Experiments"), scopes: ["read", "write"] },
  });
  expect(keyRes.status()).toBe(201);
  const { key } = (await keyRes.json()) as { key: string };
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  try {
    const assigned: AssignResult[] = [];
    for (const unitId of ["u1", "u2", "u3", "u4", "u5", "u6"]) {
      const r = await api.post(`/api/v1/experiments/${exp.id}/assign`, { data: { unitId } });
      expect(r.status()).toBe(200);
      assigned.push((await r.json()) as AssignResult);
    }
    // Sticky: asking again for u1 gives the same arm and counts nothing.
    const again = (await (
      await api.post(`/api/v1/experiments/${exp.id}/assign`, { data: { unitId: "u1" } })
    ).json()) as AssignResult;
    expect(again).toMatchObject({ arm: assigned[0]!.arm, firstAssignment: false });

    const post = (eventId: string, arm: string) =>
      api.post(`/api/v1/experiments/${exp.id}/outcomes`, { data: { eventId, arm, kind: "click" } });
    expect(((await (await post("evt-1", "b")).json()) as OutcomeResult).counted).toBe(true);
    expect(((await (await post("evt-1", "b")).json()) as OutcomeResult).counted).toBe(false);
    expect(((await (await post("evt-2", "a")).json()) as OutcomeResult).counted).toBe(true);
    await expectApiError(await post("evt-3", "q"), 422, "validation");

    const read = (await (await api.get(`/api/v1/experiments/${exp.id}`)).json()) as ExperimentOut;
    expect(read.arms.reduce((s, a) => s + a.impressions, 0)).toBe(6);
    expect(read.arms.map((a) => a.clicks)).toEqual([1, 1]);

    await page.reload();
    const table = card.getByRole("table", { name: `Arms of ${name}` });
    const impressions = (k: string) => table.locator(`tr[data-arm="${k}"] td[data-col="impressions"]`);
    const a = read.arms.find((x) => x.key === "a")!;
    const b = read.arms.find((x) => x.key === "b")!;
    await expect(impressions("a")).toHaveText(String(a.impressions));
    await expect(impressions("b")).toHaveText(String(b.impressions));
    await expect(table.locator('tr[data-arm="b"] td[data-col="clicks"]')).toHaveText("1");
    await expect(card.getByRole("meter", { name: "Probability arm b is best" })).toBeVisible();
    await card.getByText("Post-backs through API v1").click();
    await expect(card.getByText(`/api/v1/experiments/${exp.id}/assign`)).toBeVisible();
    await screenshot(page, "experiments-running");

    // Stop, confirmed; afterwards a new outcome is a 409.
    await card.getByRole("button", { name: "Stop" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Stop this experiment?" });
    await dialog.getByRole("button", { name: "Stop experiment" }).click();
    await expect(dialog).toBeHidden();
    await expect(card.getByText("Stopped", { exact: true })).toBeVisible();
    await expectApiError(await post("evt-4", "a"), 409, "conflict:experiment_stopped");
    await screenshot(page, "experiments-stopped");
  } finally {
    await api.dispose();
  }
});
