import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences";

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe("splitSentences", () => {
  it("returns exact offsets and consecutive indexes", () => {
    const t = "  Trailhead 2 costs $149.   Shop now!\n\n- Free returns within 30 days\r\nWhy wait?";
    const out = splitSentences(t);
    expect(out.map((s) => s.text)).toEqual([
      "Trailhead 2 costs $149.",
      "Shop now!",
      "Free returns within 30 days",
      "Why wait?",
    ]);
    out.forEach((s, i) => {
      expect(s.index).toBe(i);
      expect(t.slice(s.start, s.end)).toBe(s.text);
    });
  });

  it("does not split on decimals, prices or abbreviations", () => {
    expect(
      texts(
        "It weighs approx. 2.5 kg and costs $19.99 in the U.S. market. Made by Northwind Outdoor Inc. in Portland.",
      ),
    ).toEqual([
      "It weighs approx. 2.5 kg and costs $19.99 in the U.S. market.",
      "Made by Northwind Outdoor Inc. in Portland.",
    ]);
    expect(texts("Great for long trips, e.g. the Pacific Crest Trail. Rated No. 1 by Mr. Smith.")).toEqual([
      "Great for long trips, e.g. the Pacific Crest Trail.",
      "Rated No. 1 by Mr. Smith.",
    ]);
  });

  it("ends a sentence after an initialism when a new sentence clearly starts", () => {
    expect(texts("Every boot is made in the U.S. Our factory is in Maine.")).toEqual([
      "Every boot is made in the U.S.",
      "Our factory is in Maine.",
    ]);
    expect(texts("Tested by the U.S. Forest Service.")).toEqual(["Tested by the U.S. Forest Service."]);
  });

  it("treats each line as its own sentence and drops bullet markers", () => {
    const t =
      "Trailhead 2 hiking boots\n- Waterproof NorthDry membrane\n• 1.1 kg per pair\n1. Clean\n2) Dry\n✅ Free returns";
    expect(texts(t)).toEqual([
      "Trailhead 2 hiking boots",
      "Waterproof NorthDry membrane",
      "1.1 kg per pair",
      "Clean",
      "Dry",
      "Free returns",
    ]);
  });

  it("keeps a number that starts a line (not a list marker)", () => {
    expect(texts("30% off this week\n-5 °C rated")).toEqual(["30% off this week", "-5 °C rated"]);
  });

  it("handles quotes, ellipses and CJK punctuation", () => {
    expect(texts('"Best boot I own." Wait... it gets better. Really?! Yes.')).toEqual([
      '"Best boot I own."',
      "Wait... it gets better.",
      "Really?!",
      "Yes.",
    ]);
    expect(texts("防水靴。轻便！")).toEqual(["防水靴。", "轻便！"]);
  });

  it("returns nothing for empty or punctuation-only text", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences("  \n---\n ... \n")).toEqual([]);
  });
});
