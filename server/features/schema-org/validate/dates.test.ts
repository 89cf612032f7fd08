import { describe, expect, it } from "vitest";
import fc from "fast-check";

import { isIsoDate, isIsoDateTime, isIsoDuration, isIsoTime } from "./dates";

describe("ISO 8601 dates", () => {
  it.each(["2026-05-07", "2024-02-29", "2000-02-29", "2026", "2026-05", "1999-12-31"])("accepts date %s", (d) => {
    expect(isIsoDate(d)).toBe(true);
  });

  it.each([
    "2026-02-30",
    "2023-02-29",
    "1900-02-29",
    "2026-13-01",
    "2026-00-10",
    "2026-04-31",
    "26-05-07",
    "2026/05/07",
    "2026-5-7",
    "",
  ])("rejects date %s", (d) => {
    expect(isIsoDate(d)).toBe(false);
  });

  it("agrees with the calendar for every day of a leap and a common year", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const text = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
          const date = new Date(Date.UTC(2000, m - 1, d));
          date.setUTCFullYear(y);
          const real = date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
          expect(isIsoDate(text)).toBe(real);
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    "2026-05-07T10:00",
    "2026-05-07T10:00:59Z",
    "2026-05-07T23:59:60.5+14:00",
    "2026-05-07T08:00:00-0330",
    "2026-05-07T08:00:00+02",
  ])("accepts date-time %s", (d) => {
    expect(isIsoDateTime(d)).toBe(true);
  });

  it.each([
    "2026-05-07",
    "2026-02-30T10:00",
    "2026-05-07T24:00",
    "2026-05-07T10:60",
    "2026-05-07 10:00",
    "2026-05-07T10:00+15:00",
    "2026-05-07T10",
  ])("rejects date-time %s", (d) => {
    expect(isIsoDateTime(d)).toBe(false);
  });

  it("accepts times and rejects impossible ones", () => {
    expect(isIsoTime("09:30")).toBe(true);
    expect(isIsoTime("23:59:59Z")).toBe(true);
    expect(isIsoTime("9:30")).toBe(false);
    expect(isIsoTime("24:00")).toBe(false);
    expect(isIsoTime("12:61")).toBe(false);
  });

  it("accepts durations and rejects the empty forms", () => {
    for (const d of ["PT1H30M", "P3D", "P1Y2M", "PT0M", "PT4M3S", "PT0.5S", "P1W", "P1DT12H"])
      expect(isIsoDuration(d)).toBe(true);
    for (const d of ["P", "PT", "1 hour", "PT1H30", "P1DT", "PT-5M", "pt5m"]) expect(isIsoDuration(d)).toBe(false);
  });
});
