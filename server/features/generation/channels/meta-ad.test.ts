import { describe, expect, it } from "vitest";
import { MetaAdContent } from "@/lib/schemas/drafts";
import { metaAdModule, validateMetaAd } from "./meta-ad";
import { ascii, codes, CTX, ctx } from "./test-helpers";

const variant = (
  primaryText = "Dry feet on every trail.",
  headline = "Waterproof hiking boots",
  description = "Free EU delivery",
) => ({
  primaryText,
  headline,
  description,
});

function meta(variants = [variant()], finalUrl = "https://www.northwind.example"): MetaAdContent {
  return { format: "meta_ad", variants, finalUrl };
}

describe("meta_ad toContent", () => {
  it("trims, drops empty and duplicate variants, keeps at most 5 and sets the link", async () => {
    const c = await metaAdModule.toContent(
      {
        variants: [
          { primaryText: "  Line one\nLine two  ", headline: " Boots ", description: "Free\ndelivery" },
          { primaryText: "line one\nline two", headline: "boots", description: "free delivery" },
          { primaryText: " ", headline: "", description: "" },
          ...Array.from({ length: 6 }, (_, i) => variant(`Text ${i}`)),
        ],
      },
      ctx(),
    );
    expect(c.variants[0]).toEqual({
      primaryText: "Line one\nLine two",
      headline: "Boots",
      description: "Free delivery",
    });
    expect(c.variants).toHaveLength(5);
    expect(c.variants[1]?.primaryText).toBe("Text 0");
    expect(c.finalUrl).toBe("https://www.northwind.example");
    expect(MetaAdContent.safeParse(c).success).toBe(true);
  });
});

describe("meta_ad validate", () => {
  it("accepts a variant within the guidance", () => {
    expect(validateMetaAd(meta(), CTX)).toEqual([]);
  });

  it("warns above 125 characters of primary text and errors above 2,200", () => {
    expect(validateMetaAd(meta([variant(ascii(125))]), CTX)).toEqual([]);
    const truncated = validateMetaAd(meta([variant(ascii(126))]), CTX);
    expect(truncated).toEqual([
      expect.objectContaining({ field: "variants[0].primaryText", level: "warning", code: "primary_text_truncated" }),
    ]);
    expect(codes(validateMetaAd(meta([variant(ascii(2200))]), CTX))).toEqual(["primary_text_truncated"]);
    expect(validateMetaAd(meta([variant(ascii(2201))]), CTX)).toEqual([
      expect.objectContaining({ level: "error", code: "primary_text_too_long" }),
    ]);
  });

  it("warns when the headline passes 40 and the description 30 characters", () => {
    expect(validateMetaAd(meta([variant("Text", ascii(40), ascii(30))]), CTX)).toEqual([]);
    const found = validateMetaAd(meta([variant("Text", ascii(41), ascii(31))]), CTX);
    expect(found.map((i) => [i.field, i.level, i.code])).toEqual([
      ["variants[0].headline", "warning", "headline_long"],
      ["variants[0].description", "warning", "description_long"],
    ]);
  });

  it("errors on more than 5 variants, none, or an empty primary text", () => {
    expect(codes(validateMetaAd(meta(Array.from({ length: 5 }, () => variant())), CTX), "error")).toEqual([]);
    expect(codes(validateMetaAd(meta(Array.from({ length: 6 }, () => variant())), CTX), "error")).toEqual([
      "variant_count",
    ]);
    expect(codes(validateMetaAd(meta([]), CTX), "error")).toEqual(["variant_count"]);
    expect(codes(validateMetaAd(meta([variant("  ")]), CTX), "error")).toEqual(["primary_text_empty"]);
  });

  it("warns without a link", () => {
    expect(codes(validateMetaAd(meta([variant()], ""), CTX))).toEqual(["final_url_missing"]);
  });
});

describe("meta_ad fields", () => {
  it("lists each variant's texts in reading order and writes them back", async () => {
    const c = meta([variant("P1", "H1", "D1"), variant("P2", "H2", "D2")]);
    const fields = metaAdModule.fields(c);
    expect(fields.map((f) => `${f.path}=${f.text}`)).toEqual([
      "variants[0].primaryText=P1",
      "variants[0].headline=H1",
      "variants[0].description=D1",
      "variants[1].primaryText=P2",
      "variants[1].headline=H2",
      "variants[1].description=D2",
    ]);
    expect(fields[4]?.label).toBe("Variant 2 headline");
    const next = await metaAdModule.withFields(c, ["a", "b", "c", "d", "e", "f"], CTX);
    expect(next.variants).toEqual([variant("a", "b", "c"), variant("d", "e", "f")]);
    expect(metaAdModule.title(next)).toBe("b");
  });
});
