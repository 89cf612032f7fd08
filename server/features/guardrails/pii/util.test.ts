import { describe, expect, it } from "vitest";
import { allSameDigit, clampScore, digitsOf, foldForScan, isWordCharAt, luhnValid } from "./util";

describe("luhnValid", () => {
  it("accepts well-known test card numbers", () => {
    for (const n of ["4111111111111111", "5555555555554444", "378282246310005", "6011111111111117"]) {
      expect(luhnValid(n)).toBe(true);
    }
  });

  it("rejects a number with one digit changed and non-digits", () => {
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(luhnValid("4111x11111111111")).toBe(false);
    expect(luhnValid("")).toBe(false);
  });
});

describe("helpers", () => {
  it("extracts digits and detects repeated digits", () => {
    expect(digitsOf("+1 (415) 555-0132")).toBe("14155550132");
    expect(allSameDigit("0000000000000000")).toBe(true);
    expect(allSameDigit("0000000000000001")).toBe(false);
  });

  it("clamps scores into 0..1 with two decimals", () => {
    expect(clampScore(1.2)).toBe(1);
    expect(clampScore(-0.1)).toBe(0);
    expect(clampScore(0.123456)).toBe(0.12);
    expect(clampScore(Number.NaN)).toBe(0);
  });

  it("classifies word characters across scripts and lone surrogates", () => {
    expect(isWordCharAt("aé", 1)).toBe(true);
    expect(isWordCharAt("مرحبا", 2)).toBe(true);
    expect(isWordCharAt("a b", 1)).toBe(false);
    expect(isWordCharAt("\uD800", 0)).toBe(false);
    expect(isWordCharAt("x", 5)).toBe(false);
  });
});

describe("foldForScan", () => {
  it("maps Arabic-Indic and full-width digits and no-break spaces one unit for one unit", () => {
    const input = "هاتف ٠٥٠١٢٣٤٥٦٧ and １２３\u00a0x\u2011y";
    const out = foldForScan(input);
    expect(out).toHaveLength(input.length);
    expect(out).toBe("هاتف 0501234567 and 123 x-y");
  });

  it("returns the same string when nothing needs folding", () => {
    const s = "plain ASCII 123";
    expect(foldForScan(s)).toBe(s);
  });
});
