import { describe, expect, it } from "vitest";
import { groundText, groundTextLexical } from "./index";
import { CHUNKS } from "./test-helpers";

const one = (sentence: string, chunks = CHUNKS, minOverlap?: number) => {
  const report = groundTextLexical(sentence, chunks, { minOverlap });
  expect(report.sentences).toHaveLength(1);
  return report.sentences[0]!;
};

describe("groundTextLexical: numbers must match exactly", () => {
  it("supports the right price and cites the product sheet", () => {
    const v = one("Trailhead 2 costs just $149.");
    expect(v.factual).toBe(true);
    expect(v.supported).toBe(true);
    expect(v.method).toBe("lexical");
    expect(v.support.map((s) => s.chunkId)).toEqual(["th2-overview"]);
    expect(v.support[0]!.matchedFacts).toEqual(["Trailhead 2", "$149"]);
    expect(v.support[0]!.score).toBe(1);
    expect(v.reason).toBe("Trailhead 2 and price $149 appear in 'Trailhead 2 boots'");
  });

  it("rejects a wrong price and flags exactly that fact", () => {
    const v = one("Trailhead 2 costs just $129.");
    expect(v.supported).toBe(false);
    expect(v.support).toEqual([]);
    expect(v.facts.map((f) => [f.text, f.supported])).toEqual([
      ["Trailhead 2", true],
      ["$129", false],
    ]);
    expect(v.reason).toBe("No source states price $129");
  });

  it("treats $149.00 and 149 USD as $149", () => {
    expect(one("Trailhead 2 costs $149.00.").supported).toBe(true);
    expect(one("Trailhead 2 costs 149 USD.").supported).toBe(true);
    expect(one("Trailhead 2 costs €149.").supported).toBe(false);
  });

  it("distinguishes 30-day from 60-day returns", () => {
    expect(one("Every Trailhead 2 order gets free returns within 30 days.").supported).toBe(true);
    expect(one("Every Trailhead 2 order gets a 30-day free returns window.").supported).toBe(true);
    const v = one("Every Trailhead 2 order gets a 60-day free returns window.");
    expect(v.supported).toBe(false);
    expect(v.reason).toBe("No source states 60-day");
  });

  it("does not match a value in another unit", () => {
    expect(one("The Trailhead 2 weighs only 1.1 kg.").supported).toBe(true);
    expect(one("The Trailhead 2 weighs only 1,100 g.").supported).toBe(true);
    expect(one("The Trailhead 2 weighs only 1.1 lb.").supported).toBe(false);
    expect(one("The Trailhead 2 weighs only 1.15 kg.").supported).toBe(false);
    expect(one("The Beacon 400 battery lasts 10 hours.").supported).toBe(true);
    expect(one("The Beacon 400 battery lasts 10 days.").supported).toBe(false);
  });

  it("reads 1,200 and 1200 as the same number", () => {
    const chunks = [{ id: "c", text: "The Beacon 400 has a 1,200 mAh battery rated by 1200 hikers." }];
    expect(one("The Beacon 400 has a 1200 mAh battery.", chunks).supported).toBe(true);
    expect(one("Rated by 1,200 hikers.", CHUNKS).supported).toBe(true);
    expect(one("Rated by 1,300 hikers.", CHUNKS).supported).toBe(false);
  });

  it("supports spec-style label lines", () => {
    const r = groundTextLexical("Price: $149\nWeight: 1.1 kg\nWarranty: 2 years\nShipping: 2 business days", CHUNKS);
    expect(r.sentences.map((s) => s.supported)).toEqual([true, true, true, false]);
    expect(r.sentences[3]!.reason).toBe("No source states 2 business days");
  });

  it("matches percentages written with or without a space", () => {
    expect(one("Take 30 % off the Summit Pro during the spring sale.").supported).toBe(true);
    expect(one("Take 40% off the Summit Pro during the spring sale.").supported).toBe(false);
  });

  it("matches dates after normalisation, a less specific date by a more specific one", () => {
    expect(one("The Trailhead 2 launched on 2026-03-03.").supported).toBe(true);
    expect(one("The Trailhead 2 launched on 3 March 2026.").supported).toBe(true);
    expect(one("The Trailhead 2 launched in March 2026.").supported).toBe(true);
    expect(one("The Trailhead 2 launched on March 4, 2026.").supported).toBe(false);
    expect(one("The Summit Pro sale runs until April 15, 2026.").supported).toBe(true);
  });
});

describe("groundTextLexical: names and claims", () => {
  it("requires named entities to appear in the chunk", () => {
    const yes = one("Its Vibram Megagrip outsole grips wet rock.");
    expect(yes.supported).toBe(true);
    expect(yes.support[0]!.chunkId).toBe("th2-overview");
    const no = one("Its Michelin outsole grips wet rock.");
    expect(no.supported).toBe(false);
    expect(no.reason).toBe("No source states Michelin");
  });

  it("finds a product name in the document title and is case-insensitive", () => {
    const chunks = [{ id: "p", documentTitle: "TRAILHEAD 2 boots", text: "A pair weighs 1.1 kg." }];
    expect(one("The Trailhead 2 weighs 1.1 kg.", chunks).supported).toBe(true);
    expect(one("The Trailhead 3 weighs 1.1 kg.", chunks).supported).toBe(false);
  });

  it("accepts a claim stated in other word forms, not a stronger claim", () => {
    expect(one("Summit Pro orders over $100 ship free.").supported).toBe(true);
    expect(one("The Trailhead 2 is waterproof.").supported).toBe(true);
    const v = one("The Trailhead 2 is the most comfortable boot we have ever made.");
    expect(v.supported).toBe(false);
    expect(v.reason).toBe("No source states “most comfortable”");
  });

  it("does not let a price from another product support the sentence", () => {
    const v = one("Trailhead 2 costs $229.");
    expect(v.supported).toBe(false);
    expect(v.reason).toBe("No single source states price $229 together with Trailhead 2");
    expect(v.facts.map((f) => f.supported)).toEqual([true, false]);
  });

  it("needs enough content-word overlap with the chunk", () => {
    const chunks = [{ id: "x", text: "Gift cards from $149 are available in store." }];
    const v = one("Trailhead 2 hikers cross glaciers for $149.", [{ ...chunks[0]!, documentTitle: "Trailhead 2" }]);
    expect(v.supported).toBe(false);
    expect(v.reason).toMatch(
      /^'Trailhead 2' states Trailhead 2 and price \$149 but shares only 25% of the sentence's content words \(needs 30%\)$/,
    );
    expect(
      one("Trailhead 2 hikers cross glaciers for $149.", [{ ...chunks[0]!, documentTitle: "Trailhead 2" }], 0.25)
        .supported,
    ).toBe(true);
  });

  it("combines two chunks of the same document, never of different documents", () => {
    const v = one("Trailhead 2 launched on March 3, 2026 and costs $149.");
    expect(v.supported).toBe(true);
    expect(v.support.map((s) => s.chunkId).sort()).toEqual(["th2-overview", "th2-specs"]);
    expect(v.reason).toContain("two passages of 'Trailhead 2 boots'");
    const split = CHUNKS.map((c) => ({ ...c, documentId: c.id }));
    expect(one("Trailhead 2 launched on March 3, 2026 and costs $149.", split).supported).toBe(false);
  });
});

describe("report", () => {
  const copy = [
    "Trailhead 2 hiking boots",
    "Trailhead 2 costs just $149 and weighs 1.1 kg.",
    "Free returns within 60 days.",
    "Shop now.",
    "Your next adventure starts here.",
    "Every pair comes with a 2-year warranty.",
  ].join("\n");

  it("leaves non-factual sentences out of the score", () => {
    const r = groundTextLexical(copy, CHUNKS);
    expect(r.sentences.map((s) => s.supported)).toEqual([true, true, false, null, null, true]);
    const cta = r.sentences[3]!;
    expect(cta).toMatchObject({ text: "Shop now.", factual: false, facts: [], supported: null, support: [] });
    expect(r.factualCount).toBe(4);
    expect(r.supportedCount).toBe(3);
    expect(r.score).toBe(0.75);
    expect(r.unsupported.map((s) => s.text)).toEqual(["Free returns within 60 days."]);
  });

  it("gives offsets that slice back to sentences and facts", () => {
    const text = `  ${copy.replace(/\n/g, "\r\n")}  `;
    const r = groundTextLexical(text, CHUNKS);
    expect(r.sentences).toHaveLength(6);
    for (const s of r.sentences) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      for (const f of s.facts) expect(text.slice(f.start, f.end)).toBe(f.text);
    }
  });

  it("scores 1 for empty text and for text without facts", () => {
    expect(groundTextLexical("", CHUNKS)).toEqual({
      sentences: [],
      factualCount: 0,
      supportedCount: 0,
      score: 1,
      unsupported: [],
    });
    expect(groundTextLexical("Shop now. Love the outdoors?", CHUNKS).score).toBe(1);
  });

  it("marks every factual sentence unsupported when there are no chunks", () => {
    const r = groundTextLexical(copy, []);
    expect(r.score).toBe(0);
    expect(r.supportedCount).toBe(0);
    expect(r.unsupported).toHaveLength(4);
    expect(r.unsupported[0]!.reason).toBe("No source passages were given to check Trailhead 2 against");
    expect(r.unsupported.flatMap((s) => s.facts).every((f) => !f.supported)).toBe(true);
  });

  it("is deterministic and groundText without a judge gives the same report", async () => {
    const a = groundTextLexical(copy, CHUNKS);
    expect(groundTextLexical(copy, CHUNKS)).toEqual(a);
    expect(await groundText(copy, CHUNKS)).toEqual(a);
  });

  it("rejects an out-of-range minOverlap", () => {
    expect(() => groundTextLexical("x", CHUNKS, { minOverlap: 1.5 })).toThrow(RangeError);
    expect(() => groundTextLexical("x", CHUNKS, { minOverlap: Number.NaN })).toThrow(/minOverlap/);
  });
});
