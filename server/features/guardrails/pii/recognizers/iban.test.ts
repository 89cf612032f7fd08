import { describe, expect, it } from "vitest";
import { ibanRecognizer } from "./iban";

const find = (t: string) => ibanRecognizer.analyze(t, {}).map((f) => f.text);

describe("IBAN recognizer", () => {
  it("finds electronic and print formats of valid IBANs", () => {
    expect(find("IBAN DE89370400440532013000, BIC COBADEFFXXX")).toEqual(["DE89370400440532013000"]);
    expect(find("to DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX")).toEqual(["DE89 3704 0044 0532 0130 00"]);
    expect(find("GB82 WEST 1234 5698 7654 32.")).toEqual(["GB82 WEST 1234 5698 7654 32"]);
    expect(find("FR14 2004 1010 0505 0001 3M02 606 and NL91ABNA0417164300")).toEqual([
      "FR14 2004 1010 0505 0001 3M02 606",
      "NL91ABNA0417164300",
    ]);
  });

  it("reports the checksum in the reasons with a high score", () => {
    const [f] = ibanRecognizer.analyze("CH93 0076 2011 6238 5295 7", {});
    expect(f?.score).toBeGreaterThanOrEqual(0.9);
    expect(f?.reasons).toContain("mod-97 checksum valid");
  });

  it("rejects an IBAN with one digit changed (mod-97 fails)", () => {
    expect(find("DE89370400440532013001")).toEqual([]);
    expect(find("GB82 WEST 1234 5698 7654 33")).toEqual([]);
    expect(find("DE88 3704 0044 0532 0130 00")).toEqual([]);
  });

  it("rejects unknown countries, wrong lengths and IBANs glued to more characters", () => {
    expect(find("XX89370400440532013000")).toEqual([]);
    expect(find("DE8937040044053201300")).toEqual([]);
    expect(find("DE89370400440532013000X")).toEqual([]);
    expect(find("ABCDE89370400440532013000")).toEqual([]);
  });
});
