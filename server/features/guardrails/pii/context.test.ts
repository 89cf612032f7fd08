import { describe, expect, it } from "vitest";
import { CONTEXT_BOOST, CONTEXT_PENALTY, applyContext, contextWindow, findContext, normalizeWords } from "./context";
import type { PiiFinding } from "./types";

function finding(text: string, value: string, entity: PiiFinding["entity"], score: number): PiiFinding {
  const start = text.indexOf(value);
  return { entity, start, end: start + value.length, text: value, score, recognizer: "test", reasons: [] };
}

describe("context window", () => {
  it("normalises punctuation and case", () => {
    expect(normalizeWords("Tel.: Steuer-ID, SSN#")).toEqual(["tel", "steuer", "id", "ssn"]);
  });

  it("keeps at most six whole words from the 40 characters before the match", () => {
    const text = "one two three four five six seven eight nine ten eleven 123";
    const words = contextWindow(text, text.indexOf("123"));
    expect(words.length).toBeLessThanOrEqual(6);
    expect(words.at(-1)).toBe("eleven");
    expect(words).not.toContain("one");
  });

  it("drops a word cut in half by the window edge", () => {
    const text = "x".repeat(5) + "supercalifragilistic " + "a".repeat(25) + " 42";
    const words = contextWindow(text, text.indexOf("42"));
    expect(words).toEqual(["a".repeat(25)]);
  });
});

describe("findContext", () => {
  it("matches phrases and prefix terms", () => {
    expect(findContext("social security number: 1", 24, "US_SSN")).toEqual({
      polarity: "positive",
      term: "social security",
    });
    expect(findContext("Telefonnummer: 1", 15, "PHONE_NUMBER")?.term).toBe("telefon");
  });

  it("lets the nearest word win between positive and negative context", () => {
    const a = "Call us about order 4155550132";
    expect(findContext(a, a.indexOf("4155"), "PHONE_NUMBER")?.polarity).toBe("negative");
    const b = "Order questions? Call 4155550132";
    expect(findContext(b, b.indexOf("4155"), "PHONE_NUMBER")?.polarity).toBe("positive");
  });

  it("ignores words that are too far away", () => {
    const text = "phone " + "filler ".repeat(10) + "4155550132";
    expect(findContext(text, text.indexOf("4155"), "PHONE_NUMBER")).toBeNull();
  });
});

describe("applyContext", () => {
  it("raises the score by the boost, capped at 1, and records the reason", () => {
    const text = "Mobile: 07700 900123";
    const f = applyContext(text, finding(text, "07700 900123", "PHONE_NUMBER", 0.3));
    expect(f.score).toBeCloseTo(0.3 + CONTEXT_BOOST, 5);
    expect(f.reasons).toContain("context: mobile");
    const capped = applyContext(text, finding(text, "07700 900123", "PHONE_NUMBER", 0.9));
    expect(capped.score).toBe(1);
  });

  it("lowers the score on negative context", () => {
    const text = "SKU 415-555-0132";
    const f = applyContext(text, finding(text, "415-555-0132", "PHONE_NUMBER", 0.7));
    expect(f.score).toBeCloseTo(0.7 - CONTEXT_PENALTY, 5);
    expect(f.reasons).toContain("negative context: sku");
  });

  it("leaves a finding without context unchanged", () => {
    const text = "415-555-0132";
    const original = finding(text, text, "PHONE_NUMBER", 0.7);
    expect(applyContext(text, original)).toBe(original);
  });
});
