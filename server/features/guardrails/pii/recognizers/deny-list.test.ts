import { describe, expect, it } from "vitest";
import { denyListRecognizer, findDenyListed, lowerSameLength } from "./deny-list";

describe("deny-list recognizer", () => {
  it("matches terms case-insensitively as PERSON with score 1", () => {
    const f = findDenyListed("Ask project bluebird and PROJECT BLUEBIRD.", ["Project Bluebird"]);
    expect(f.map((x) => [x.text, x.entity, x.score])).toEqual([
      ["project bluebird", "PERSON", 1],
      ["PROJECT BLUEBIRD", "PERSON", 1],
    ]);
  });

  it("matches whole words only", () => {
    expect(findDenyListed("Anna, Annabel, hanna", ["anna"]).map((x) => x.text)).toEqual(["Anna"]);
  });

  it("keeps offsets aligned when lower-casing would change the length", () => {
    const text = "İstanbul office: Elif";
    expect(lowerSameLength(text)).toHaveLength(text.length);
    const [f] = findDenyListed(text, ["elif"]);
    expect(text.slice(f!.start, f!.end)).toBe("Elif");
  });

  it("is exempt from context scoring and off without a list", () => {
    expect(denyListRecognizer.skipContext).toBe(true);
    expect(denyListRecognizer.analyze("anything", {})).toEqual([]);
  });
});
