import { describe, expect, it } from "vitest";
import { BatchOut } from "@/lib/schemas/batches";
import { DraftDetail } from "@/lib/schemas/drafts";
import { PROVIDERS, ROOT } from "@/server/testing/databases";
import { makeWorkspace, useTestDb } from "@/server/testing/fixtures";
import { seedDemoKnowledge } from "@/server/features/demo/knowledge-seed";
import { createJobRunner } from "@/server/jobs/runner";
import type { Db } from "@/server/db/client";
import {
  BATCH_JOB,
  controlBatch,
  createBatch,
  getBatch,
  linkBatchPages,
  previewCsv,
  runBatchJob,
  type BatchDeps,
} from "./batch";
import { makePipelineDeps } from "./testing";

const enc = (s: string) => new TextEncoder().encode(s);

const CSV = `product,city,notes
Summit 45 backpack,Munich,"two-line
note"
Ridgeline 2 tent,Hamburg,
Stormline jacket,Berlin,rain
Trailhead boot,,missing city
Trailhead boot,Cologne,extra,cell
`;

const SPEC = {
  template: {
    brief: "Landing page about the {{product}} for hikers near {{city}}.",
    slug: "{{product}}-{{city}}",
  },
  mapping: { product: "product", city: "city" },
};

describe.each(PROVIDERS)("programmatic SEO batches on %s", (provider) => {
  const getDb = useTestDb(provider);

  async function setup(ctx: Parameters<typeof getDb>[0]) {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db);
    const { deps, kb } = makePipelineDeps(db);
    await seedDemoKnowledge(kb, w.ws.id, ROOT);
    const bdeps: BatchDeps = { ...deps, maxRows: 100, kick: () => {}, progressEvery: 1 };
    const drain = () =>
      createJobRunner({ db, handlers: { [BATCH_JOB]: (job, ctl) => runBatchJob(bdeps, job, ctl) } }).drain();
    return { db, w, bdeps, drain, marketer: w.ctxFor("marketer") };
  }

  it("previews a CSV and refuses bad ones with a readable reason", () => {
    const p = previewCsv(enc(CSV), 100);
    expect(p).toMatchObject({ columns: ["product", "city", "notes"], rowCount: 5 });
    expect(p.sample[0]).toMatchObject({ product: "Summit 45 backpack", notes: "two-line\nnote" });
    expect(p.problems).toEqual(["Row 5 has 4 cells, the header has 3."]);
    expect(previewCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...enc("a,b\n1,2\n")]), 100).columns).toEqual(["a", "b"]);
    expect(() => previewCsv(new Uint8Array([0x61, 0x2c, 0xe9, 0x0a]), 100)).toThrow(/not UTF-8/);
    expect(() => previewCsv(enc("a,b\n" + "1,2\n".repeat(101)), 100)).toThrow(/more than 100 rows/);
    expect(() => previewCsv(enc("a,a\n1,2\n"), 100)).toThrow(/twice/);
    expect(() => previewCsv(enc("a,b\n"), 100)).toThrow(/no rows/);
  });

  it("refuses a mapping that does not fit the template or the CSV, before anything is stored", async (ctx) => {
    const { db, marketer, bdeps, w } = await setup(ctx);
    const file = { name: "pages.csv", bytes: enc(CSV) };
    await expect(
      createBatch(bdeps, marketer, file, { ...SPEC, mapping: { product: "product" } }),
    ).rejects.toMatchObject({
      code: "validation:batch_mapping",
      message: expect.stringContaining("{{city}}"),
    });
    await expect(
      createBatch(bdeps, marketer, file, { ...SPEC, mapping: { product: "product", city: "town" } }),
    ).rejects.toMatchObject({ message: expect.stringContaining("“town”, which the CSV does not have") });
    expect(await db.batch.count({ where: { workspaceId: w.ws.id } })).toBe(0);
  });

  it("generates one page per row, fails bad rows on their own, links pages, and never duplicates on resume", async (ctx) => {
    const { db, marketer, bdeps, drain } = await setup(ctx);
    const created = BatchOut.parse(await createBatch(bdeps, marketer, { name: "pages.csv", bytes: enc(CSV) }, SPEC));
    expect(created).toMatchObject({ status: "queued", total: 5, failed: 1, pending: 4 });

    // A worker dies after the first row: its progress report throws, as a lost lease does.
    const job = await db.job.findFirstOrThrow({ where: { kind: BATCH_JOB } });
    let rows = 0;
    await expect(
      runBatchJob(bdeps, { ...job, status: "running", payload: job.payload } as never, {
        signal: new AbortController().signal,
        blob: async () => null,
        progress: async () => {
          if (++rows >= 1) throw new Error("lease lost");
        },
      }),
    ).rejects.toThrow("lease lost");
    expect(await db.draft.count({ where: { batchId: created.id } })).toBe(1);

    await drain();
    const b = await getBatch(db as Db, marketer.workspaceId, created.id);
    expect(b).toMatchObject({ status: "completed", pending: 0, total: 5 });
    expect(b.done + b.flagged).toBe(3);
    expect(b.failed).toBe(2);
    expect(b.errors.map((e) => e.row)).toEqual([4, 5]);
    expect(b.errors[0]!.error).toContain("“city” is empty");
    const drafts = await db.draft.findMany({ where: { batchId: created.id }, orderBy: { rowIndex: "asc" } });
    expect(drafts.map((d) => d.rowIndex)).toEqual([0, 1, 2]);
    expect(drafts.map((d) => d.slug)).toEqual([
      "summit-45-backpack-munich",
      "ridgeline-2-tent-hamburg",
      "stormline-jacket-berlin",
    ]);
    const content = drafts[0]!.content as { internalLinks: { slug: string }[] };
    expect(content.internalLinks.length).toBeGreaterThan(0);
    expect(content.internalLinks.map((l) => l.slug)).not.toContain("summit-45-backpack-munich");
    // Linking again with a threshold every pair passes flags them all as near-duplicates: the
    // queue's flag kinds (column and rows) follow the flags.
    await linkBatchPages(db as Db, created.id, { threshold: 0 });
    const relinked = await db.draft.findMany({ where: { batchId: created.id }, orderBy: { rowIndex: "asc" } });
    for (const d of relinked) {
      expect(d.flagKinds).toContain(",duplicate,");
      const flags = DraftDetail.shape.record.parse(d.record).flags;
      const kinds = [...new Set(flags.map((f) => f.kind))].sort();
      expect(d.flagKinds).toBe(kinds.length ? `,${kinds.join(",")},` : "");
      const rows = await db.draftFlagKind.findMany({ where: { draftId: d.id }, orderBy: { kind: "asc" } });
      expect(rows.map((r) => [r.kind, r.count])).toEqual(
        kinds.map((k) => [k, flags.filter((f) => f.kind === k).length]),
      );
    }
  });

  it("builds each page's JSON-LD for the template's type from its CSV row", async (ctx) => {
    const { db, marketer, bdeps, drain } = await setup(ctx);
    const csv = `product,town,price,currency,sku
Summit 45 backpack,Munich,129.00,EUR,NW-S45
Ridgeline 2 tent,Hamburg,,,
`;
    const spec = {
      template: {
        ...SPEC.template,
        brief: "Landing page about the {{product}} for hikers near {{city}}.",
        jsonLdType: "Product",
      },
      mapping: { product: "product", city: "town" },
    };
    const created = BatchOut.parse(await createBatch(bdeps, marketer, { name: "shop.csv", bytes: enc(csv) }, spec));
    await drain();
    const drafts = await db.draft.findMany({ where: { batchId: created.id }, orderBy: { rowIndex: "asc" } });
    expect(drafts).toHaveLength(2);
    const [priced, bare] = drafts.map((d) => DraftDetail.shape.record.parse(d.record));
    const pricedLd = JSON.stringify((drafts[0]!.content as { jsonLd: unknown }).jsonLd);
    expect(pricedLd).toContain('"price":"129.00"');
    expect(pricedLd).toContain('"sku":"NW-S45"');
    // The mapped variables count under their own names too ({{city}} from the column "town").
    expect(priced!.pageData).toMatchObject({
      product: "Summit 45 backpack",
      city: "Munich",
      town: "Munich",
      price: "129.00",
    });
    expect(priced!.jsonLd).toMatchObject({ type: "Product", valid: true });
    expect(bare!.jsonLd).toMatchObject({ type: "Product", valid: false });
    expect(bare!.flags.map((f) => f.ruleId)).toContain("google.product.offers-or-review-or-rating");
    expect(drafts[1]!.verdict).toBe("needs_review");
    const b = await getBatch(db as Db, marketer.workspaceId, created.id);
    expect(b.flagged).toBeGreaterThanOrEqual(1);
  });

  it("pauses, resumes and cancels; a page whose slug is taken fails its row", async (ctx) => {
    const { db, marketer, bdeps, drain } = await setup(ctx);
    const csv = "product,city\nSummit 45 backpack,Munich\nSummit 45 backpack,Munich\nRidgeline 2 tent,Bonn\n";
    const b = await createBatch(bdeps, marketer, { name: "p.csv", bytes: enc(csv) }, SPEC);
    expect((await controlBatch(bdeps, marketer, b.id, "pause")).status).toBe("paused");
    await drain();
    expect(await db.draft.count({ where: { batchId: b.id } })).toBe(0);
    await expect(controlBatch(bdeps, marketer, b.id, "pause")).rejects.toMatchObject({ code: "conflict:batch_state" });
    expect((await controlBatch(bdeps, marketer, b.id, "resume")).status).toBe("queued");
    await drain();
    const done = await getBatch(db as Db, marketer.workspaceId, b.id);
    expect(done.status).toBe("completed");
    expect(done.failed).toBe(1);
    expect(done.errors[0]!.error).toMatch(/Row 2: Another page already uses the slug “summit-45-backpack-munich”/);
    await expect(controlBatch(bdeps, marketer, b.id, "cancel")).rejects.toMatchObject({ code: "conflict:batch_state" });
  });
});
