import { describe, expect, it } from "vitest";
import { charLength, displayLength, hasWideChars } from "./width";

describe("displayLength", () => {
  it("counts ASCII and Latin letters one per code point", () => {
    expect(displayLength("Hiking boots")).toBe(12);
    expect(displayLength("Crème brûlée")).toBe(12);
    // Decomposed (e + combining accent) counts the same after NFC.
    expect(displayLength("Cre\u0300me")).toBe(5);
    expect(charLength("Cre\u0300me")).toBe(5);
  });

  it("counts CJK, kana, hangul and fullwidth forms double", () => {
    expect(displayLength("防水")).toBe(4);
    expect(displayLength("カタカナ")).toBe(8);
    expect(displayLength("한국어")).toBe(6);
    expect(displayLength("ＡＢＣ")).toBe(6);
    expect(displayLength("防水ブーツ new")).toBe(14);
    expect(displayLength("字".repeat(15))).toBe(30);
    expect(charLength("字".repeat(15))).toBe(15);
  });

  it("counts an astral code point once (not as two UTF-16 units) and ambiguous-width characters as narrow", () => {
    expect("𝒜".length).toBe(2);
    expect(displayLength("𝒜")).toBe(1);
    expect(displayLength("±°")).toBe(2);
  });

  it("tells whether a text has double-width characters", () => {
    expect(hasWideChars("防水 boots")).toBe(true);
    expect(hasWideChars("boots")).toBe(false);
  });
});
