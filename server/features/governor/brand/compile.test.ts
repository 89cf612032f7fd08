import { describe, expect, it } from "vitest";
import { BrandVoice } from "@/lib/schemas/brand";
import { NORTHWIND_BRAND_VOICE } from "@/server/features/demo/brand-voice";
import { configFromObject, lint } from "../engine";
import { compileBrandVoice, literal } from "./compile";

const voice = BrandVoice.parse(NORTHWIND_BRAND_VOICE);

function lintAs(channel: string, text: string) {
  const style = compileBrandVoice(voice);
  const config = configFromObject({ files: style.files, sections: style.sections });
  return lint(text, { format: "markdown", path: `draft.${channel}.md`, config });
}

describe("brand voice compiled to a Vale style", () => {
  it("loads without errors and writes one YAML file per rule", () => {
    const style = compileBrandVoice(voice);
    expect(Object.keys(style.files)).toEqual(
      expect.arrayContaining([
        "Brand/Terms.yml",
        "Brand/ProductNames.yml",
        "Brand/Claims.yml",
        "BrandAd/Exclamation.yml",
      ]),
    );
    expect(style.ini).toContain("[*.ad.*]\nBasedOnStyles = Brand, BrandAd");
    const r = lintAs("email", "Hello.");
    expect(r.errors).toEqual([]);
  });

  it("flags terminology, product names, banned words and claims with fixes", () => {
    const text = "Our ultralight summit 45 is totally waterproof and carbon neutral.";
    const { alerts } = lintAs("email", text);
    const checks = alerts.map((a) => `${a.Check}:${a.Match}`);
    expect(checks).toEqual(
      expect.arrayContaining([
        "Brand.Terms:ultralight",
        "Brand.ProductNames:summit 45",
        "Brand.Claims:totally waterproof",
        "Brand.BannedCarbonNeutral:carbon neutral",
      ]),
    );
    const names = alerts.find((a) => a.Check === "Brand.ProductNames")!;
    expect(names.Message).toBe("Write the name as 'Summit 45', not 'summit 45'.");
    expect(names.Severity).toBe("error");
    expect(text.slice(names.start, names.end)).toBe("summit 45");
    expect(alerts.find((a) => a.Check === "Brand.BannedCarbonNeutral")!.Message).toContain("We are not carbon neutral");
  });

  it("leaves correctly written names and preferred terms alone", () => {
    const { alerts } = lintAs("email", "The Summit 45 is water-resistant and made with recycled nylon.");
    expect(alerts.filter((a) => a.Check.startsWith("Brand.") && a.Check !== "Brand.ReadingLevel")).toEqual([]);
  });

  it("applies channel rules only to their channel", () => {
    const shout = "Rain or shine! Shop the Stormline Jacket now!";
    expect(lintAs("ad", shout).alerts.map((a) => a.Check)).toContain("BrandAd.Exclamation");
    expect(lintAs("email", shout).alerts.map((a) => a.Check)).not.toContain("BrandAd.Exclamation");
  });

  it("escapes phrases so they match literally", () => {
    expect(literal("100% waterproof")).toBe("100%\\s+waterproof");
    expect(literal("C++ (beta)")).toBe("C\\+\\+\\s+\\(beta\\)");
  });
});
