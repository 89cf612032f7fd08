import { describe, expect, it } from "vitest";
import { findProfanity } from "./profanity";

describe("findProfanity", () => {
  it("flags profanity with exact spans, including obfuscated spellings", () => {
    const text = "What the fuck, this is sh1t — total b!tch of a day 😀 fuuuuck";
    const hits = findProfanity(text);
    expect(hits.map((h) => h.word)).toEqual(["fuck", "shit", "bitch", "fuck"]);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.text);
    expect(hits[0]!.text).toBe("fuck");
  });

  it("avoids Scunthorpe false positives", () => {
    for (const clean of [
      "Scunthorpe United",
      "a skills assessment",
      "a classic cocktail",
      "Penistone market",
      "cockpit view",
      "shiitake risotto",
      "Emily Dickinson",
      "graduated magna cum laude",
      "a niggardly budget",
      "a blue tit on the feeder",
      "analysis and therapist notes",
    ]) {
      expect(findProfanity(clean), clean).toEqual([]);
    }
  });
});
