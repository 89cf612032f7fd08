import { describe, expect, it } from "vitest";
import type { GoogleRsaContent } from "@/lib/schemas/drafts";
import { GOOGLE_ADS_EDITOR_COLUMNS, adsJson, googleAdsEditorCsv } from "./google-rsa-export";
import { csvRecords } from "./test-helpers";

const content: GoogleRsaContent = {
  format: "google_rsa",
  headlines: [
    { text: "Waterproof hiking boots", pin: 1 },
    { text: '=HYPERLINK("http://x")', pin: null },
    { text: 'Say "hello", friend', pin: 2 },
  ],
  descriptions: [
    { text: "Dry feet,\nall day.", pin: null },
    { text: "-20% this week", pin: 2 },
  ],
  path1: "boots",
  path2: "",
  finalUrl: "https://www.northwind.example/boots",
};

describe("googleAdsEditorCsv", () => {
  const csv = googleAdsEditorCsv([{ campaign: "Spring", adGroup: "Boots, waterproof", content }]);

  it("writes the exact Google Ads Editor header row", () => {
    const header = csv.split("\r\n")[0];
    const expected = [
      "Campaign",
      "Ad group",
      "Ad type",
      ...Array.from({ length: 15 }, (_, i) => `Headline ${i + 1}`),
      ...Array.from({ length: 15 }, (_, i) => `Headline ${i + 1} position`),
      "Description 1",
      "Description 2",
      "Description 3",
      "Description 4",
      "Description 1 position",
      "Description 2 position",
      "Description 3 position",
      "Description 4 position",
      "Path 1",
      "Path 2",
      "Final URL",
    ];
    expect(header).toBe(expected.join(","));
    expect(GOOGLE_ADS_EDITOR_COLUMNS).toHaveLength(3 + 30 + 8 + 3);
  });

  it("puts values in the right columns and neutralises formulas", () => {
    const rows = csvRecords(csv);
    expect(rows).toHaveLength(1);
    const row = rows[0] as Record<string, string>;
    expect(row["Campaign"]).toBe("Spring");
    expect(row["Ad group"]).toBe("Boots, waterproof");
    expect(row["Ad type"]).toBe("Responsive search ad");
    expect(row["Headline 1"]).toBe("Waterproof hiking boots");
    expect(row["Headline 1 position"]).toBe("1");
    expect(row["Headline 2"]).toBe('\'=HYPERLINK("http://x")');
    expect(row["Headline 2 position"]).toBe("");
    expect(row["Headline 3"]).toBe('Say "hello", friend');
    expect(row["Headline 3 position"]).toBe("2");
    expect(row["Headline 4"]).toBe("");
    expect(row["Headline 15"]).toBe("");
    expect(row["Description 1"]).toBe("Dry feet,\nall day.");
    expect(row["Description 2"]).toBe("'-20% this week");
    expect(row["Description 2 position"]).toBe("2");
    expect(row["Path 1"]).toBe("boots");
    expect(row["Path 2"]).toBe("");
    expect(row["Final URL"]).toBe("https://www.northwind.example/boots");
  });

  it("quotes commas, quotes and line breaks (RFC 4180) with CRLF records", () => {
    expect(csv).toContain('"Boots, waterproof"');
    expect(csv).toContain('"\'=HYPERLINK(""http://x"")"');
    expect(csv).toContain('"Say ""hello"", friend"');
    expect(csv).toContain('"Dry feet,\nall day."');
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(3); // header, one row, trailing empty
    const lone = googleAdsEditorCsv([{ campaign: "a\rb", adGroup: "x", content: { ...content, path1: "p\nq" } }]);
    expect(lone).toContain('"a\rb"');
    expect(lone).toContain('"p\nq"');
  });

  it("writes one row per ad", () => {
    const two = googleAdsEditorCsv([
      { campaign: "A", adGroup: "1", content },
      { campaign: "B", adGroup: "2", content },
    ]);
    const rows = csvRecords(two);
    expect(rows.map((r) => r["Campaign"])).toEqual(["A", "B"]);
  });
});

describe("adsJson", () => {
  it("exports the Google Ads API shape with pinned fields, stable across key order", () => {
    const json = adsJson(content);
    expect(JSON.parse(json)).toEqual({
      type: "RESPONSIVE_SEARCH_AD",
      finalUrls: ["https://www.northwind.example/boots"],
      responsiveSearchAd: {
        headlines: [
          { text: "Waterproof hiking boots", pinnedField: "HEADLINE_1" },
          { text: '=HYPERLINK("http://x")' },
          { text: 'Say "hello", friend', pinnedField: "HEADLINE_2" },
        ],
        descriptions: [{ text: "Dry feet,\nall day." }, { text: "-20% this week", pinnedField: "DESCRIPTION_2" }],
        path1: "boots",
        path2: "",
      },
    });
    const reordered = {
      finalUrl: content.finalUrl,
      path2: content.path2,
      path1: content.path1,
      descriptions: content.descriptions.map((d) => ({ pin: d.pin, text: d.text })),
      headlines: content.headlines.map((h) => ({ pin: h.pin, text: h.text })),
      format: content.format,
    } as GoogleRsaContent;
    expect(adsJson(reordered)).toBe(json);
    expect(json.endsWith("}\n")).toBe(true);
  });
});
