/**
 * Profanity in generated copy, via `obscenity` (English dataset + recommended transformers, which
 * catch "f*ck", "sh1t", "fuuuck" and confusable letters).
 *
 * The dataset already whitelists many Scunthorpe cases ("Scunthorpe", "assessment", "classic",
 * "cocktail"); the extra whitelist below covers everyday words, names and places it still flags.
 */
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from "obscenity";

export type ProfanityHit = { start: number; end: number; text: string; word: string };

/** Whole terms that contain a blacklisted pattern but are not profane. */
const EXTRA_WHITELIST = [
  "cockpit",
  "cockpits",
  "cockatoo",
  "cockatiel",
  "dickens",
  "dickinson",
  "moby dick",
  "shiitake",
  "pussycat",
  "pussy willow",
  "cum laude",
  "penistone",
  "niggardly",
  "tit for tat",
  "blue tit",
  "great tit",
  "titmouse",
  "bastardized",
  "bastardised",
  "sextant",
  "sex education",
  "dikshit",
  "hooker furniture",
];

let matcher: RegExpMatcher | null = null;

function getMatcher(): RegExpMatcher {
  if (!matcher) {
    const built = englishDataset.build();
    matcher = new RegExpMatcher({
      ...built,
      ...englishRecommendedTransformers,
      whitelistedTerms: [...(built.whitelistedTerms ?? []), ...EXTRA_WHITELIST],
    });
  }
  return matcher;
}

export function findProfanity(text: string): ProfanityHit[] {
  const seen = new Set<string>();
  const out: ProfanityHit[] = [];
  for (const match of getMatcher().getAllMatches(text, true)) {
    // obscenity's endIndex is inclusive; it may report one span twice (several patterns).
    const start = match.startIndex;
    const end = match.endIndex + 1;
    const key = `${start}:${end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const word = englishDataset.getPayloadWithPhraseMetadata(match).phraseMetadata?.originalWord ?? "profanity";
    out.push({ start, end, text: text.slice(start, end), word });
  }
  return out;
}
