import { describe, expect, it } from "vitest";
import { SCORES, usSsnRecognizer, validSsn } from "./us-ssn";

const find = (t: string) => usSsnRecognizer.analyze(t, {}).map((f) => [f.text, f.score] as const);

describe("US SSN recognizer", () => {
  it("finds dashed and spaced SSNs", () => {
    expect(find("SSN 536-22-4817 pasted")).toEqual([["536-22-4817", SCORES.dashed]]);
    expect(find("social security 301 44 9902")).toEqual([["301 44 9902", SCORES.spaced]]);
  });

  it("finds nine bare digits only next to an SSN context word", () => {
    expect(find("SSN: 219554321")).toEqual([["219554321", SCORES.bare]]);
    expect(find("Order 219554321 shipped")).toEqual([]);
  });

  it("rejects SSA-excluded areas, groups and serials", () => {
    for (const s of ["000-12-3456", "666-12-3456", "912-34-5678", "123-00-4567", "123-45-0000"]) {
      expect(find(`SSN ${s}`)).toEqual([]);
    }
    expect(validSsn("078", "05", "1120")).toBe(false);
    expect(validSsn("111", "11", "1111")).toBe(false);
    expect(validSsn("536", "22", "4817")).toBe(true);
  });

  it("rejects mixed separators and numbers inside longer codes", () => {
    expect(find("536-22 4817")).toEqual([]);
    expect(find("REF-536-22-4817")).toEqual([]);
    expect(find("536-22-4817-99")).toEqual([]);
  });
});
