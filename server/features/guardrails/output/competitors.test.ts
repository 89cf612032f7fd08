import { describe, expect, it } from "vitest";
import { findCompetitors } from "./competitors";

describe("findCompetitors", () => {
  it("matches whole words, case-insensitively, with possessives and multi-word names", () => {
    const text = "Unlike ACME's kettles or globex   corp, we ship free. Acmeville is a town.";
    const hits = findCompetitors(text, ["Acme", "Globex Corp"]);
    expect(hits.map((h) => [h.text, h.name])).toEqual([
      ["ACME's", "Acme"],
      ["globex   corp", "Globex Corp"],
    ]);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.text);
  });

  it("prefers the longer name and escapes regex characters", () => {
    expect(findCompetitors("Try Acme Cloud today", ["Acme", "Acme Cloud"]).map((h) => h.name)).toEqual(["Acme Cloud"]);
    expect(findCompetitors("Made with C++ and A.B. Tools’s help", ["C++", "A.B. Tools"]).map((h) => h.text)).toEqual([
      "C++",
      "A.B. Tools’s",
    ]);
  });

  it("handles accents and ignores empty or one-letter names", () => {
    expect(findCompetitors("Besser als Öko-Müller!", ["öko-müller"])).toHaveLength(1);
    expect(findCompetitors("X marks the spot", ["X", " ", ""])).toEqual([]);
  });
});
