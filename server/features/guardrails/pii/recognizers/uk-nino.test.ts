import { describe, expect, it } from "vitest";
import { ukNinoRecognizer, validNinoPrefix } from "./uk-nino";

const find = (t: string) => ukNinoRecognizer.analyze(t, {}).map((f) => [f.text, f.score] as const);

describe("UK NINO recognizer", () => {
  it("finds compact and paired forms", () => {
    expect(find("NI number JG103759A.")).toEqual([["JG103759A", 0.5]]);
    expect(find("NINO: AB 12 34 56 C")).toEqual([["AB 12 34 56 C", 0.6]]);
  });

  it("rejects excluded prefix letters and unallocated prefixes", () => {
    for (const p of ["DA", "FA", "IA", "QQ", "UA", "VA", "AO", "AD", "BG", "GB", "NK", "KN", "TN", "NT", "ZZ"]) {
      expect(validNinoPrefix(p)).toBe(false);
      expect(find(`${p}123456A`)).toEqual([]);
    }
    expect(validNinoPrefix("CE")).toBe(true);
  });

  it("rejects suffixes other than A-D and malformed spacing", () => {
    expect(find("AB123456E")).toEqual([]);
    expect(find("AB 12 3456 C")).toEqual([]);
    expect(find("XAB123456C")).toEqual([]);
  });
});
