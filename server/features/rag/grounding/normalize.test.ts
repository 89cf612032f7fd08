import { describe, expect, it } from "vitest";
import {
  clockTime,
  currencyAfter,
  currencyBefore,
  formatMeasure,
  formatNumber,
  isoDate,
  matchUnit,
  numberWordValue,
  parseAmount,
} from "./normalize";

describe("numbers", () => {
  it("parses thousands separators and decimals", () => {
    expect(parseAmount("1,200")).toBe(1200);
    expect(parseAmount("1200")).toBe(1200);
    expect(parseAmount("1,200.50")).toBe(1200.5);
    expect(parseAmount("19.99")).toBe(19.99);
    expect(parseAmount("12,00")).toBeNull();
    expect(parseAmount("49,99", true)).toBe(49.99);
    expect(parseAmount("1.200,00", true)).toBe(1200);
  });

  it("formats canonically", () => {
    expect(formatNumber(149.0)).toBe("149");
    expect(formatNumber(1.1 * 1000)).toBe("1100");
    expect(formatNumber(-0)).toBe("0");
    expect(formatNumber(19.9)).toBe("19.9");
  });

  it("reads spelled-out numbers", () => {
    expect(numberWordValue("two")).toBe(2);
    expect(numberWordValue("twenty-four")).toBe(24);
    expect(numberWordValue("a hundred")).toBe(100);
    expect(numberWordValue("zwei")).toBeNull();
  });
});

describe("currencies", () => {
  it("recognises symbols and ISO codes on either side", () => {
    expect(currencyBefore("costs $")).toEqual({ currency: "USD", length: 1 });
    expect(currencyBefore("only US$")).toEqual({ currency: "USD", length: 3 });
    expect(currencyBefore("from € ")).toEqual({ currency: "EUR", length: 2 });
    expect(currencyBefore("EUR ")).toEqual({ currency: "EUR", length: 4 });
    expect(currencyBefore("SEUR ")).toBeNull();
    expect(currencyAfter(" USD.")).toEqual({ currency: "USD", length: 4 });
    expect(currencyAfter(" €")).toEqual({ currency: "EUR", length: 2 });
    expect(currencyAfter(" dollars")).toEqual({ currency: "USD", length: 8 });
    expect(currencyAfter(" USDA")).toBeNull();
  });
});

describe("units", () => {
  const m = (s: string) => {
    const u = matchUnit(s);
    return u && formatMeasure(2, u);
  };

  it("normalises within a unit system", () => {
    expect(formatMeasure(1.1, matchUnit(" kg")!)).toBe("1.1 kg");
    expect(formatMeasure(1100, matchUnit(" g")!)).toBe("1.1 kg");
    expect(formatMeasure(1.8, matchUnit(" mm")!)).toBe("1.8 mm");
    expect(formatMeasure(2, matchUnit(" weeks")!)).toBe("14 days");
    expect(formatMeasure(90, matchUnit(" min")!)).toBe("1.5 h");
    expect(formatMeasure(-5, matchUnit(" °C")!)).toBe("-5 °C");
  });

  it("keeps different units apart", () => {
    expect(m(" kg")).not.toBe(m(" lb"));
    expect(m(" days")).not.toBe(m(" hours"));
    expect(m(" months")).not.toBe(m(" years"));
    expect(m(" °C")).not.toBe(m(" °F"));
  });

  it("accepts a space, no space or a hyphen, and needs a word boundary", () => {
    expect(m("kg")).toBe("2 kg");
    expect(m("-day warranty")).toBe("2 days");
    expect(m("\u00a0mAh")).toBe("2 mAh");
    expect(m(" km/h")).toBe("2 km/h");
    expect(m(" great reasons")).toBeNull();
    expect(m(" in the box")).toBeNull();
    expect(m(" Large")).toBeNull();
  });
});

describe("dates", () => {
  it("builds ISO dates, partial dates and rejects impossible ones", () => {
    expect(isoDate(2026, 3, 3)).toBe("2026-03-03");
    expect(isoDate(2026, 3, null)).toBe("2026-03");
    expect(isoDate(null, 3, 3)).toBe("--03-03");
    expect(isoDate(2026, null, null)).toBe("2026");
    expect(isoDate(2026, 4, 31)).toBeNull();
    expect(isoDate(2026, 2, 29)).toBeNull();
    expect(isoDate(2028, 2, 29)).toBe("2028-02-29");
    expect(isoDate(2026, 13, 1)).toBeNull();
  });

  it("converts clock times to 24 h", () => {
    expect(clockTime(5, 0, "p")).toBe("17:00");
    expect(clockTime(12, 30, "a")).toBe("00:30");
    expect(clockTime(15, 30, null)).toBe("15:30");
    expect(clockTime(13, 0, "p")).toBeNull();
  });
});
