import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { BrandVoiceOut, CheckResult } from "@/lib/schemas/brand";
import { PROVIDERS } from "@/server/testing/databases";
import { makeWorkspace, useTestDb } from "@/server/testing/fixtures";
import { NORTHWIND_BRAND_VOICE } from "@/server/features/demo/brand-voice";
import { checkCopy, exportBrandStyle, getBrand, listBrandVersions, saveBrand } from "./service";

describe.each(PROVIDERS)("brand voice and governed checks on %s", (provider) => {
  const getDb = useTestDb(provider);

  it("starts from defaults, saves versions, refuses a stale save and non-admins", async (ctx) => {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db);
    const admin = w.ctxFor("admin");
    const first = BrandVoiceOut.parse(await getBrand(admin));
    expect(first).toMatchObject({ version: 0, updatedAt: null });
    const saved = await saveBrand(admin, { voice: NORTHWIND_BRAND_VOICE, baseVersion: 0, note: "brand book" });
    expect(saved).toMatchObject({ version: 1, note: "brand book", updatedBy: admin.actor.label });
    expect(saved.rules.map((r) => r.check)).toEqual(expect.arrayContaining(["Brand.Terms", "Brand.DisclaimerVat"]));
    await expect(saveBrand(admin, { voice: NORTHWIND_BRAND_VOICE, baseVersion: 0 })).rejects.toMatchObject({
      code: "conflict:brand_version",
    });
    await expect(saveBrand(w.ctxFor("editor"), { voice: {}, baseVersion: 1 })).rejects.toMatchObject({
      kind: "forbidden",
    });
    expect((await saveBrand(admin, { voice: {}, baseVersion: 1 })).version).toBe(2);
    expect((await listBrandVersions(admin)).items.map((v) => v.version)).toEqual([2, 1]);
    expect(await db.auditEvent.count({ where: { workspaceId: w.ws.id, action: "brand.voice.saved" } })).toBe(2);
  });

  it("checks copy: alerts with spans and fixes, triggered disclaimers, score and verdict", async (ctx) => {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db);
    await saveBrand(w.ctxFor("admin"), {
      voice: NORTHWIND_BRAND_VOICE,
      policy: { autoApproveMinScore: 90 },
      baseVersion: 0,
    });
    const marketer = w.ctxFor("marketer");
    const text = "The ultralight summit 45 costs €149. Shop now!";
    const r = CheckResult.parse(await checkCopy(marketer, { text, channel: "email" }));
    const byCheck = Object.fromEntries(r.alerts.map((a) => [a.check, a]));
    expect(byCheck["Brand.Terms"]).toMatchObject({ match: "ultralight", fix: "lightweight", category: "terminology" });
    expect(byCheck["Brand.ProductNames"]).toMatchObject({ match: "summit 45", fix: "Summit 45", level: "error" });
    expect(byCheck["Brand.DisclaimerVat"]).toMatchObject({ match: "€149", level: "error", category: "claims" });
    const vat = byCheck["Brand.DisclaimerVat"]!;
    expect(text.slice(vat.start, vat.end)).toBe("€149");
    expect(r.verdict).toBe("needs_review");
    expect(r.autoApprove).toBe(false);
    expect(r.score.categories.claims).toBeLessThan(100);

    const clean = await checkCopy(marketer, {
      text: "The Summit 45 is water-resistant and costs €149. Prices include VAT.",
      channel: "email",
    });
    expect(clean.alerts.filter((a) => a.level === "error")).toEqual([]);
    expect(clean.verdict).toBe("pass");
    // The same copy as an ad needs no VAT line (the disclaimer is for emails and pages).
    const ad = await checkCopy(marketer, { text: "The Summit 45 costs €149.", channel: "ad" });
    expect(ad.alerts.map((a) => a.check)).not.toContain("Brand.DisclaimerVat");
  });

  it("exports the voice as a Vale style folder", async (ctx) => {
    const { db } = getDb(ctx);
    const w = await makeWorkspace(db);
    await saveBrand(w.ctxFor("admin"), { voice: NORTHWIND_BRAND_VOICE, baseVersion: 0 });
    const files = unzipSync(await exportBrandStyle(w.ctxFor("marketer")));
    expect(Object.keys(files)).toEqual(expect.arrayContaining([".vale.ini", "styles/Brand/Terms.yml"]));
    expect(strFromU8(files[".vale.ini"]!)).toContain("BasedOnStyles = Brand");
    expect(strFromU8(files["styles/Brand/Terms.yml"]!)).toContain("extends: substitution");
  });
});
