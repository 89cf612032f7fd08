import { describe, expect, it } from "vitest";
import { SCORES, cardBrand, creditCardRecognizer } from "./credit-card";

const find = (t: string) => creditCardRecognizer.analyze(t, {}).map((f) => [f.text, f.score] as const);

describe("credit-card recognizer", () => {
  it("finds Luhn-valid numbers of known issuers, grouped or not", () => {
    expect(find("card 4111 1111 1111 1111, exp 09/27")).toEqual([["4111 1111 1111 1111", SCORES.brandGrouped]]);
    expect(find("5555555555554444")).toEqual([["5555555555554444", SCORES.brand]]);
    expect(find("Amex 3782 822463 10005.")).toEqual([["3782 822463 10005", SCORES.brandGrouped]]);
    expect(find("Visa 4012-8888-8888-1881")[0]?.[0]).toBe("4012-8888-8888-1881");
  });

  it("drops a trailing group that is not part of the number", () => {
    expect(find("5555 5555 5555 4444 12/27").map((f) => f[0])).toEqual(["5555 5555 5555 4444"]);
  });

  it("rejects numbers that look right but fail Luhn", () => {
    expect(find("4111 1111 1111 1112")).toEqual([]);
    expect(find("5555555555554445")).toEqual([]);
    expect(find("1234 5678 9012 3456")).toEqual([]);
  });

  it("rejects repeated digits, odd grouping and numbers inside longer digit runs", () => {
    expect(find("0000 0000 0000 0000")).toEqual([]);
    expect(find("41 111 111 111 111 11")).toEqual([]);
    expect(find("94111111111111111")).toEqual([]);
    expect(find("4111 1111-1111 1111")).toEqual([]);
  });

  it("scores a Luhn-valid number with an unknown prefix low", () => {
    // 16 digits starting with 1: Luhn-valid but no issuer uses it.
    expect(find("1000000000000008")).toEqual([["1000000000000008", SCORES.unknownPrefix]]);
    expect(SCORES.unknownPrefix).toBeLessThan(0.5);
  });

  it("names the issuer only when prefix and length fit", () => {
    expect(cardBrand("378282246310005")).toBe("American Express");
    expect(cardBrand("3782822463100051")).toBeNull();
    expect(cardBrand("2223003122003222")).toBe("Mastercard");
  });
});
