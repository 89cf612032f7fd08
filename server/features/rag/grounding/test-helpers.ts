import type { Entailment, GroundingChunk } from "./types";

/** A hiking-boot product sheet, chunked, plus two other products of the same catalogue. */
export const CHUNKS: GroundingChunk[] = [
  {
    id: "th2-overview",
    documentId: "trailhead-2",
    documentTitle: "Trailhead 2 boots",
    headingPath: ["Trailhead 2", "Overview"],
    text:
      "The Trailhead 2 is Northwind Outdoor's lightweight hiking boot for day hikes and long weekends. " +
      "A pair weighs 1.1 kg (size 42) and costs $149. It has a waterproof NorthDry membrane and a Vibram Megagrip outsole. " +
      "Every pair comes with a 2-year warranty and free returns within 30 days.",
  },
  {
    id: "th2-specs",
    documentId: "trailhead-2",
    documentTitle: "Trailhead 2 boots",
    headingPath: ["Trailhead 2", "Specs"],
    text:
      "Upper: full-grain leather, 1.8 mm\nDrop: 12 mm\nSizes: EU 36–48\n" +
      "Rated 4.8 out of 5 by more than 1,200 hikers.\nLaunched on March 3, 2026.",
  },
  {
    id: "beacon-overview",
    documentId: "beacon-400",
    documentTitle: "Beacon 400 headlamp",
    headingPath: ["Beacon 400"],
    text:
      "The Beacon 400 headlamp puts out 400 lumens. Its 1200 mAh battery lasts 10 hours on the low setting " +
      "and recharges in 3 hours over USB-C. It is water-resistant (IPX4) and weighs 86 g.",
  },
  {
    id: "summit-sale",
    documentId: "summit-pro",
    documentTitle: "Summit Pro jacket",
    headingPath: ["Summit Pro", "Spring sale"],
    text:
      "The Summit Pro jacket is windproof and costs $229. During the spring sale it is 30% off until " +
      "April 15, 2026. Orders over $100 ship free within the U.S.",
  },
];

/** A scripted judge: answers from a table keyed by chunk id, and records its calls. */
export function scriptedJudge(answer: (claim: string, chunkId: string) => { entailed: boolean; confidence: number }) {
  const calls: { claim: string; chunkIds: string[] }[] = [];
  const entail: Entailment = async (claim, passages) => {
    calls.push({ claim, chunkIds: passages.map((p) => p.chunkId) });
    return passages.map((p) => ({ chunkId: p.chunkId, ...answer(claim, p.chunkId) }));
  };
  return { entail, calls };
}

/** Deterministic PRNG (mulberry32, `lib/random.ts`). */
export { mulberry32 as rng } from "@/lib/random";
