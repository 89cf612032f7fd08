import { describe, expect, it } from "vitest";
import type { GroundResult } from "@/lib/schemas/knowledge";
import { acceptBriefFacts, passageText } from "./pipeline";

const sentence = (text: string, facts: { text: string; supported: boolean }[]) => ({
  index: 0,
  text,
  start: 0,
  end: text.length,
  factual: true,
  supported: facts.every((f) => f.supported),
  facts: facts.map((f) => ({ kind: "entity" as const, normalized: f.text.toLowerCase(), start: 0, end: 1, ...f })),
  support: [],
  method: "lexical" as const,
  reason: "",
});

describe("acceptBriefFacts", () => {
  it("accepts facts the brief states, and only those", () => {
    const r: GroundResult = {
      score: 0,
      factualCount: 2,
      supportedCount: 0,
      sentences: [
        sentence("Made for hikers near Lindau.", [{ text: "Lindau", supported: false }]),
        sentence("It weighs 900 g.", [{ text: "900 g", supported: false }]),
      ],
      chunksConsidered: 3,
      method: "lexical",
      warnings: [],
    };
    const out = acceptBriefFacts(r, "Landing page for the Summit 45 for hikers near LINDAU.");
    expect(out.sentences.map((s) => s.supported)).toEqual([true, false]);
    expect(out.sentences[0]!.reason).toContain("stated in the brief");
    expect(out).toMatchObject({ supportedCount: 1, score: 0.5 });
  });
});

describe("passageText", () => {
  it("drops the heading breadcrumb the chunker puts first, and nothing else", () => {
    expect(passageText({ text: "Summit 45 > Care\nEmpty the pack.", headingPath: ["Summit 45", "Care"] })).toBe(
      "Empty the pack.",
    );
    expect(passageText({ text: "Summit 45 > Ca…\nEmpty the pack.", headingPath: ["Summit 45", "Care"] })).toBe(
      "Empty the pack.",
    );
    expect(passageText({ text: "Intro line\nMore.", headingPath: ["Summit 45"] })).toBe("Intro line\nMore.");
  });

  it("keeps the words of a passage and drops its Markdown: list markers, tables, emphasis", () => {
    const md =
      "## Materials\n- Main body: **210-denier** ripstop\n1. Base: recycled nylon\n| Spec | S/M |\n| --- | --- |\n| Weight | 1.38 kg |\nUse `wax` twice.";
    expect(passageText({ text: md, headingPath: [] })).toBe(
      "Materials\nMain body: 210-denier ripstop\nBase: recycled nylon\nUse wax twice.",
    );
  });
});
