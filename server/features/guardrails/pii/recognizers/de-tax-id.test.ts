import { describe, expect, it } from "vitest";
import { deTaxIdRecognizer, steuerIdCheckDigit, validSteuerId } from "./de-tax-id";

const find = (t: string) => deTaxIdRecognizer.analyze(t, {}).map((f) => f.text);

describe("German tax ID recognizer", () => {
  it("finds valid Steuer-IDs, bare or grouped", () => {
    expect(find("Steuer-ID 86095742719.")).toEqual(["86095742719"]);
    expect(find("IdNr 57 549 285 017")).toEqual(["57 549 285 017"]);
  });

  it("computes the ISO 7064 MOD 11,10 check digit", () => {
    expect(steuerIdCheckDigit("8609574271")).toBe(9);
    expect(steuerIdCheckDigit("4703689281")).toBe(6);
  });

  it("rejects a wrong check digit", () => {
    expect(validSteuerId("86095742718")).toBe(false);
    expect(find("Steuer-ID 86095742718")).toEqual([]);
  });

  it("enforces the digit-repetition rule and the leading digit", () => {
    // All ten digits distinct: no digit repeats.
    expect(validSteuerId("1234567890" + steuerIdCheckDigit("1234567890"))).toBe(false);
    // Two digits repeated.
    expect(validSteuerId("1123456788" + steuerIdCheckDigit("1123456788"))).toBe(false);
    // One digit three times in a row.
    expect(validSteuerId("1112345678" + steuerIdCheckDigit("1112345678"))).toBe(false);
    // One digit three times, not in a row: allowed.
    expect(validSteuerId("1121345678" + steuerIdCheckDigit("1121345678"))).toBe(true);
    expect(validSteuerId("06095742719")).toBe(false);
  });

  it("scores below the threshold so that a context word is needed", () => {
    expect(deTaxIdRecognizer.analyze("86095742719", {})[0]?.score).toBeLessThan(0.5);
  });

  it("ignores odd groupings and longer digit runs", () => {
    expect(find("8609 5742 719")).toEqual([]);
    expect(find("860957427190")).toEqual([]);
  });
});
