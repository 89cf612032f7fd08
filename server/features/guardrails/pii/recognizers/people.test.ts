import { describe, expect, it } from "vitest";
import { buildPeopleIndex, peopleRecognizer } from "./people";

const PEOPLE = ["Dana Whitfield", "Marcus Oyelaran", "Priya Raman", "Jonas Bergmann", "Elif Kaya"];
const find = (t: string, people: string[] = PEOPLE) =>
  peopleRecognizer.analyze(t, { people }).map((f) => [f.text, f.score] as const);

describe("people (CRM) recognizer", () => {
  it("finds full names with a high score", () => {
    expect(find("Loop in Priya Raman on the review.")).toEqual([["Priya Raman", 0.9]]);
    expect(find("Elif Kaya and Marcus Oyelaran will co-host.")).toEqual([
      ["Elif Kaya", 0.9],
      ["Marcus Oyelaran", 0.9],
    ]);
  });

  it("finds surnames alone, also possessive", () => {
    expect(find("Bergmann wants the invite out; Oyelaran's team agrees.")).toEqual([
      ["Bergmann", 0.7],
      ["Oyelaran", 0.7],
    ]);
  });

  it("joins a listed first name and a listed surname of different people", () => {
    expect(find("Dana Kaya signed.")).toEqual([["Dana Kaya", 0.85]]);
  });

  it("scores a first name alone below the threshold", () => {
    expect(find("Hi Priya,")).toEqual([["Priya", 0.4]]);
  });

  it("is case-sensitive and matches whole words only", () => {
    expect(find("dana.whitfield@example.com, WHITFIELD, Whitfields, Ramanathan")).toEqual([]);
  });

  it("requires names to be separated by spaces only", () => {
    expect(find("Priya\nRaman")).toEqual([
      ["Priya", 0.4],
      ["Raman", 0.7],
    ]);
  });

  it("supports single-word entries and ignores empty ones", () => {
    expect(find("Thanks, Madonna!", ["Madonna", "", "  "])).toEqual([["Madonna", 0.7]]);
  });

  it("returns nothing without a people list", () => {
    expect(peopleRecognizer.analyze("Dana Whitfield", {})).toEqual([]);
  });

  it("caches the index per list", () => {
    expect(buildPeopleIndex(PEOPLE)).toBe(buildPeopleIndex(PEOPLE));
  });
});
