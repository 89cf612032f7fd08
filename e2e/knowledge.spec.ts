import { mkdirSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { USERS, expectAllControlsNamed, expectApiError, signIn } from "./fixtures";

/**
 * Screenshots of this spec go to test-results/knowledge-<name>.png: the whole page from the top, or
 * with `viewport` what is on screen now (e.g. a passage scrolled into view).
 */
async function shot(page: Page, name: string, opts: { viewport?: boolean } = {}): Promise<void> {
  mkdirSync("test-results", { recursive: true });
  await page.mouse.move(0, 0);
  if (!opts.viewport) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/knowledge-${name}.png`, fullPage: !opts.viewport });
}

/** Lower-case letters only, so the word survives tokenisation as one search term. */
function letters(n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(97 + Math.floor(Math.random() * 26));
  return s;
}

function gaiterSheet(title: string, word: string, extra: string): string {
  return [
    `# ${title}`,
    "",
    `The ${word} scree gaiter wraps the boot collar and keeps gravel, grit and snow out on long descents.`,
    "It is made of recycled nylon with a waterproof coating and fits boots from EU 36 to EU 48.",
    "",
    "## Fit",
    "",
    "Hook the front lace hook to your laces, pull the strap under the sole and close the hook-and-loop seam.",
    extra,
    "",
    "## Care",
    "",
    "Rinse the gaiter with lukewarm water after muddy hikes and let it dry away from a stove or radiator.",
    "",
  ].join("\n");
}

function jobRow(page: Page, label: string): Locator {
  // Jobs this session started are listed first, newest first.
  return page.getByRole("list", { name: "Ingest jobs" }).getByRole("listitem").filter({ hasText: label }).first();
}

async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole("tablist", { name: "Knowledge sections" }).getByRole("tab", { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute("aria-selected", "true");
}

async function search(page: Page, query: string): Promise<Locator> {
  const form = page.getByRole("search", { name: "Search the knowledge base" });
  await form.getByLabel("Query").fill(query);
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/api/knowledge/search")),
    form.getByRole("button", { name: "Search" }).click(),
  ]);
  expect(res.status(), await res.text()).toBe(200);
  await expect(page.getByRole("heading", { level: 3, name: new RegExp(`results? for “`) })).toBeFocused();
  return page.getByRole("list", { name: "Search results" });
}

test.describe("knowledge base", () => {
  test("an editor uploads, re-uploads, replaces, pastes, searches, opens and deletes a document", async ({ page }) => {
    test.setTimeout(180_000);
    const word = `quill${letters(8)}`;
    const pasteWord = `lantern${letters(8)}`;
    const fileName = `e2e-gaiter-${letters(6)}.md`;
    const title = `Scree Gaiter ${word}`;
    const v1 = gaiterSheet(title, word, "Wide calves fit the long version.");
    const v2 = gaiterSheet(
      title,
      word,
      "Wide calves fit the long version; the short version ends above the ankle bone.",
    );

    // Instant scrolling to a passage, so screenshots never catch a smooth scroll halfway.
    await page.emulateMedia({ reducedMotion: "reduce" });
    await signIn(page, USERS.editor);
    await page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Knowledge" }).click();
    await expect(page).toHaveURL(/\/knowledge$/);
    await expect(page).toHaveTitle("Knowledge · Lectern");
    await expect(page.getByRole("heading", { level: 1, name: "Knowledge" })).toBeVisible();
    const modelLine = page.getByTestId("knowledge-model-line");
    await expect(modelLine).toContainText("Vectors:");
    await expect(modelLine).toContainText("lexical-hash-v1");
    await expect(modelLine).toContainText("embedded index");
    await expect(modelLine).toContainText("lexical hashing embedder, not a neural model");
    await expect(page.getByRole("heading", { level: 2, name: "Documents" })).toBeVisible();
    await expect(page.getByText(/^Loading/)).toHaveCount(0);
    await shot(page, "documents-editor");

    // 1. Upload a Markdown file with tags and a date. The drop zone is a button: Enter opens the file dialog.
    await openTab(page, "Add");
    await expect(page).toHaveURL(/\/knowledge\?tab=add$/);
    const upload = page.getByRole("form", { name: "Upload files" });
    const dropzone = upload.getByRole("button", { name: "Drop files here or choose files" });
    await dropzone.focus();
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Enter")]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles({ name: fileName, mimeType: "text/markdown", buffer: Buffer.from(v1) });
    await expect(upload.getByRole("list", { name: "Selected files" })).toContainText(fileName);
    // Field errors come from the shared schema before anything is sent.
    await upload.getByLabel(/^Tags/).fill(`e2e, ${"x".repeat(41)}`);
    await upload.getByRole("button", { name: "Upload 1 file" }).click();
    await expect(upload.getByLabel(/^Tags/)).toHaveAttribute("aria-invalid", "true");
    await expect(upload.getByLabel(/^Tags/)).toHaveAccessibleDescription(/at most 40 characters/);
    await expect(upload.getByLabel(/^Tags/)).toBeFocused();
    await upload.getByLabel(/^Tags/).fill("e2e, Gear");
    await upload.getByLabel(/^Effective date/).fill("2026-03-01");
    await upload.getByRole("button", { name: "Upload 1 file" }).click();
    await expect(page.getByRole("heading", { level: 3, name: "Ingest jobs" })).toBeFocused();
    await expect(upload.getByRole("list", { name: "Selected files" })).toHaveCount(0);

    const first = jobRow(page, fileName);
    await expect(first).toHaveAttribute("data-state", "succeeded", { timeout: 30_000 });
    await expect(first.getByTestId("job-outcome")).toContainText("Created · version 1");
    const bar = first.getByRole("progressbar", { name: `Progress of ${fileName}` });
    await expect(bar).toHaveAttribute("aria-valuenow", /^\d+$/);
    expect(await bar.getAttribute("aria-valuenow")).toBe(await bar.getAttribute("aria-valuemax"));
    await expect(page.getByTestId("knowledge-live")).toContainText(`${fileName}: Created · version 1`);
    await shot(page, "add-created");

    // It is in the documents list, with its tags (lower-cased), version and date; the tag filter finds it.
    await openTab(page, "Documents");
    const table = page.getByRole("table", { name: "Knowledge documents" });
    const docRow = table.getByRole("row").filter({ hasText: title });
    await expect(docRow).toContainText(`upload:${fileName}`);
    await expect(docRow).toContainText("Markdown");
    await expect(docRow).toContainText("v1");
    await expect(docRow.getByRole("button", { name: "Show documents tagged e2e" })).toBeVisible();
    await expect(docRow.getByRole("button", { name: "Show documents tagged gear" })).toBeVisible();
    await expect(docRow).toContainText("2026");
    await docRow.getByRole("button", { name: "Show documents tagged e2e" }).click();
    await expect(page.getByLabel("Tag", { exact: true })).toHaveValue("e2e");
    await expect(table.getByRole("row")).toHaveCount(2);
    await page.getByLabel("Filter by title or source").fill("no-such-document-zzz");
    await expect(page.getByRole("heading", { name: "No documents match" })).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).first().click();
    await expect(table.getByRole("row").filter({ hasText: title })).toBeVisible();
    await expectAllControlsNamed(page);

    // 2. The same file again: unchanged. 3. A changed file under the same name: replaced, version 2.
    await openTab(page, "Add");
    await upload.getByLabel("Files to upload").setInputFiles({
      name: fileName,
      mimeType: "text/markdown",
      buffer: Buffer.from(v1),
    });
    await upload.getByRole("button", { name: "Upload 1 file" }).click();
    await expect(jobRow(page, fileName)).toHaveAttribute("data-state", "succeeded", { timeout: 30_000 });
    await expect(jobRow(page, fileName).getByTestId("job-outcome")).toContainText("Unchanged");

    await upload.getByLabel("Files to upload").setInputFiles({
      name: fileName,
      mimeType: "text/markdown",
      buffer: Buffer.from(v2),
    });
    await upload.getByRole("button", { name: "Upload 1 file" }).click();
    await expect(jobRow(page, fileName)).toHaveAttribute("data-state", "succeeded", { timeout: 30_000 });
    await expect(jobRow(page, fileName).getByTestId("job-outcome")).toContainText("Replaced (new version 2)");

    // 4. A .txt that is really binary (10 MB, so it goes through the upload progress path): a clear error.
    const binName = `e2e-binary-${letters(6)}.txt`;
    const binary = Buffer.alloc(10 * 1024 * 1024);
    for (let i = 0; i < binary.length; i += 4096) binary.writeUInt32LE((i * 2654435761) >>> 0, i);
    await upload.getByLabel("Files to upload").setInputFiles([
      { name: binName, mimeType: "text/plain", buffer: binary },
      { name: "notes.docx", mimeType: "application/octet-stream", buffer: Buffer.from("PK\u0003\u0004") },
    ]);
    await upload.getByRole("button", { name: "Upload 2 files" }).click();
    const docx = jobRow(page, "notes.docx");
    await expect(docx).toHaveAttribute("data-state", "upload-failed");
    await expect(docx.getByTestId("job-error")).toContainText("not a file type the knowledge base can read");
    const bin = jobRow(page, binName);
    await expect(bin).toHaveAttribute("data-state", /failed/, { timeout: 60_000 });
    await expect(bin.getByTestId("job-error")).toContainText(/does not contain readable text/);
    await expect(bin.getByTestId("job-error")).toContainText(/UTF-8/);
    await docx.getByRole("button", { name: "Dismiss notes.docx" }).click();
    await expect(jobRow(page, "notes.docx")).toHaveCount(0);
    await shot(page, "add-jobs");

    // 5. Paste text: empty fields are refused with field errors; then it is ingested like a file.
    const paste = page.getByRole("form", { name: "Paste text" });
    await paste.getByRole("button", { name: "Add text" }).click();
    await expect(paste.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
    await expect(paste.getByLabel("Title")).toHaveAccessibleDescription("Give the text a title");
    await expect(paste.getByLabel("Text", { exact: true })).toHaveAccessibleDescription(/The text is empty/);
    await expect(paste.getByLabel("Title")).toBeFocused();
    const pasteTitle = `Holiday opening hours ${pasteWord}`;
    await paste.getByLabel("Title").fill(pasteTitle);
    await paste.getByLabel("Format").selectOption("text");
    await paste
      .getByLabel("Text", { exact: true })
      .fill(`All ${pasteWord} stores close at 16:00 on 24 December and stay closed on 25 and 26 December.`);
    await paste.getByLabel(/^Tags/).fill("e2e, hours");
    await paste.getByRole("button", { name: "Add text" }).click();
    const pasted = jobRow(page, pasteTitle);
    await expect(pasted).toHaveAttribute("data-state", "succeeded", { timeout: 30_000 });
    await expect(pasted.getByTestId("job-outcome")).toContainText("Created · version 1");
    await expect(paste.getByLabel("Title")).toHaveValue("");

    // 6. Search for a phrase from the uploaded document: it is the top hit, terms marked, with the "why".
    await openTab(page, "Search");
    let results = await search(page, `${word} gaiter gravel descents`);
    const top = results.getByRole("listitem").first();
    await expect(top.getByRole("heading", { level: 4 })).toHaveText(title);
    await expect(
      top
        .locator("mark")
        .filter({ hasText: new RegExp(`^${word}$`, "i") })
        .first(),
    ).toBeVisible();
    await expect(
      top
        .locator("mark")
        .filter({ hasText: /^gravel$/i })
        .first(),
    ).toBeVisible();
    const why = top.getByTestId("why-ranked");
    await expect(why).toContainText("fused score");
    await expect(why).toContainText("lexical #1, BM25");
    await expect(why).toContainText(/vector #\d+, cosine/);
    await shot(page, "search", { viewport: true });

    // 7. The hit opens the document at its passage, highlighted.
    await top.getByRole("link", { name: title }).click();
    await expect(page).toHaveURL(/\/knowledge\/[^/#?]+#chunk-/);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page).toHaveTitle(`${title} · Knowledge · Lectern`);
    const chunkId = decodeURIComponent(new URL(page.url()).hash.slice("#chunk-".length));
    const passage = page.locator(`[data-chunk-id="${chunkId}"]`);
    await expect(passage).toHaveAttribute("aria-current", "location");
    await expect(passage).toBeInViewport();
    await expect(passage.locator("mark").first()).toBeVisible();
    await expect(page.locator("main mark").filter({ hasText: word }).first()).toBeVisible();
    await expect(page.getByRole("navigation", { name: /Chunks/ }).locator('[aria-current="location"]')).toHaveCount(1);
    await expect(page.getByText(/^Chunk \d+ selected · characters/)).toBeVisible();
    await expect(page.getByText("version 2", { exact: false }).first()).toBeVisible();
    await shot(page, "document-passage", { viewport: true });

    // Another chunk from the list: the address and the highlight follow.
    const chunkLinks = page.getByRole("navigation", { name: /Chunks/ }).getByRole("link");
    expect(await chunkLinks.count()).toBeGreaterThan(1);
    const other = (await chunkLinks.first().getAttribute("aria-current")) ? chunkLinks.last() : chunkLinks.first();
    await other.click();
    await expect(other).toHaveAttribute("aria-current", "location");
    await expect(page).not.toHaveURL(new RegExp(`#chunk-${chunkId}$`));
    await expectAllControlsNamed(page);

    // 8. Delete it from the list, after a confirmation; search no longer finds it.
    await page.getByRole("link", { name: "Knowledge", exact: true }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Knowledge" })).toBeVisible();
    const row = page.getByRole("table", { name: "Knowledge documents" }).getByRole("row").filter({ hasText: title });
    await row.getByRole("button", { name: `Delete ${title}` }).click();
    const confirm = page.getByRole("alertdialog", { name: `Delete “${title}”?` });
    await expect(confirm.getByRole("button", { name: "Delete document" })).toBeFocused();
    await shot(page, "delete-confirm");
    // Escape cancels and gives focus back.
    await page.keyboard.press("Escape");
    await expect(confirm).toHaveCount(0);
    await expect(row.getByRole("button", { name: `Delete ${title}` })).toBeFocused();
    await row.getByRole("button", { name: `Delete ${title}` }).click();
    const [del] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "DELETE" && r.url().includes("/api/knowledge/documents/")),
      confirm.getByRole("button", { name: "Delete document" }).click(),
    ]);
    expect(del.status()).toBe(204);
    await expect(row).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 2, name: "Documents" })).toBeFocused();

    await openTab(page, "Search");
    results = await search(page, `${word} gaiter gravel descents`);
    await expect(page.getByRole("main").getByRole("link", { name: title })).toHaveCount(0);
    await expect(
      page
        .getByRole("main")
        .locator("mark")
        .filter({ hasText: new RegExp(`^${word}$`, "i") }),
    ).toHaveCount(0);
  });

  test("a marketer can browse and search but is not offered adding or deleting", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await signIn(page, USERS.marketer);

    // An unknown document is a real 404 with the not-found page.
    const missing = await page.goto("/knowledge/doc_does_not_exist");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "We couldn't find that page" })).toBeVisible();

    await page.goto("/knowledge?tab=add");
    await expect(page.getByRole("heading", { level: 1, name: "Knowledge" })).toBeVisible();
    const tabs = page.getByRole("tablist", { name: "Knowledge sections" }).getByRole("tab");
    await expect(tabs).toHaveText(["Documents", "Search"]);
    // ?tab=add falls back to the documents.
    await expect(tabs.first()).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("form", { name: "Upload files" })).toHaveCount(0);
    await expect(page.getByRole("form", { name: "Paste text" })).toHaveCount(0);

    // The demo knowledge base is seeded: the boot product sheet is listed, without delete buttons.
    const table = page.getByRole("table", { name: "Knowledge documents" });
    await expect(table.getByRole("row").filter({ hasText: "Trailhead Boot" }).first()).toBeVisible();
    await expect(page.getByRole("main").getByRole("button", { name: /^Delete / })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add documents" })).toHaveCount(0);
    await expectAllControlsNamed(page);
    await shot(page, "documents-marketer");

    // The API refuses writes too.
    await expectApiError(
      await page.request.post("/api/knowledge/documents", {
        headers: { "content-type": "application/json" },
        data: { title: "Sneaky", text: "Not allowed." },
      }),
      403,
      "forbidden:editor",
    );

    // Search works. A tag filter nothing has gives the empty state.
    await openTab(page, "Search");
    const form = page.getByRole("search", { name: "Search the knowledge base" });
    await form.getByLabel("Only tags").fill("no-such-tag");
    await search(page, "resole leather boots");
    await expect(page.getByRole("heading", { name: "No passages found" })).toBeVisible();

    // A lexical query finds the boot sheet.
    await form.getByLabel("Only tags").fill("");
    await form.getByLabel("Mode", { exact: true }).selectOption("lexical");
    const results = await search(page, "resole leather boots");
    const top = results.getByRole("listitem").first();
    await expect(top.getByRole("heading", { level: 4 })).toContainText("Trailhead Boot");
    await expect(top.locator("mark").first()).toBeVisible();
    await expect(top.getByTestId("why-ranked")).toContainText("lexical #1, BM25");
    await expect(top.getByTestId("why-ranked")).not.toContainText("fused score");
    await shot(page, "search-marketer");

    // Dark mode: the results, then the document opened at the hit's passage (no Delete for a marketer).
    await page.getByRole("button", { name: "User menu" }).click();
    await page.getByRole("menuitemradio", { name: "Dark" }).click();
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    await page.keyboard.press("Escape");
    await top.scrollIntoViewIfNeeded();
    await shot(page, "search-dark", { viewport: true });
    await top.getByRole("heading", { level: 4 }).getByRole("link").click();
    await expect(page).toHaveURL(/#chunk-/);
    const passage = page.locator('[data-chunk-id][aria-current="location"]');
    await expect(passage).toBeInViewport();
    await expect(passage.locator("mark").first()).toBeVisible();
    await expect(page.getByRole("main").getByRole("button", { name: "Delete" })).toHaveCount(0);
    await shot(page, "document-dark", { viewport: true });
  });
  test("an admin changes the chunking settings, validated before saving", async ({ page }) => {
    await signIn(page, USERS.admin);
    await page.goto("/knowledge?tab=settings");
    const tab = page.getByRole("tab", { name: "Settings", exact: true });
    await expect(tab).toHaveAttribute("aria-selected", "true");
    const form = page.getByRole("form", { name: "Knowledge settings" });
    await expect(form).toContainText("lexical-hash-v1");
    const size = form.getByLabel("Chunk size (characters)");
    const overlap = form.getByLabel("Overlap (characters)");
    const before = { size: await size.inputValue(), overlap: await overlap.inputValue() };

    await size.fill("1000");
    await overlap.fill("600");
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(overlap).toHaveAttribute("aria-invalid", "true");
    await expect(overlap).toHaveAccessibleDescription(/less than half the target size/);
    await expect(overlap).toBeFocused();

    await overlap.fill("120");
    const [put] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "PUT" && r.url().endsWith("/api/knowledge/settings")),
      form.getByRole("button", { name: "Save settings" }).click(),
    ]);
    expect(put.status()).toBe(200);
    await expect(form.getByText(/^Saved\./)).toBeVisible();
    await shot(page, "settings");
    await page.reload();
    await expect(
      page.getByRole("form", { name: "Knowledge settings" }).getByLabel("Chunk size (characters)"),
    ).toHaveValue("1000");

    // Back to what it was, so later ingests chunk as before.
    await size.fill(before.size);
    await overlap.fill(before.overlap);
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(form.getByText(/^Saved\./)).toBeVisible();
  });
});
