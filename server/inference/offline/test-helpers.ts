/** Shared helpers for the offline engine's tests (not used at runtime). */

export interface TestFact {
  id: string;
  source?: string;
  text: string;
}

export function tagged(parts: {
  channel?: string;
  brief?: string;
  voice?: string;
  facts?: TestFact[];
  instructions?: string;
}): string {
  const out: string[] = [];
  if (parts.channel !== undefined) out.push(`<channel>${parts.channel}</channel>`);
  if (parts.brief !== undefined) out.push(`<brief>${parts.brief}</brief>`);
  if (parts.voice !== undefined) out.push(`<brand_voice>${parts.voice}</brand_voice>`);
  if (parts.facts) {
    out.push("<facts>");
    for (const f of parts.facts) {
      out.push(`  <fact id="${f.id}"${f.source ? ` source="${f.source}"` : ""}>${f.text}</fact>`);
    }
    out.push("</facts>");
  }
  if (parts.instructions !== undefined) out.push(`<instructions>${parts.instructions}</instructions>`);
  return out.join("\n");
}

export const BOOTS_FACTS: TestFact[] = [
  {
    id: "spec-1",
    source: "TrailMax spec sheet",
    text: "TrailMax boots use a Gore-Tex membrane that keeps feet dry in rain for up to 8 hours. Each boot weighs 540 g.",
  },
  {
    id: "warranty-1",
    source: "Warranty policy",
    text: "Every TrailMax boot comes with a 2-year warranty covering seams and soles.",
  },
  { id: "price-1", source: "Price list", text: "The TrailMax retails at $149 and ships free within the EU." },
];

export const BOOTS_PROMPT = tagged({
  channel: "ad",
  brief:
    "Write an ad for our new TrailMax waterproof hiking boots aimed at weekend hikers; highlight the 2-year warranty.",
  voice: "Warm and friendly. No exclamation marks.",
  facts: BOOTS_FACTS,
});

/** All maximal digit runs in a text. */
export function digitRuns(text: string): string[] {
  return text.match(/\d+/g) ?? [];
}

/** Deterministic PRNG (mulberry32, `lib/random.ts`). */
export { mulberry32 as seededRandom } from "@/lib/random";
