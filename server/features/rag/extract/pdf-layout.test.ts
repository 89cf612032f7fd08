import { describe, expect, it } from "vitest";
import { layoutPageText, type PositionedText } from "./pdf-layout";

/** A text item at (x, y) in a 12 pt font. */
const item = (str: string, y: number, hasEOL = false, x = 72): PositionedText => ({
  str,
  transform: [12, 0, 0, 12, x, y],
  height: 12,
  hasEOL,
});

describe("layoutPageText", () => {
  it("breaks lines where PDF.js marks an end of line", () => {
    expect(layoutPageText([item("First line", 700, true), item("second line", 700)])).toBe("First line\nsecond line");
  });

  it("breaks lines where the baseline moves, and joins runs on one baseline", () => {
    expect(layoutPageText([item("Price:", 700), item(" ", 700), item("€20", 701, false, 120), item("Next", 686)])).toBe(
      "Price: €20\nNext",
    );
  });

  it("starts a paragraph after a gap of more than 1.5 line heights", () => {
    const items = [item("One", 700, true), item("two", 686, true), item("Three", 658, true), item("four", 644)];
    expect(layoutPageText(items)).toBe("One\ntwo\n\nThree\nfour");
  });

  it("measures the gap against the larger font, so a heading does not split from its text", () => {
    const heading: PositionedText = {
      str: "Big heading",
      transform: [24, 0, 0, 24, 72, 700],
      height: 24,
      hasEOL: true,
    };
    expect(layoutPageText([heading, item("Body", 672)])).toBe("Big heading\nBody");
  });

  it("uses the matrix scale when an item reports no height", () => {
    const a: PositionedText = { str: "A", transform: [10, 0, 0, 10, 0, 500], height: 0, hasEOL: false };
    const b: PositionedText = { str: "B", transform: [10, 0, 0, 10, 0, 497], height: 0, hasEOL: false };
    expect(layoutPageText([a, b])).toBe("AB");
  });

  it("drops whitespace-only items and lines, and trims lines", () => {
    expect(layoutPageText([item("  ", 700, true), item(" Hello  ", 686, true), item("", 672, true)])).toBe("Hello");
  });

  it("removes control characters left by broken font encodings but keeps tabs", () => {
    expect(layoutPageText([item("A\u0000B\u0007\tC", 700)])).toBe("AB\tC");
  });

  it("returns an empty string for a page without text", () => {
    expect(layoutPageText([])).toBe("");
    expect(layoutPageText([item(" ", 700, true)])).toBe("");
  });
});
