import { describe, expect, it } from "vitest";
import { GoogleRsaContent } from "@/lib/schemas/drafts";
import { googleRsaModule, validateGoogleRsa } from "./google-rsa";
import { ascii, codes, CTX, ctx } from "./test-helpers";

const HEADLINES = ["Waterproof hiking boots", "Lifetime warranty", "Free delivery in the EU", "Built for wet trails"];

function ad(overrides: Partial<GoogleRsaContent> = {}): GoogleRsaContent {
  return {
    format: "google_rsa",
    headlines: HEADLINES.map((text) => ({ text, pin: null })),
    descriptions: [
      { text: "Gore-Tex lining keeps feet dry for up to 8 hours of rain.", pin: null },
      { text: "Every pair comes with a 2-year warranty on seams and soles.", pin: null },
    ],
    path1: "boots",
    path2: "waterproof",
    finalUrl: "https://www.northwind.example",
    ...overrides,
  };
}

const errors = (c: GoogleRsaContent) => codes(validateGoogleRsa(c, CTX), "error");
const warnings = (c: GoogleRsaContent) => codes(validateGoogleRsa(c, CTX), "warning");

describe("google_rsa toContent", () => {
  it("trims, drops empty and duplicate strings, leaves pins null and sets the final URL", async () => {
    const c = await googleRsaModule.toContent(
      {
        headlines: ["  Lifetime warranty ", "", "lifetime  WARRANTY", "Boots\nfor hikers", "   "],
        descriptions: ["One.", " One. ", "Two."],
        path1: " boots ",
        path2: "",
      },
      ctx({ siteUrl: "https://www.northwind.example/" }),
    );
    expect(c.headlines).toEqual([
      { text: "Lifetime warranty", pin: null },
      { text: "Boots for hikers", pin: null },
    ]);
    expect(c.descriptions.map((d) => d.text)).toEqual(["One.", "Two."]);
    expect(c.path1).toBe("boots");
    expect(c.finalUrl).toBe("https://www.northwind.example");
    expect(GoogleRsaContent.safeParse(c).success).toBe(true);
  });

  it("keeps at most 15 headlines and 4 descriptions (the stored shape) and uses an empty final URL without a site", async () => {
    const c = await googleRsaModule.toContent(
      {
        headlines: Array.from({ length: 20 }, (_, i) => `Headline number ${i + 1}`),
        descriptions: ["A.", "B.", "C.", "D.", "E."],
        path1: "",
        path2: "",
      },
      ctx({ siteUrl: null }),
    );
    expect(c.headlines).toHaveLength(15);
    expect(c.headlines[14]?.text).toBe("Headline number 15");
    expect(c.descriptions).toHaveLength(4);
    expect(c.finalUrl).toBe("");
  });

  it("does not cut over-long text (validation flags it)", async () => {
    const long = ascii(40);
    const c = await googleRsaModule.toContent({ headlines: [long], descriptions: [], path1: "", path2: "" }, CTX);
    expect(c.headlines[0]?.text).toBe(long);
  });
});

describe("google_rsa validate", () => {
  it("accepts a valid ad", () => {
    expect(validateGoogleRsa(ad(), CTX)).toEqual([]);
  });

  it("limits headlines to 30 display characters (31 is an error; 15 CJK characters are 30)", () => {
    expect(errors(ad({ headlines: [...ad().headlines.slice(0, 3), { text: ascii(30), pin: null }] }))).toEqual([]);
    const c = ad({ headlines: [...ad().headlines.slice(0, 3), { text: ascii(31), pin: null }] });
    const found = validateGoogleRsa(c, CTX).filter((i) => i.code === "headline_too_long");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field: "headlines[3].text", level: "error" });
    expect(found[0]?.message).toContain("31");

    const cjk15 = "防水登山靴防水登山靴防水登山靴";
    expect(errors(ad({ headlines: [...ad().headlines.slice(0, 3), { text: cjk15, pin: null }] }))).toEqual([]);
    const cjk16 = validateGoogleRsa(
      ad({ headlines: [...ad().headlines.slice(0, 3), { text: `${cjk15}靴`, pin: null }] }),
      CTX,
    ).find((i) => i.code === "headline_too_long");
    expect(cjk16?.message).toContain("32 characters (double-width characters count 2)");
  });

  it("limits descriptions to 90 and needs 2–4 of them", () => {
    const d = (text: string) => ({ text, pin: null });
    expect(errors(ad({ descriptions: [d(ascii(90)), d("Two.")] }))).toEqual([]);
    expect(errors(ad({ descriptions: [d(ascii(91)), d("Two.")] }))).toEqual(["description_too_long"]);
    expect(errors(ad({ descriptions: [d("One.")] }))).toEqual(["description_count"]);
    expect(errors(ad({ descriptions: ["1", "2", "3", "4", "5"].map(d) }))).toEqual(["description_count"]);
  });

  it("needs 3–15 headlines", () => {
    const h = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ text: `Distinct ${"abcdefghijklmnopq"[i]} line`, pin: null }));
    expect(errors(ad({ headlines: h(3) }))).toEqual([]);
    expect(errors(ad({ headlines: h(2) }))).toEqual(["headline_count"]);
    expect(errors(ad({ headlines: h(15) }))).toEqual([]);
    expect(errors(ad({ headlines: h(16) }))).toEqual(["headline_count"]);
  });

  it("limits display paths to 15 characters without '/' or line breaks", () => {
    expect(errors(ad({ path1: ascii(15), path2: ascii(15) }))).toEqual([]);
    expect(validateGoogleRsa(ad({ path1: ascii(16) }), CTX)).toContainEqual(
      expect.objectContaining({ field: "path1", code: "path_too_long", level: "error" }),
    );
    expect(validateGoogleRsa(ad({ path2: "boots/men" }), CTX)).toContainEqual(
      expect.objectContaining({ field: "path2", code: "path_slash", level: "error" }),
    );
    expect(errors(ad({ path1: "boots\nmen" }))).toContain("path_newline");
    expect(errors(ad({ path1: "", path2: "men" }))).toEqual(["path2_without_path1"]);
    expect(errors(ad({ path1: "防水登山靴防水登" }))).toEqual(["path_too_long"]);
  });

  it("allows headline pins 1–3 and description pins 1–2 only", () => {
    const pinned = ad();
    pinned.headlines[0] = { text: HEADLINES[0] as string, pin: 3 };
    pinned.descriptions[0] = { text: "Dry feet.", pin: 2 };
    expect(errors(pinned)).toEqual([]);

    const bad = ad();
    bad.headlines[1] = { text: HEADLINES[1] as string, pin: 4 };
    bad.descriptions[1] = { text: "Dry feet.", pin: 3 };
    bad.descriptions[0] = { text: "Warm feet.", pin: 0 };
    const found = validateGoogleRsa(bad, CTX).filter((i) => i.code === "pin_out_of_range");
    expect(found.map((i) => i.field)).toEqual(["headlines[1].pin", "descriptions[0].pin", "descriptions[1].pin"]);
    expect(found.every((i) => i.level === "error")).toBe(true);
  });

  it("warns when every headline is pinned, not when only some are", () => {
    const all = ad({ headlines: HEADLINES.slice(0, 3).map((text, i) => ({ text, pin: i + 1 })) });
    expect(warnings(all)).toEqual(["all_headlines_pinned"]);
    const some = ad({ headlines: HEADLINES.map((text, i) => ({ text, pin: i === 0 ? 1 : null })) });
    expect(warnings(some)).toEqual([]);
  });

  it("warns about near-duplicate headlines, naming both", () => {
    const c = ad({
      headlines: ["Lifetime warranty", "Waterproof hiking boots", "Free delivery", "Lifetime Warranty!"].map(
        (text) => ({
          text,
          pin: null,
        }),
      ),
    });
    const found = validateGoogleRsa(c, CTX).filter((i) => i.code === "near_duplicate_headline");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field: "headlines[3].text", level: "warning" });
    expect(found[0]?.message).toMatch(/Headlines 1 and 4/);
  });

  it("flags empty headlines and a missing or relative final URL", () => {
    const c = ad();
    c.headlines[2] = { text: "  ", pin: null };
    expect(errors(c)).toEqual(["headline_empty"]);
    expect(warnings(ad({ finalUrl: "" }))).toEqual(["final_url_missing"]);
    expect(errors(ad({ finalUrl: "/boots" }))).toEqual(["final_url_invalid"]);
  });
});

describe("google_rsa fields", () => {
  it("lists headlines, descriptions and paths in order and writes them back", async () => {
    const c = ad();
    const fields = googleRsaModule.fields(c);
    expect(fields.map((f) => f.path)).toEqual([
      "headlines[0].text",
      "headlines[1].text",
      "headlines[2].text",
      "headlines[3].text",
      "descriptions[0].text",
      "descriptions[1].text",
      "path1",
      "path2",
    ]);
    expect(fields[2]).toEqual({ path: "headlines[2].text", label: "Headline 3", text: HEADLINES[2] });
    const texts = fields.map((f) => f.text.toUpperCase());
    c.headlines[0] = { text: HEADLINES[0] as string, pin: 1 };
    const next = await googleRsaModule.withFields(c, texts, CTX);
    expect(next.headlines[0]).toEqual({ text: "WATERPROOF HIKING BOOTS", pin: 1 });
    expect(next.path2).toBe("WATERPROOF");
    expect(c.headlines[1]?.text).toBe("Lifetime warranty"); // the input is not mutated
    await expect(googleRsaModule.withFields(c, texts.slice(1), CTX)).rejects.toThrow(/expected 8 texts/);
  });

  it("skips empty paths and titles the ad by its first headline", () => {
    expect(googleRsaModule.fields(ad({ path2: "" })).map((f) => f.path)).not.toContain("path2");
    expect(googleRsaModule.title(ad())).toBe("Waterproof hiking boots");
    expect(googleRsaModule.title(ad({ headlines: [] }))).toBe("Google responsive search ad");
  });
});

describe("fitPath", () => {
  it("turns spaces into hyphens and cuts a long slug back to whole parts", async () => {
    const { fitPath } = await import("./google-rsa");
    expect(fitPath("hiking boots")).toBe("hiking-boots");
    expect(fitPath("summit-45-backpack")).toBe("summit-45");
    expect(fitPath("exactly-15-char")).toBe("exactly-15-char");
    // Nothing that fits: left alone for validation to flag.
    expect(fitPath("supercalifragilistic")).toBe("supercalifragilistic");
    expect(fitPath("a/b")).toBe("a/b");
  });
});
