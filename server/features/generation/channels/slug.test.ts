import { describe, expect, it } from "vitest";
import { SEO_PAGE_LIMITS } from "./limits";
import { slugify } from "./slug";

describe("slugify", () => {
  it("folds to lower-case ASCII with single hyphens", () => {
    expect(slugify("Crème Brûlée & Co: 10 Tips!")).toBe("creme-brulee-and-co-10-tips");
    expect(slugify("  Straße nach Øresund — Œuvres  ")).toBe("strasse-nach-oresund-oeuvres");
    expect(slugify("Don't Panic")).toBe("dont-panic");
    expect(slugify("--Hello___World--")).toBe("hello-world");
  });

  it("cuts at a hyphen to stay within 80 characters", () => {
    const title = "word ".repeat(40);
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.length).toBeGreaterThan(70);
    expect(slug).toMatch(SEO_PAGE_LIMITS.slugPattern);
    expect(slug.endsWith("-word") || slug === "word").toBe(true);
    expect(slugify("a".repeat(100))).toBe("a".repeat(80));
  });

  it("is never empty", () => {
    expect(slugify("")).toBe("page");
    expect(slugify("!!!")).toMatch(/^page-[0-9a-f]{8}$/);
    const cjk = slugify("防水ブーツのガイド");
    expect(cjk).toMatch(/^page-[0-9a-f]{8}$/);
    expect(slugify("防水ブーツのガイド")).toBe(cjk);
    expect(slugify("別のタイトル")).not.toBe(cjk);
  });
});
