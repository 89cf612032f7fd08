import { describe, expect, it } from "vitest";
import { groundText, groundTextLexical, type GroundingChunk } from "./index";
import { rng } from "./test-helpers";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

type Sheet = { price: number; grams: number; days: number; pct: number; years: number; month: number; day: number };
type Fact = keyof Sheet;

function sheet(r: () => number): Sheet {
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  return {
    price: int(40, 400),
    grams: int(6, 24) * 100,
    days: int(2, 12) * 5,
    pct: int(1, 9) * 5,
    years: int(1, 5),
    month: int(1, 12),
    day: int(1, 28),
  };
}

function chunkFor(s: Sheet): GroundingChunk {
  return {
    id: "sheet",
    documentId: "ridgeline-3",
    documentTitle: "Ridgeline 3 trail runner",
    text:
      `The Ridgeline 3 trail runner costs $${s.price} and a pair weighs ${s.grams / 1000} kg. ` +
      `Returns are free within ${s.days} days and every pair has a ${s.years}-year warranty. ` +
      `Members save ${s.pct}% until ${MONTHS[s.month - 1]} ${s.day}, 2026.`,
  };
}

/** One sentence per fact, written in one of several equivalent surface forms. */
function sentence(fact: Fact, s: Sheet, r: () => number): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  switch (fact) {
    case "price":
      return pick([
        `The Ridgeline 3 costs $${s.price}.`,
        `The Ridgeline 3 costs ${s.price} USD.`,
        `The Ridgeline 3 costs $${s.price}.00.`,
      ]);
    case "grams":
      return pick([
        `A pair of Ridgeline 3 weighs ${s.grams / 1000} kg.`,
        `A pair of Ridgeline 3 weighs ${s.grams.toLocaleString("en-US")} g.`,
        `A pair of Ridgeline 3 weighs ${s.grams / 1000}kg.`,
      ]);
    case "days":
      return pick([
        `Ridgeline 3 returns are free within ${s.days} days.`,
        `Ridgeline 3 comes with free returns within ${s.days} days.`,
      ]);
    case "pct":
      return pick([
        `Members save ${s.pct}% on the Ridgeline 3.`,
        `Members save ${s.pct} % on the Ridgeline 3.`,
        `Members save ${s.pct} percent on the Ridgeline 3.`,
      ]);
    case "years":
      return pick([
        `Every Ridgeline 3 pair has a ${s.years}-year warranty.`,
        `Every Ridgeline 3 pair has a warranty of ${s.years} years.`,
      ]);
    case "month":
    case "day":
      return pick([
        `The Ridgeline 3 member sale runs until ${MONTHS[s.month - 1]} ${s.day}, 2026.`,
        `The Ridgeline 3 member sale runs until ${s.day} ${MONTHS[s.month - 1]} 2026.`,
        `The Ridgeline 3 member sale runs until 2026-${String(s.month).padStart(2, "0")}-${String(s.day).padStart(2, "0")}.`,
      ]);
  }
}

/** Changes one fact to a value that appears nowhere in the source. */
function perturb(fact: Fact, s: Sheet, r: () => number): Sheet {
  const used = new Set(Object.values(s).flatMap((v) => [v, v / 1000]));
  const step: Record<Fact, number[]> = {
    price: [-10, -1, 1, 5, 10, 20],
    grams: [-200, -100, 100, 50, 300],
    days: [-5, 5, 10, 30],
    pct: [-5, 5, 10, 15],
    years: [-1, 1, 2, 8],
    month: [-1, 1, 2],
    day: [-2, -1, 1, 2],
  };
  for (;;) {
    const v = s[fact] + step[fact][Math.floor(r() * step[fact].length)]!;
    const ok = v > 0 && (fact !== "month" || v <= 12) && (fact !== "day" || v <= 28);
    if (ok && !used.has(v) && !used.has(v / 1000)) return { ...s, [fact]: v };
  }
}

const FACTS: Fact[] = ["price", "grams", "days", "pct", "years", "month", "day"];

describe("property: perturbed numbers are never supported", () => {
  it("supports every faithful sentence (the generator is sound)", () => {
    for (let seed = 1; seed <= 150; seed++) {
      const r = rng(seed);
      const s = sheet(r);
      const fact = FACTS[seed % FACTS.length]!;
      const text = sentence(fact, s, r);
      const v = groundTextLexical(text, [chunkFor(s)]).sentences[0]!;
      expect({ seed, text, supported: v.supported, reason: v.reason }).toMatchObject({ supported: true });
    }
  });

  it("never supports a sentence with one number changed, even with a judge that always agrees", async () => {
    const yes = async (_: string, passages: { chunkId: string }[]) =>
      passages.map((p) => ({ chunkId: p.chunkId, entailed: true, confidence: 1 }));
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed * 7919);
      const s = sheet(r);
      const fact = FACTS[Math.floor(r() * FACTS.length)]!;
      const text = sentence(fact, perturb(fact, s, r), r);
      const chunk = chunkFor(s);
      const lexical = groundTextLexical(text, [chunk]).sentences[0]!;
      expect({ seed, text, supported: lexical.supported }).toMatchObject({ supported: false });
      const judged = (await groundText(text, [chunk], { entail: yes })).sentences[0]!;
      expect({ seed, text, supported: judged.supported }).toMatchObject({ supported: false });
      expect(lexical.facts.some((f) => !f.supported && f.kind !== "entity" && f.kind !== "claim")).toBe(true);
    }
  });
});

const VOCAB = [
  "Trailhead 2",
  "trail",
  "boots",
  "$149",
  "$19.99",
  "€49,99",
  "1,200",
  "1.1 kg",
  "30-day",
  "30 %",
  "March 3, 2026",
  "2026-03-03",
  "e.g.",
  "U.S.",
  "Inc.",
  "approx.",
  "No. 1",
  "#1",
  "waterproof",
  "free returns",
  "GORE-TEX",
  "NW-200",
  "-5 °C",
  "20–30",
  "Größe",
  "日本",
  "🥾",
  "naïve",
  "—",
  ":",
  "(",
  ")",
  '"',
  "’s",
  ".",
  "!",
  "?",
  "...",
  ",",
  "\n",
  "\n- ",
  "\r\n1. ",
  "  ",
];

describe("property: structural invariants on random text", () => {
  it("keeps offsets exact, sentences ordered and the arithmetic consistent", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed);
      const words = Array.from({ length: Math.floor(r() * 60) }, () => VOCAB[Math.floor(r() * VOCAB.length)]!);
      const text = words.join(r() < 0.5 ? " " : "");
      const chunks: GroundingChunk[] = r() < 0.2 ? [] : [{ id: "a", text: words.slice(0, 20).join(" ") }];
      const report = groundTextLexical(text, chunks);
      let last = 0;
      for (const [i, s] of report.sentences.entries()) {
        expect(s.index).toBe(i);
        expect(s.start).toBeGreaterThanOrEqual(last);
        expect(text.slice(s.start, s.end)).toBe(s.text);
        expect(s.text).toBe(s.text.trim());
        last = s.end;
        expect(s.factual).toBe(s.facts.length > 0);
        expect(s.supported === null).toBe(!s.factual);
        for (const f of s.facts) {
          expect(f.start).toBeGreaterThanOrEqual(s.start);
          expect(f.end).toBeLessThanOrEqual(s.end);
          expect(text.slice(f.start, f.end)).toBe(f.text);
        }
        if (s.supported) expect(s.support.length).toBeGreaterThan(0);
        else expect(s.support).toEqual([]);
      }
      const factual = report.sentences.filter((s) => s.factual);
      expect(report.factualCount).toBe(factual.length);
      expect(report.unsupported).toEqual(factual.filter((s) => !s.supported));
      expect(report.score).toBe(factual.length ? report.supportedCount / factual.length : 1);
    }
  });
});
