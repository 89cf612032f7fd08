import { describe, expect, it } from "vitest";
import { safeCell } from "./csv-safe";

describe("safeCell", () => {
  it("prefixes a quote to cells that would start a formula", () => {
    expect(safeCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(safeCell("+1 555")).toBe("'+1 555");
    expect(safeCell("-20% off")).toBe("'-20% off");
    expect(safeCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeCell("\t=1")).toBe("'\t=1");
    expect(safeCell("\r=1")).toBe("'\r=1");
  });

  it("leaves other cells alone", () => {
    expect(safeCell("Hiking boots = comfort")).toBe("Hiking boots = comfort");
    expect(safeCell(" =1")).toBe(" =1");
    expect(safeCell("")).toBe("");
    expect(safeCell(null)).toBe("");
    expect(safeCell(3)).toBe("3");
  });
});
