import { paragraphRanges } from "./plaintext";
import { sentenceRanges } from "./sentences";

/** Counts behind Vale's `metric` variables and `readability` scores (prose's `summarize.Document`). */
export interface TextStats {
  words: number;
  sentences: number;
  paragraphs: number;
  /** Letters and digits. */
  characters: number;
  syllables: number;
  /** Words of more than two syllables, not counting -es/-ed/-ing. */
  complexWords: number;
  /** Words longer than six characters. */
  longWords: number;
  /** Words of more than two syllables. */
  polysyllabicWords: number;
}

const WORD = /[\p{L}\p{N}]+(?:['\u2019.-][\p{L}\p{N}]+)*/gu;

const syllableCache = new Map<string, number>();

/** English syllable estimate: vowel groups, minus silent final -e / -es / -ed (not after t/d). Memoised. */
export function syllables(word: string): number {
  let n = syllableCache.get(word);
  if (n === undefined) {
    n = countSyllables(word);
    if (syllableCache.size > 100_000) syllableCache.clear();
    syllableCache.set(word, n);
  }
  return n;
}

function countSyllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (w.length === 0) return /\p{N}/u.test(word) ? 1 : 0;
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|[^laeiouytd]ed|[^laeiouy]e)$/, (m) => m[0]!);
  w = w.replace(/^y/, "");
  const groups = w.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 0);
}

export function computeStats(text: string): TextStats {
  const s: TextStats = {
    words: 0,
    sentences: sentenceRanges(text).length,
    paragraphs: paragraphRanges(text).length,
    characters: 0,
    syllables: 0,
    complexWords: 0,
    longWords: 0,
    polysyllabicWords: 0,
  };
  // Words never span whitespace, so one pass over the whole text counts them all.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const word = m[0];
    s.words++;
    s.characters += ASCII_WORD.test(word) ? word.length : (word.match(/[\p{L}\p{N}]/gu) ?? []).length;
    if (word.length > 6) s.longWords++;
    const syl = syllables(word);
    s.syllables += syl;
    if (syl > 2) {
      s.polysyllabicWords++;
      const complex = /(?:es|ed|ing)$/.test(word) ? syl - 1 : syl;
      if (complex > 2) s.complexWords++;
    }
  }
  return s;
}

const ASCII_WORD = /^[A-Za-z0-9]+$/;

export type ReadabilityMetric = "Flesch-Kincaid" | "Gunning Fog" | "Coleman-Liau" | "SMOG" | "Automated Readability";
export const READABILITY_METRICS: readonly ReadabilityMetric[] = [
  "Flesch-Kincaid",
  "Gunning Fog",
  "Coleman-Liau",
  "SMOG",
  "Automated Readability",
];

/** Grade level of one metric (standard published formulas, as in prose's summarize package). */
export function gradeLevel(metric: ReadabilityMetric, s: TextStats): number {
  const words = Math.max(s.words, 1);
  const sentences = Math.max(s.sentences, 1);
  switch (metric) {
    case "Flesch-Kincaid":
      return 0.39 * (words / sentences) + 11.8 * (s.syllables / words) - 15.59;
    case "Gunning Fog":
      return 0.4 * (words / sentences + 100 * (s.complexWords / words));
    case "Coleman-Liau":
      return 0.0588 * ((s.characters / words) * 100) - 0.296 * ((sentences / words) * 100) - 15.8;
    case "SMOG":
      return 1.043 * Math.sqrt((s.polysyllabicWords * 30) / sentences) + 3.1291;
    case "Automated Readability":
      return 4.71 * (s.characters / words) + 0.5 * (words / sentences) - 21.43;
  }
}
