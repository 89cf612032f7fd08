import { describe, expect, it } from "vitest";
import { nearDuplicates, normalisedWords, similarity } from "./similarity";

describe("similarity", () => {
  it("normalises case, punctuation, stop words and plurals", () => {
    expect(normalisedWords("The Boots, for YOU!")).toEqual(["boot"]);
    expect(similarity("Lifetime Warranty", "lifetime warranty!")).toBe(1);
    expect(similarity("Free shipping on all orders", "Free Shipping On Every Order")).toBe(1);
  });

  it("scores reordered and lightly edited headlines high", () => {
    expect(similarity("Free shipping today", "Today: free shipping")).toBe(1);
    expect(similarity("Waterproof hiking boots", "Waterproof hiking boot range")).toBeGreaterThanOrEqual(0.6);
    expect(similarity("Waterproof hiking boots", "Waterproof hikking boots")).toBeGreaterThanOrEqual(0.8);
  });

  it("scores different headlines low", () => {
    expect(similarity("Shop hiking boots", "Shop rain jackets")).toBeLessThan(0.5);
    expect(similarity("Lifetime warranty", "Orders over $40 ship free")).toBeLessThan(0.2);
    expect(similarity("", "anything")).toBe(0);
  });

  it("lists the pairs at or above the threshold", () => {
    const pairs = nearDuplicates(
      ["Lifetime warranty", "Orders over $40 ship free", "Lifetime Warranty!", "Boots"],
      0.8,
    );
    expect(pairs).toEqual([{ a: 0, b: 2, score: 1 }]);
    expect(nearDuplicates(["Waterproof hiking boots", "Waterproof hiking boot range"], 0.95)).toEqual([]);
  });
});
